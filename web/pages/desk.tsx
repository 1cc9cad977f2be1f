// `/desk`: the editors' desk. Write a brief, see its figures marked and the changes it would cause as you type,
// publish it, and come back to it for a revision.
import '../styles/site.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  briefRevision,
  briefRevisions,
  type Draft,
  type DraftField,
  draftIssues,
  draftOf,
  type FigureView,
  isUnauthorized,
  newsroomToday,
  type PlacedIssues,
  type Preview,
  type Published,
  preview,
  publish,
  type SiteConfig,
} from '../lib/api.ts';
import { BriefText, FigureTable } from '../lib/brief-text.tsx';
import { ChangeList } from '../lib/change-list.tsx';
import { CorrectionsPanel } from '../lib/corrections.tsx';
import { Field, FormIssues } from '../lib/field.tsx';
import { formatDay, formatMoment } from '../lib/format.ts';
import { type MessageKey, t } from '../lib/i18n.ts';
import { recentBriefIds, rememberBrief } from '../lib/recent-briefs.ts';
import { mount, Notice, useTitle } from '../lib/shell.tsx';
import { SignIn, useEditor, WithSiteConfig } from '../lib/sign-in.tsx';
import { useLoad } from '../lib/use-load.ts';

/** Long enough not to ask at every keystroke, short enough to feel live. */
const previewDelayMs = 350;

type Issues = PlacedIssues<DraftField>;

function newDraft(timeZone: string): Draft {
  const today = newsroomToday(timeZone);
  // An id from the start, so that publishing again after an edit is a revision of the same brief.
  return {
    id: `desk-${today}-${crypto.randomUUID().slice(0, 8)}`,
    headline: '',
    body: '',
    date: today,
    region: '',
    source: '',
  };
}

const publishedKeys: Record<Published['outcome'], MessageKey> = {
  created: 'publishedCreated',
  revision: 'publishedRevision',
  unchanged: 'publishedUnchanged',
};

/** Enough to go back a few steps; older revisions are a query away (GET /briefs/{id}/revisions?before=). */
const revisionsShown = 5;

/** The revision an editor opened, to say what publishing will do. */
interface Opened {
  id: string;
  revision: number;
  latest: number;
}

