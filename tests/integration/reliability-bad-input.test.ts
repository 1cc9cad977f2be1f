// docs/reliability.md, guarantee 7: hostile and oversized uploads get a clear 4xx naming the problem and write nothing;
// absurd numbers in the text and a brief without figures are valid and stored. Big valid briefs: reliability-limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../functions/core/model.ts';
import { maxBodyBytes } from '../../functions/handlers/limits.ts';
import {
  type Answer,
  briefWithOneFigure as brief,
  type Harness,
  startHarness,
} from '../support/sandbox-harness.ts';

interface ErrorBody {
  error: { code: string; message: string; issues: { path: string; message: string }[] };
}

interface UploadAnswer {
  brief: { id: string; revision: number };
  figures: Figure[];
}

let harness: Harness;

function without(field: string, id: string): Record<string, unknown> {
  const { [field]: _dropped, ...rest } = brief(id);
  return rest;
}

/** Raw bytes: a JSON text whose body string holds bytes that are not UTF-8. */
function invalidUtf8Body(id: string): Buffer {
  const [before, after] = JSON.stringify(brief(id, { body: 'BROKEN' })).split('BROKEN');
  return Buffer.concat([
    Buffer.from(`${before}就业`),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
    Buffer.from(`${after}`),
  ]);
}

function padded(id: string, bytes: number): string {
  return JSON.stringify(brief(id, { body: `新增就业1200人。${'x'.repeat(bytes)}` }));
}

interface RejectedCase {
  name: string;
  id: string;
  body: unknown;
  status: number;
  /** What the error must name: the field and/or the value received. */
  names: RegExp[];
}

const rejected: RejectedCase[] = [
  {
    name: 'malformed JSON',
    id: 'bad-json',
    body: '{"id":"bad-json","headline": ',
    status: 400,
    names: [/JSON/],
  },
  {
    name: 'a JSON array',
    id: 'bad-array',
    body: [brief('bad-array')],
    status: 400,
    names: [/\(root\)/, /object/i],
  },
  {
    name: 'a JSON string',
    id: 'bad-string',
    body: '"just text"',
    status: 400,
    names: [/\(root\)/, /just text/],
  },
  { name: 'an empty body', id: 'bad-empty', body: '', status: 400, names: [/empty/] },
  {
    name: 'headline a number',
    id: 'bad-type-headline',
    body: brief('bad-type-headline', { headline: 42 }),
    status: 400,
    names: [/headline/, /42/],
  },
  {
    name: 'body an object',
    id: 'bad-type-body',
    body: brief('bad-type-body', { body: { text: 'x' } }),
    status: 400,
    names: [/body/, /object/],
  },
  {
    name: 'publishedAt a number',
    id: 'bad-type-published',
    body: brief('bad-type-published', { publishedAt: 1593561600 }),
    status: 400,
    names: [/publishedAt/, /1593561600/],
  },
  {
    name: 'region an array',
    id: 'bad-type-region',
    body: brief('bad-type-region', { region: ['大连'] }),
    status: 400,
    names: [/region/, /大连/],
  },
  { name: 'id a number', id: '12345', body: brief('x', { id: 12345 }), status: 400, names: [/id/, /12345/] },
  {
    name: 'missing headline',
    id: 'bad-missing-headline',
    body: without('headline', 'bad-missing-headline'),
    status: 400,
    names: [/headline/, /received nothing/],
  },
  {
    name: 'missing body',
    id: 'bad-missing-body',
    body: without('body', 'bad-missing-body'),
    status: 400,
    names: [/body/, /received nothing/],
  },
  {
    name: 'missing publishedAt',
    id: 'bad-missing-published',
    body: without('publishedAt', 'bad-missing-published'),
    status: 400,
    names: [/publishedAt/, /received nothing/],
  },
  {
    name: 'NUL in the headline',
    id: 'bad-nul',
    body: brief('bad-nul', { headline: '新增就业\u00001200人' }),
    status: 400,
    names: [/headline/, /U\+0000/],
  },
  {
    name: 'ESC in the body',
    id: 'bad-esc',
    body: brief('bad-esc', { body: '新增就业\u001b[31m1200人' }),
    status: 400,
    names: [/body/, /U\+001B/],
  },
  {
    name: 'DEL in the region',
    id: 'bad-del',
    body: brief('bad-del', { region: '大\u007f连' }),
    status: 400,
    names: [/region/, /U\+007F/],
  },
  {
    name: 'a lone surrogate in the body',
    id: 'bad-surrogate',
    body: '{"id":"bad-surrogate","headline":"就业","body":"就业\\ud800人","publishedAt":"2020-07-01T00:00:00Z"}',
    status: 400,
    names: [/body/, /surrogate/],
  },
  {
    name: 'invalid UTF-8 bytes',
    id: 'bad-utf8',
    body: invalidUtf8Body('bad-utf8'),
    status: 400,
    names: [/UTF-8/],
  },
  {
    name: 'an unknown field',
    id: 'bad-unknown',
    body: brief('bad-unknown', { author: 'someone' }),
    status: 400,
    names: [/author/],
  },
  {
    name: 'an id with slashes',
    id: 'a/../../b',
    body: brief('a/../../b'),
    status: 400,
    names: [/id/, /a\/\.\.\/\.\.\/b/],
  },
  {
    name: 'publishedAt not a date',
    id: 'bad-date',
    body: brief('bad-date', { publishedAt: 'last Tuesday' }),
    status: 400,
    names: [/publishedAt/, /last Tuesday/],
  },
  {
    name: 'asOf not a calendar date',
    id: 'bad-asof',
    body: brief('bad-asof', { asOf: '2020-13-45' }),
    status: 400,
    names: [/asOf/, /2020-13-45/],
  },
  {
    name: 'a body past 256 KiB',
    id: 'bad-256k',
    body: padded('bad-256k', maxBodyBytes),
    status: 413,
    names: [new RegExp(String(maxBodyBytes))],
  },
  {
    name: 'a body past the 400 KB item limit',
    id: 'bad-400k',
    body: padded('bad-400k', 420_000),
    status: 413,
    names: [new RegExp(String(maxBodyBytes))],
  },
];

