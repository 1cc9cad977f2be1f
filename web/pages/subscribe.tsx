// `/subscribe`: an email subscription with the filters the API offers; SNS then mails a confirmation link.
import '../styles/site.css';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import {
  type ChangeType,
  changeTypes,
  type EmailSubscription,
  metrics,
  type PlacedIssues,
  type SubscriptionField,
  subscribeByEmail,
  subscriptionIssues,
} from '../lib/api.ts';
import { Field, FormIssues } from '../lib/field.tsx';
import { typeName } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { mount, useTitle } from '../lib/shell.tsx';
import { useLoad } from '../lib/use-load.ts';

type Issues = PlacedIssues<SubscriptionField>;

function toggled<T>(values: T[], value: T, on: boolean): T[] {
  return on ? [...values, value] : values.filter((known) => known !== value);
}

/** Checkboxes under a legend, with the API's message for the group. */
function ChoiceGroup<T extends string>({
  id,
  legend,
  hint,
  error,
  options,
  chosen,
  onChange,
  children,
}: {
  children?: ComponentChildren;
  id: string;
  legend: string;
  hint: string;
  error: string | undefined;
  options: { value: T; label: string }[];
  chosen: T[];
  onChange: (chosen: T[]) => void;
}) {
  return (
    <fieldset
      class="field"
      data-field={id}
      aria-describedby={error === undefined ? `${id}-hint` : `${id}-hint ${id}-error`}
    >
      <legend>{legend}</legend>
      {children}
      <div class="choices choices-scroll">
        {options.map((option) => (
          <label key={option.value} class="choice">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => onChange(toggled(chosen, option.value, event.currentTarget.checked))}
            />
            {option.label}
          </label>
        ))}
      </div>
      <span class="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
      {error === undefined ? null : (
        <span class="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}

function SubscribeForm() {
  const preset = new URLSearchParams(location.search).get('metric');
  const [request, setRequest] = useState<EmailSubscription>({
    email: '',
    regions: [],
    metrics: preset === null ? [] : [preset],
    types: [],
    // One mail per brief revision: a brief of eight figures would otherwise send eight.
    delivery: 'digest',
  });
  const [minimum, setMinimum] = useState('');
  const [metricSearch, setMetricSearch] = useState('');
  const [issues, setIssues] = useState<Issues | undefined>();
  const [sending, setSending] = useState(false);
  const [confirmedTo, setConfirmedTo] = useState<string | undefined>();
  const known = useLoad(metrics, []);
  const regions = useMemo(
    () => (known.state === 'done' ? [...new Set(known.value.map((metric) => metric.region))].sort() : []),
    [known],
  );
  const metricOptions = useMemo(() => {
    const needle = metricSearch.trim().toLowerCase();
    const all = known.state === 'done' ? known.value : [];
    return all
      .filter(
        (metric) =>
          request.metrics.includes(metric.metric) ||
          needle === '' ||
          `${metric.label} ${metric.region} ${metric.metric}`.toLowerCase().includes(needle),
      )
      .map((metric) => ({ value: metric.metric, label: `${metric.label} · ${metric.region}` }));
  }, [known, metricSearch, request.metrics]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setSending(true);
    try {
      const minAbsChangePercent = minimum.trim() === '' ? undefined : Number(minimum);
      await subscribeByEmail({
        ...request,
        ...(minAbsChangePercent === undefined ? {} : { minAbsChangePercent }),
      });
      setIssues(undefined);
      setConfirmedTo(request.email);
    } catch (error) {
      setIssues(subscriptionIssues(error));
    } finally {
      setSending(false);
    }
  };

  if (confirmedTo !== undefined) {
    return (
      <section class="panel confirmation" role="status">
        <h2 class="panel-title">{t('subscribedTitle')}</h2>
        <p>{t('subscribedBody', { email: confirmedTo })}</p>
        <button type="button" class="button button-quiet" onClick={() => setConfirmedTo(undefined)}>
          {t('subscribeAnother')}
        </button>
      </section>
    );
  }

  const error = (field: SubscriptionField) => issues?.fields[field];
  return (
    <form class="panel subscribe-form" onSubmit={submit} noValidate>
      <Field id="email" label={t('email')} error={error('email')}>
        {(control) => (
          <input
            {...control}
            type="email"
            autocomplete="email"
            required
            value={request.email}
            onInput={(event) => setRequest({ ...request, email: event.currentTarget.value })}
          />
        )}
      </Field>
      <ChoiceGroup
        id="regions"
        legend={t('regions')}
        hint={t('regionsHint')}
        error={error('regions')}
        options={regions.map((region) => ({ value: region, label: region }))}
        chosen={request.regions}
        onChange={(regions) => setRequest({ ...request, regions })}
      />
      <ChoiceGroup
        id="metrics"
        legend={t('metrics')}
        hint={t('metricsHint')}
        error={error('metrics')}
        options={metricOptions}
        chosen={request.metrics}
        onChange={(chosen) => setRequest({ ...request, metrics: chosen })}
      >
        <input
          type="search"
          class="choices-search"
          aria-label={t('metricsSearch')}
          placeholder={t('metricsSearch')}
          value={metricSearch}
          onInput={(event) => setMetricSearch(event.currentTarget.value)}
        />
      </ChoiceGroup>
      <ChoiceGroup<ChangeType>
        id="types"
        legend={t('types')}
        hint={t('typesHint')}
        error={error('types')}
        options={changeTypes.map((type) => ({ value: type, label: typeName(type) }))}
        chosen={request.types}
        onChange={(types) => setRequest({ ...request, types })}
      />
      <Field
        id="min-change"
        label={t('minChange')}
        hint={t('minChangeHint')}
        error={error('minAbsChangePercent')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            step="any"
            inputMode="decimal"
            class="input-short"
            value={minimum}
            onInput={(event) => setMinimum(event.currentTarget.value)}
          />
        )}
      </Field>
      <fieldset class="field" data-field="delivery">
        <legend>{t('delivery')}</legend>
        <div class="choices">
          {(['each', 'digest'] as const).map((delivery) => (
            <label key={delivery} class="choice">
              <input
                type="radio"
                name="delivery"
                checked={request.delivery === delivery}
                onChange={() => setRequest({ ...request, delivery })}
              />
              {t(delivery === 'each' ? 'deliveryEach' : 'deliveryDigest')}
            </label>
          ))}
        </div>
        {error('delivery') === undefined ? null : (
          <span class="field-error" role="alert">
            {error('delivery')}
          </span>
        )}
      </fieldset>
      <FormIssues lines={issues?.other ?? []} />
      <div class="form-actions">
        <button type="submit" class="button" disabled={sending}>
          {sending ? t('subscribing') : t('subscribeButton')}
        </button>
      </div>
    </form>
  );
}

function SubscribePage() {
  useTitle(t('subscribeTitle'));
  return (
    <>
      <div class="page-head">
        <h1>{t('subscribeTitle')}</h1>
        <p class="lead">{t('subscribeLead')}</p>
      </div>
      <div class="with-aside">
        <div>
          <SubscribeForm />
        </div>
        <aside class="aside" aria-labelledby="how-title">
          <h2 class="panel-title" id="how-title">
            {t('howTitle')}
          </h2>
          <ol class="steps">
            <li>{t('howChoose')}</li>
            <li>{t('howConfirm')}</li>
            <li>{t('howLeave')}</li>
          </ol>
        </aside>
      </div>
    </>
  );
}

mount(SubscribePage);
