// `/brief/{id}`: one brief as readers follow a change to it, its figures marked and linked to their metrics.
import '../styles/site.css';
import { brief, type StoredBrief } from '../lib/api.ts';
import { BriefText, FigureTable } from '../lib/brief-text.tsx';
import { formatDay } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { mount, Notice, useTitle } from '../lib/shell.tsx';
import { useLoad } from '../lib/use-load.ts';

function Brief({ stored }: { stored: StoredBrief }) {
  const { brief: content } = stored;
  const facts = [
    formatDay(content.publishedAt),
    content.region,
    content.source,
    `${stored.briefId} · ${t('briefRevision', { n: stored.revision })}`,
  ].filter((fact): fact is string => fact !== undefined && fact !== '');
  return (
    <article class="panel brief-page">
      <p class="eyebrow">{facts.join(' · ')}</p>
      <BriefText brief={content} figures={stored.figures} title />
      {stored.figures.length === 0 ? null : (
        <>
          <h2 class="panel-title">{t('figuresFound', { n: stored.figures.length })}</h2>
          <FigureTable figures={stored.figures} linkMetrics />
        </>
      )}
    </article>
  );
}

function BriefPage() {
  const id = decodeURIComponent(location.pathname.slice('/brief/'.length));
  const loaded = useLoad(() => brief(id), [id]);
  useTitle(
    loaded.state === 'done' && loaded.value !== undefined ? loaded.value.brief.headline : t('briefTitle'),
  );
  if (loaded.state === 'loading') return <Notice>{t('loading')}</Notice>;
  if (loaded.state === 'failed')
    return <Notice tone="error">{t('loadFailed', { message: loaded.error.message })}</Notice>;
  if (loaded.value === undefined) return <Notice>{t('briefNotFound')}</Notice>;
  return (
    <div class="narrow">
      <Brief stored={loaded.value} />
    </div>
  );
}

mount(BriefPage);
