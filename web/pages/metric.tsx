// `/metric/{key}`: one metric, its history by as-of date as a chart and as a table, its feeds and subscription.
import '../styles/site.css';
import { useState } from 'preact/hooks';
import { type HistoryEntry, type MetricSummary, metricHistory } from '../lib/api.ts';
import { editorToken, forgetEditorToken } from '../lib/auth.ts';
import { CorrectionsPanel } from '../lib/corrections.tsx';
import { formatDay, formatDelta, formatFigure, typeName, typeSlug } from '../lib/format.ts';
import { HistoryChart } from '../lib/history-chart.tsx';
import { t } from '../lib/i18n.ts';
import { briefHref, feedFormats, feedHref, metricHref, subscribeHref } from '../lib/links.ts';
import { mount, Notice, useTitle } from '../lib/shell.tsx';
import { WithSiteConfig } from '../lib/sign-in.tsx';
import { useLoad } from '../lib/use-load.ts';

function metricKeyOfPath(): string {
  return decodeURIComponent(location.pathname.slice('/metric/'.length));
}

function ObservationTable({ history }: { history: HistoryEntry[] }) {
  return (
    <div class="table-scroll">
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('colAsOf')}</th>
            <th scope="col" class="number">
              {t('colValue')}
            </th>
            <th scope="col">{t('colAsWritten')}</th>
            <th scope="col">{t('colChange')}</th>
            <th scope="col">{t('colPublished')}</th>
            <th scope="col">{t('colBrief')}</th>
          </tr>
        </thead>
        <tbody>
          {history.map(({ observation, change }) => (
            <tr key={observation.key}>
              <td>{formatDay(observation.asOf)}</td>
              <td class="number">{formatFigure(observation)}</td>
              <td>{observation.surface}</td>
              <td>
                {change === null ? null : (
                  <>
                    <span class={`type-chip type-${typeSlug(change.type)}`}>{typeName(change.type)}</span>{' '}
                    {formatDelta(change.data) ?? ''}
                  </>
                )}
              </td>
              <td>{formatDay(observation.publishedAt)}</td>
              <td>
                <a href={briefHref(observation.briefId)}>{observation.briefId}</a>{' '}
                <span class="muted">{t('briefRevision', { n: observation.revision })}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * An editor signed in on this tab (at the desk) corrects the metric here too, where the API has the routes; a
 * reader sees nothing of it.
 */
function MetricCorrections({ metric }: { metric: MetricSummary }) {
  const [signedIn, setSignedIn] = useState(editorToken() !== undefined);
  if (!signedIn) return null;
  const signOut = () => {
    forgetEditorToken();
    setSignedIn(false);
  };
  return (
    <WithSiteConfig>
      {(config) =>
        config.corrections ? (
          <CorrectionsPanel
            metric={metric.metric}
            label={metric.label}
            onMoved={(moved) => location.assign(metricHref(moved.into))}
            onRejected={signOut}
          />
        ) : null
      }
    </WithSiteConfig>
  );
}

function Metric({ metric, history }: { metric: MetricSummary; history: HistoryEntry[] }) {
  const lastChange = history.find((entry) => entry.change !== null)?.change ?? null;
  const delta = lastChange === null ? undefined : formatDelta(lastChange.data);
  return (
    <>
      <div class="page-head metric-head">
        <div>
          <p class="eyebrow">{metric.region}</p>
          <h1>{metric.label}</h1>
          <p class="metric-key">
            {t('metricKey')}: <code>{metric.metric}</code>
          </p>
        </div>
        <div class="metric-latest">
          <span class="metric-latest-label">{t('metricLatest')}</span>
          <span class="metric-latest-value">{formatFigure(metric.latest)}</span>
          <span class="metric-latest-meta">{t('asOf', { date: formatDay(metric.latest.asOf) })}</span>
          {delta === undefined ? null : <span class="metric-latest-delta">{delta}</span>}
        </div>
      </div>
      <div class="metric-actions">
        <p class="feed-links">
          <span>{t('feedsLabel')}</span>
          {feedFormats.map(({ format, name }) => (
            <a key={format} class="feed-link" href={feedHref(format, { metric: metric.metric })}>
              {name}
            </a>
          ))}
        </p>
        <a class="button button-quiet" href={subscribeHref(metric.metric)}>
          {t('subscribeMetric')}
        </a>
      </div>
      <section class="panel" aria-labelledby="history-title">
        <h2 class="panel-title" id="history-title">
          {t('metricHistory')}
        </h2>
        <HistoryChart history={history} unit={metric.unit} label={metric.label} />
      </section>
      <section class="panel" aria-labelledby="observations-title">
        <h2 class="panel-title" id="observations-title">
          {t('observations')}
        </h2>
        <ObservationTable history={history} />
      </section>
      <MetricCorrections metric={metric} />
    </>
  );
}

function MetricPage() {
  const key = metricKeyOfPath();
  const loaded = useLoad(() => metricHistory(key), [key]);
  useTitle(
    loaded.state === 'done' && loaded.value !== undefined
      ? loaded.value.metric.label
      : t('metricTitleFallback'),
  );
  if (loaded.state === 'loading') return <Notice>{t('loading')}</Notice>;
  if (loaded.state === 'failed')
    return <Notice tone="error">{t('loadFailed', { message: loaded.error.message })}</Notice>;
  if (loaded.value === undefined) return <Notice>{t('metricNotFound')}</Notice>;
  // A merged metric's read answers where its series went: the address follows it.
  if (loaded.value.metric.metric !== key)
    history.replaceState(null, '', metricHref(loaded.value.metric.metric));
  return <Metric metric={loaded.value.metric} history={loaded.value.history} />;
}

mount(MetricPage);
