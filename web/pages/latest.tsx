// `/`: the latest changes, filtered by region, type and a metric search, with the matching feeds.
import '../styles/site.css';
import { useMemo, useState } from 'preact/hooks';
import { type ChangeFilter, type ChangeType, changeTypes, latestChanges, metrics } from '../lib/api.ts';
import { ChangeList } from '../lib/change-list.tsx';
import { typeName } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { feedFormats, feedHref } from '../lib/links.ts';
import { mount, Notice, useTitle } from '../lib/shell.tsx';
import { useLoad } from '../lib/use-load.ts';

/** Enough for a front page; older changes are in the feeds and on each metric's page. */
const shown = 200;

function matches(search: string, ...texts: string[]): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || texts.some((text) => text.toLowerCase().includes(needle));
}

function LatestPage() {
  useTitle(t('latestTitle'));
  const [region, setRegion] = useState('');
  const [type, setType] = useState<ChangeType | ''>('');
  const [search, setSearch] = useState('');
  const filter: ChangeFilter = {
    ...(region === '' ? {} : { region }),
    ...(type === '' ? {} : { type }),
  };
  const changes = useLoad(() => latestChanges(filter, shown), [region, type]);
  const known = useLoad(metrics, []);
  const regions = useMemo(
    () => (known.state === 'done' ? [...new Set(known.value.map((metric) => metric.region))].sort() : []),
    [known],
  );
  const visible =
    changes.state === 'done'
      ? changes.value.filter((event) => matches(search, event.data.label, event.data.metric))
      : [];

  return (
    <>
      <div class="page-head">
        <h1>{t('latestTitle')}</h1>
        <p class="lead">{t('latestLead')}</p>
      </div>
      <div class="toolbar">
        <form class="filters" onSubmit={(event) => event.preventDefault()}>
          <label class="field field-inline">
            <span class="field-label">{t('filterRegion')}</span>
            <select value={region} onChange={(event) => setRegion(event.currentTarget.value)}>
              <option value="">{t('filterAll')}</option>
              {regions.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label class="field field-inline">
            <span class="field-label">{t('filterType')}</span>
            <select value={type} onChange={(event) => setType(event.currentTarget.value as ChangeType | '')}>
              <option value="">{t('filterAll')}</option>
              {changeTypes.map((name) => (
                <option key={name} value={name}>
                  {typeName(name)}
                </option>
              ))}
            </select>
          </label>
          <label class="field field-inline field-grow">
            <span class="field-label">{t('filterMetric')}</span>
            <input
              type="search"
              value={search}
              placeholder={t('filterMetricPlaceholder')}
              onInput={(event) => setSearch(event.currentTarget.value)}
            />
          </label>
        </form>
        <p class="feed-links">
          <span>{t('feedsLabel')}</span>
          {feedFormats.map(({ format, name }) => (
            <a key={format} class="feed-link" href={feedHref(format, filter)}>
              {name}
            </a>
          ))}
        </p>
      </div>
      {changes.state === 'loading' ? <Notice>{t('loading')}</Notice> : null}
      {changes.state === 'failed' ? (
        <Notice tone="error">
          {t('loadFailed', { message: changes.error.message })}{' '}
          <button type="button" class="link-button" onClick={changes.reload}>
            {t('retry')}
          </button>
        </Notice>
      ) : null}
      {changes.state === 'done' ? (
        visible.length === 0 ? (
          <Notice>{t('noChanges')}</Notice>
        ) : (
          <>
            <p class="count">{t('changesCount', { n: visible.length })}</p>
            <ChangeList events={visible} />
          </>
        )
      ) : null}
    </>
  );
}

mount(LatestPage);
