// Email as subscribers get it from the whole sandbox, read from the .eml files its SNS writes: one mail per change
// for an `each` subscriber, one digest per brief revision for a `digest` subscriber, in the brief's language, with
// links to the public pages and SNS's unsubscribe link, which works. Editors list and delete subscriptions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailBody, mailFiles, mailSubject } from '../support/mail.ts';
import { type Harness, startHarness } from '../support/sandbox-harness.ts';

const region = '邮件市';
/** A brief of the region's two figures as of the 10th of a month, published on the 15th. */
const brief = (month: number, rate: string, jobs: string) => ({
  id: `mail-jobs-${month}`,
  headline: `${region}城镇登记失业率${rate}%`,
  body: `截至${month}月10日，${region}城镇登记失业率为${rate}%，城镇新增就业${jobs}人。`,
  publishedAt: `2020-0${month}-15`,
  region,
});
const each = 'each.reader@example.com';
const digest = 'digest.reader@example.com';

let harness: Harness;
/** The mail of each address, confirmation first, then notifications in the order they were sent. */
const mail = (address: string) => mailFiles(harness.dataDir, address);

async function confirmByMail(address: string): Promise<void> {
  const link = /http:\/\/\S+Action=ConfirmSubscription\S+/.exec(mailBody(mail(address)[0]))?.[0] ?? '';
  expect((await fetch(link)).status, `confirmation link of ${address}`).toBe(200);
}

beforeAll(async () => {
  harness = await startHarness('email');
  // The first values, before anyone subscribes: what the second brief changes.
  expect((await harness.post('/briefs', brief(6, '2.79', '42303'))).status).toBe(201);
  await harness.settled();
  // An editor subscribes one address to each change; a reader subscribes the other, and takes the default.
  const editors = await harness.post('/subscriptions', {
    protocol: 'email',
    endpoint: each,
    delivery: 'each',
  });
  expect(editors.status, editors.text).toBe(201);
  const readers = await harness.post(
    '/email-subscriptions',
    { protocol: 'email', endpoint: digest, filter: { regions: [region] } },
    {},
  );
  expect(readers.body).toEqual({ status: 'accepted', delivery: 'digest' });
  await harness.settled();
  await confirmByMail(each);
  await confirmByMail(digest);
  expect((await harness.post('/briefs', brief(7, '2.85', '51268'))).status).toBe(201);
  await harness.settled();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

describe('after a second brief changes two figures', () => {
  it('mails an each subscriber two mails whose subjects name the figure and its move', () => {
    const notifications = mail(each).slice(1);
    expect(notifications.map(mailSubject).sort()).toEqual([
      '城镇新增就业 42,303人 → 51,268人（+8,965人，+21.2%）',
      '城镇登记失业率 2.79% → 2.85%（+0.06个百分点）',
    ]);
  });

  it('mails a digest subscriber one mail listing both changes', () => {
    const notifications = mail(digest).slice(1);
    expect(notifications).toHaveLength(1);
    expect(mailSubject(notifications[0])).toBe(`${region}城镇登记失业率2.85%（2项变化）`);
    const body = mailBody(notifications[0]);
    expect(body).toContain('\n1. 城镇登记失业率 2.79% → 2.85%（+0.06个百分点）\r\n');
    expect(body).toContain('\n2. 城镇新增就业 42,303人 → 51,268人（+8,965人，+21.2%）\r\n');
  });

  it('links every mail to the public pages, and keeps SNS’s unsubscribe link', () => {
    const [change] = mail(each).slice(1).map(mailBody);
    const [summary] = mail(digest).slice(1).map(mailBody);
    expect(change).toMatch(new RegExp(`指标页面：${harness.url}/metric/${encodeURIComponent(region)}`));
    expect(summary).toContain(`简报全文及全部变化：${harness.url}/brief/mail-jobs-7`);
    for (const text of [change, summary]) expect(text).toMatch(/Action=Unsubscribe&SubscriptionArn=/);
  });

  it('publishes the digest once, and no digest reaches the each subscriber nor a change the digest one', () => {
    expect(harness.digests().map((event) => [event.id, event.data.changeCount])).toEqual([
      ['mail-jobs-6.1.digest', 2],
      ['mail-jobs-7.1.digest', 2],
    ]);
    expect(mail(each).slice(1).map(mailSubject).join()).not.toContain('项变化');
    expect(mail(digest).slice(1).map(mailSubject).join()).not.toContain('→');
  });
});

describe('managing subscriptions', () => {
  it('lists both confirmed subscriptions for editors, addresses partly hidden', async () => {
    const listed = await harness.request<{ subscriptions: Record<string, unknown>[] }>('/subscriptions', {
      headers: { authorization: `Bearer ${harness.token}` },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.subscriptions).toEqual([
      expect.objectContaining({ endpoint: 'e***@example.com', status: 'confirmed', delivery: 'each' }),
      expect.objectContaining({
        endpoint: 'd***@example.com',
        status: 'confirmed',
        delivery: 'digest',
        filter: { regions: [region] },
      }),
    ]);
    expect(listed.text).not.toContain(each);
  });

  it('stops a reader’s mail once the unsubscribe link in it is followed, and an editor’s delete stops the other', async () => {
    const [summary] = mail(digest).slice(1).map(mailBody);
    const unsubscribe = /http:\/\/\S+Action=Unsubscribe\S+/.exec(summary ?? '')?.[0] ?? '';
    expect((await fetch(unsubscribe)).status).toBe(200);
    const listed = await harness.request<{ subscriptions: { id: string }[] }>('/subscriptions', {
      headers: { authorization: `Bearer ${harness.token}` },
    });
    const [remaining] = listed.body.subscriptions;
    expect(listed.body.subscriptions).toHaveLength(1);
    const deleted = await harness.request(`/subscriptions/${remaining?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${harness.token}` },
    });
    expect(deleted.status).toBe(204);
    const before = { each: mail(each).length, digest: mail(digest).length };

    expect((await harness.post('/briefs', brief(8, '2.91', '60000'))).status).toBe(201);
    await harness.settled();

    expect(harness.digests().map((event) => event.id)).toContain('mail-jobs-8.1.digest');
    expect({ each: mail(each).length, digest: mail(digest).length }).toEqual(before);
  });
});