async function briefStatus(id: string): Promise<number> {
  return (await harness.request(`/briefs/${encodeURIComponent(id)}`)).status;
}

async function upload(body: unknown): Promise<Answer<ErrorBody & UploadAnswer>> {
  return harness.post('/briefs', body);
}

beforeAll(async () => {
  harness = await startHarness('bad-input');
  const seeded = await upload(brief('seed-before-the-matrix'));
  expect(seeded.status).toBe(201);
  await harness.settled();
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

describe('bad input to POST /briefs', () => {
  it.each(rejected)('refuses $name with $status, naming it, and writes nothing', async (input) => {
    const itemsBefore = await harness.itemCount();
    const changesBefore = await harness.changes();
    const answer = await upload(input.body);
    expect(answer.status, answer.text).toBe(input.status);
    expect(answer.body.error.code).toBe(input.status === 413 ? 'payload_too_large' : 'invalid_request');
    const said = `${answer.body.error.message} ${JSON.stringify(answer.body.error.issues)}`;
    for (const name of input.names) expect(said).toMatch(name);
    await harness.settled();
    expect(await briefStatus(input.id)).toBe(404);
    expect(await harness.itemCount()).toBe(itemsBefore);
    expect(await harness.changes()).toEqual(changesBefore);
  });

  it('refuses the same inputs on POST /briefs/preview too', async () => {
    for (const input of rejected) {
      const answer = await harness.post('/briefs/preview', input.body);
      expect(answer.status, input.name).toBe(input.status);
    }
  });

  it('stores absurd numbers in text as finite values or skips them, and the pipeline keeps going', async () => {
    const body = `新增就业1e400人，比例为NaN%，指数为Infinity点，共有${'9'.repeat(99)}人，又有-${'8'.repeat(99)}元。`;
    const answer = await upload(brief('absurd-numbers', { body, headline: '荒诞的数字' }));
    expect(answer.status, answer.text).toBe(201);
    for (const figure of answer.body.figures)
      expect(Number.isFinite(figure.value), figure.surface).toBe(true);
    await harness.settled();
    expect(await briefStatus('absurd-numbers')).toBe(200);
    expect(harness.failures('pipeline')).toEqual([]);
    for (const event of await harness.changes()) expect(Number.isFinite(event.data.current.value)).toBe(true);
  });

  it('accepts a brief with no figures: 201, figures [], no change', async () => {
    const changesBefore = (await harness.changes()).length;
    const answer = await upload(
      brief('no-figures', { headline: '今日无事', body: '会议如期举行，气氛热烈。' }),
    );
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body.figures).toEqual([]);
    await harness.settled();
    expect(await briefStatus('no-figures')).toBe(200);
    expect((await harness.changes()).length).toBe(changesBefore);
  });

  it('still accepts and publishes a good brief after all of the above', async () => {
    const answer = await upload(brief('after-the-matrix'));
    expect(answer.status).toBe(201);
    await harness.settled();
    expect(harness.published().some((event) => event.data.metric.startsWith('区-after-the-matrix'))).toBe(
      true,
    );
  });
});