function RecentBriefs({ round, onOpen }: { round: number; onOpen: (draft: Draft, opened: Opened) => void }) {
  const ids = recentBriefIds();
  const listed = useLoad(
    () => Promise.all(ids.map(async (id) => ({ id, revisions: await briefRevisions(id, revisionsShown) }))),
    [round],
  );
  const [opening, setOpening] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const open = async (id: string, revision: number, latest: number) => {
    setOpening(`${id}#${revision}`);
    setFailure(undefined);
    try {
      onOpen(draftOf(await briefRevision(id, revision)), { id, revision, latest });
    } catch (error) {
      setFailure(t('loadFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setOpening(undefined);
    }
  };
  return (
    <section class="panel" aria-labelledby="recent-title">
      <h2 class="panel-title" id="recent-title">
        {t('recentTitle')}
      </h2>
      {ids.length === 0 ? <p class="field-hint">{t('recentEmpty')}</p> : null}
      {listed.state === 'failed' ? (
        <Notice tone="error">{t('loadFailed', { message: listed.error.message })}</Notice>
      ) : null}
      {failure === undefined ? null : <Notice tone="error">{failure}</Notice>}
      {listed.state === 'done' ? (
        <ul class="recent-list">
          {listed.value.map(({ id, revisions }) => {
            const [latest, ...older] = revisions ?? [];
            if (latest === undefined)
              return (
                <li key={id} class="recent-missing">
                  {t('recentMissing', { id })}
                </li>
              );
            return (
              <li key={id}>
                <div class="recent-headline">{latest.headline}</div>
                <div class="recent-meta">
                  {id} · {t('briefRevision', { n: latest.revision })} · {formatDay(latest.publishedAt)}
                </div>
                <button
                  type="button"
                  class="button button-quiet button-small"
                  disabled={opening !== undefined}
                  onClick={() => open(id, latest.revision, latest.revision)}
                >
                  {t('recentOpen')}
                </button>
                {older.length === 0 ? null : (
                  <div class="recent-revisions">
                    <span class="recent-revisions-label">{t('olderRevisions')}</span>
                    {older.map((revision) => (
                      <button
                        key={revision.revision}
                        type="button"
                        class="revision-chip"
                        aria-label={t('openRevision', { n: revision.revision })}
                        title={`${revision.headline} · ${formatMoment(revision.storedAt)}`}
                        disabled={opening !== undefined}
                        onClick={() => open(id, revision.revision, latest.revision)}
                      >
                        {t('briefRevision', { n: revision.revision })}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}

function Desk({
  timeZone,
  corrections,
  onRejected,
}: {
  timeZone: string;
  /** Whether the API has the editors' corrections. */
  corrections: boolean;
  onRejected: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => newDraft(timeZone));
  const [shown, setShown] = useState<{ draft: Draft; answer: Preview } | undefined>();
  const [updating, setUpdating] = useState(false);
  const [issues, setIssues] = useState<Issues | undefined>();
  const [published, setPublished] = useState<Published | undefined>();
  const [publishing, setPublishing] = useState(false);
  const [recentRound, setRecentRound] = useState(0);
  const [opened, setOpened] = useState<Opened | undefined>();
  const [correcting, setCorrecting] = useState<FigureView | undefined>();
  // A correction changes how the same text reads: the preview asks again.
  const [previewRound, setPreviewRound] = useState(0);
  // The newest draft: answers about older ones arrive late and are dropped.
  const latest = useRef(draft);
  latest.current = draft;

  const failed = (error: unknown) => (isUnauthorized(error) ? onRejected() : setIssues(draftIssues(error)));

  useEffect(() => {
    if (draft.headline.trim() === '' || draft.body.trim() === '') {
      setShown(undefined);
      setIssues(undefined);
      return;
    }
    const timer = setTimeout(async () => {
      setUpdating(true);
      try {
        const answer = await preview(draft);
        if (latest.current !== draft) return;
        setShown({ draft, answer });
        setIssues(undefined);
      } catch (error) {
        if (latest.current !== draft) return;
        setShown(undefined);
        failed(error);
      } finally {
        if (latest.current === draft) setUpdating(false);
      }
    }, previewDelayMs);
    return () => clearTimeout(timer);
  }, [draft, previewRound]);

  const edit = (field: DraftField) => (event: { currentTarget: { value: string } }) => {
    setDraft({ ...draft, [field]: event.currentTarget.value });
    setPublished(undefined);
    // Another id is another brief: the revision it was opened from no longer says what publishing does.
    if (field === 'id') setOpened(undefined);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setPublishing(true);
    try {
      const result = await publish(draft);
      rememberBrief(result.brief.id);
      setPublished(result);
      setOpened(undefined);
      setIssues(undefined);
      setRecentRound((round) => round + 1);
    } catch (error) {
      failed(error);
    } finally {
      setPublishing(false);
    }
  };

  const open = (next: Draft, from?: Opened) => {
    setDraft(next);
    setOpened(from);
    setPublished(undefined);
    window.scrollTo({ top: 0 });
  };

  const error = (field: DraftField) => issues?.fields[field];

  return (
    <div class="desk">
      <div class="desk-compose">
        <form class="panel" onSubmit={submit} noValidate>
          {opened === undefined ? null : (
            <p class="editing-note" role="status">
              {t(opened.revision === opened.latest ? 'editingLatest' : 'editingOlder', {
                id: opened.id,
                n: opened.revision,
                latest: opened.latest,
              })}
            </p>
          )}
          <Field id="headline" label={t('headline')} error={error('headline')}>
            {(control) => (
              <input
                {...control}
                type="text"
                class="input-headline"
                value={draft.headline}
                onInput={edit('headline')}
              />
            )}
          </Field>
          <Field id="body" label={t('body')} error={error('body')}>
            {(control) => <textarea {...control} rows={11} value={draft.body} onInput={edit('body')} />}
          </Field>
          <div class="field-row">
            <Field id="date" label={t('date')} error={error('date')}>
              {(control) => (
                <input {...control} type="date" required value={draft.date} onInput={edit('date')} />
              )}
            </Field>
            <Field id="region" label={t('region')} error={error('region')}>
              {(control) => <input {...control} type="text" value={draft.region} onInput={edit('region')} />}
            </Field>
            <Field id="source" label={t('source')} error={error('source')}>
              {(control) => <input {...control} type="text" value={draft.source} onInput={edit('source')} />}
            </Field>
          </div>
          <Field id="brief-id" label={t('briefId')} hint={t('briefIdHint')} error={error('id')}>
            {(control) => (
              <input
                {...control}
                type="text"
                class="input-mono"
                spellcheck={false}
                value={draft.id}
                onInput={edit('id')}
              />
            )}
          </Field>
          <FormIssues lines={issues?.other ?? []} />
          <div class="form-actions">
            <button type="submit" class="button" disabled={publishing}>
              {publishing ? t('publishing') : t('publish')}
            </button>
            <button type="button" class="button button-quiet" onClick={() => open(newDraft(timeZone))}>
              {t('newBrief')}
            </button>
          </div>
          {published === undefined ? null : (
            <p class={`result result-${published.outcome}`} role="status">
              {t(publishedKeys[published.outcome], { id: published.brief.id, n: published.brief.revision })}
            </p>
          )}
        </form>
        <RecentBriefs round={recentRound} onOpen={open} />
      </div>
      <div class="desk-preview">
        <section class="panel" aria-labelledby="preview-title" aria-busy={updating}>
          <h2 class="panel-title" id="preview-title">
            {t('previewTitle')}
            <span class="panel-note" aria-live="polite">
              {updating
                ? t('previewUpdating')
                : shown === undefined
                  ? ''
                  : t('figuresFound', { n: shown.answer.figures.length })}
            </span>
          </h2>
          {shown === undefined ? (
            <p class="field-hint">{t('previewEmpty')}</p>
          ) : (
            <>
              <BriefText brief={shown.draft} figures={shown.answer.figures} />
              {shown.answer.figures.length === 0 ? null : (
                <FigureTable
                  figures={shown.answer.figures}
                  onCorrect={corrections ? setCorrecting : undefined}
                />
              )}
            </>
          )}
        </section>
        {correcting === undefined ? null : (
          <CorrectionsPanel
            key={`${correcting.offset}:${correcting.length}`}
            metric={correcting.metric}
            label={correcting.label}
            onMoved={(moved) => setCorrecting({ ...correcting, metric: moved.into })}
            onChanged={() => setPreviewRound((round) => round + 1)}
            onRejected={onRejected}
          />
        )}
        {shown === undefined ? null : (
          <section class="panel impact" aria-labelledby="impact-title">
            <h2 class="panel-title" id="impact-title">
              {t('impactTitle')}
            </h2>
            {shown.answer.changes.length === 0 ? (
              <p class="field-hint">{t('impactNone')}</p>
            ) : (
              <ChangeList events={shown.answer.changes} showSource={false} />
            )}
          </section>
        )}
      </div>
    </div>
  );
}

function DeskFor({ config }: { config: SiteConfig }) {
  const editor = useEditor(config.signIn);
  return (
    <>
      <div class="page-head page-head-split">
        <div>
          <h1>{t('deskTitle')}</h1>
          <p class="lead">{t('deskLead')}</p>
        </div>
        {editor.signedIn ? (
          <button type="button" class="button button-quiet" onClick={() => editor.signOut()}>
            {t('signOut')}
          </button>
        ) : null}
      </div>
      {editor.signedIn ? (
        <Desk
          timeZone={config.timeZone}
          corrections={config.corrections}
          onRejected={() => editor.signOut('rejected')}
        />
      ) : (
        <SignIn lead={t('signInLead')} signIn={config.signIn} editor={editor} />
      )}
    </>
  );
}

function DeskPage() {
  useTitle(t('deskTitle'));
  return <WithSiteConfig>{(config) => <DeskFor config={config} />}</WithSiteConfig>;
}

mount(DeskPage);
