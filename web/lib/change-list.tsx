// A list of figure changes as a reader takes them in: what moved, to what, from what, and where it was said.
import type { ChangeEvent } from './api.ts';
import { formatChangeFigures, formatDay, formatDelta, formatMoment, typeName, typeSlug } from './format.ts';
import { t } from './i18n.ts';
import { briefHref, metricHref } from './links.ts';

function ChangeItem({ event, showSource }: { event: ChangeEvent; showSource: boolean }) {
  const { data } = event;
  const delta = formatDelta(data);
  const figures = formatChangeFigures(data);
  return (
    <li class={`change change-${typeSlug(event.type)}`}>
      <span class="change-type">{typeName(event.type)}</span>
      <div class="change-what">
        <a class="change-label" href={metricHref(data.metric)}>
          {data.label}
        </a>
        {data.region === '' ? null : <span class="change-region">{data.region}</span>}
        <p class="change-before">
          {data.previous === null || figures.previous === undefined ? (
            t(event.type === 'figure.backfilled' ? 'noEarlierValue' : 'firstValue')
          ) : (
            <>
              {t('previously', { value: figures.previous, date: formatDay(data.previous.asOf) })}
              {' · '}
              <a href={briefHref(data.previous.briefId)}>{t('fromBrief', { id: data.previous.briefId })}</a>
            </>
          )}
        </p>
        {showSource ? (
          <p class="change-source">
            <a href={briefHref(data.current.briefId)}>{t('fromBrief', { id: data.current.briefId })}</a>
            {` · ${t('briefRevision', { n: data.current.revision })} · `}
            <time dateTime={event.time}>{formatMoment(event.time)}</time>
          </p>
        ) : null}
      </div>
      <div class="change-figure">
        <span class="change-value">{figures.current}</span>
        <span class="change-asof">{t('asOf', { date: formatDay(data.current.asOf) })}</span>
        {delta === undefined ? null : (
          <span class={`change-delta change-delta-${data.direction ?? 'flat'}`}>
            <span class="visually-hidden">{t(data.direction === 'down' ? 'downward' : 'upward')} </span>
            {delta}
          </span>
        )}
      </div>
    </li>
  );
}

/** `showSource`: name the brief each change comes from and when it was recorded (not on the desk, where it is the brief being written). */
export function ChangeList({ events, showSource = true }: { events: ChangeEvent[]; showSource?: boolean }) {
  return (
    <ol class="change-list">
      {events.map((event) => (
        <ChangeItem key={event.id} event={event} showSource={showSource} />
      ))}
    </ol>
  );
}
