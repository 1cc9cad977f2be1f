// Editors' corrections of a metric, from one of its figures: rename it, merge it into another, or declare its label
// an alias of the canonical one. Shown only where the API has the routes (they come with the naming work).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  type Alias,
  aliases,
  type CorrectionField,
  correctionIssues,
  declareAlias,
  isUnauthorized,
  type MetricSummary,
  type Moved,
  mergeMetric,
  metrics,
  type PlacedIssues,
  removeAlias,
  renameMetric,
} from './api.ts';
import { Field, FormIssues } from './field.tsx';
import { t } from './i18n.ts';
import { useLoad } from './use-load.ts';

type Issues = PlacedIssues<CorrectionField>;

/** One correction's form: its own pending state, the API's refusal beside its field. */
function useAction(onRejected: () => void) {
  const [issues, setIssues] = useState<Issues | undefined>();
  const [busy, setBusy] = useState(false);
  return {
    issues,
    busy,
    async run(work: () => Promise<void>) {
      setBusy(true);
      setIssues(undefined);
      try {
        await work();
      } catch (error) {
        if (isUnauthorized(error)) onRejected();
        else setIssues(correctionIssues(error));
      } finally {
        setBusy(false);
      }
    },
  };
}

type Action = ReturnType<typeof useAction>;

/** A correction's form: its field, the API's other complaints under it, and its button. */
function CorrectionForm({
  action,
  submit,
  button,
  blocked = false,
  children,
}: {
  action: Action;
  submit: () => Promise<void>;
  button: string;
  /** The form cannot be sent yet (nothing chosen). */
  blocked?: boolean;
  children: ComponentChildren;
}) {
  return (
    <form
      class="correction"
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(submit);
      }}
    >
      {children}
      <FormIssues lines={action.issues?.other ?? []} />
      <button type="submit" class="button button-quiet button-small" disabled={action.busy || blocked}>
        {button}
      </button>
    </form>
  );
}

function AliasList({
  label,
  round,
  onRemove,
}: {
  label: string;
  round: number;
  onRemove: (alias: Alias) => void;
}) {
  const known = useLoad(aliases, [round]);
  if (known.state !== 'done') return null;
  const related = (list: Alias[]) => list.filter((alias) => alias.to === label || alias.from === label);
  const stored = related(known.value.aliases);
  const shipped = related(known.value.defaults);
  if (stored.length === 0 && shipped.length === 0) return null;
  return (
    <ul class="alias-list" aria-label={t('aliasesOfLabel', { label })}>
      {stored.map((alias) => (
        <li key={`stored-${alias.from}`}>
          <span class="alias">
            {alias.from} → {alias.to}
          </span>
          <button
            type="button"
            class="link-button"
            aria-label={t('removeAliasOf', { from: alias.from })}
            onClick={() => onRemove(alias)}
          >
            {t('removeAlias')}
          </button>
        </li>
      ))}
      {shipped.map((alias) => (
        <li key={`shipped-${alias.from}`}>
          <span class="alias">
            {alias.from} → {alias.to}
          </span>
          <span class="muted">{t('aliasShipped')}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Rename, merge and alias for one metric, as its figure names it. `onMoved` is told where the series went after a
 * rename or merge; `onChanged` after anything, so a preview can be asked again under the new names.
 */
export function CorrectionsPanel({
  metric,
  label,
  onMoved,
  onChanged,
  onRejected,
}: {
  metric: string;
  label: string;
  onMoved: (moved: Moved) => void;
  onChanged?: () => void;
  onRejected: () => void;
}) {
  const [newLabel, setNewLabel] = useState('');
  const [into, setInto] = useState('');
  const [canonical, setCanonical] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const [round, setRound] = useState(0);
  const rename = useAction(onRejected);
  const merge = useAction(onRejected);
  const alias = useAction(onRejected);
  const others = useLoad(metrics, []);
  const choices: MetricSummary[] =
    others.state === 'done' ? others.value.filter((each) => each.metric !== metric) : [];
  const finished = (message: string) => {
    setDone(message);
    setRound((value) => value + 1);
    onChanged?.();
  };

  return (
    <section class="panel corrections" aria-labelledby="corrections-title">
      <h2 class="panel-title" id="corrections-title">
        {t('correctionsTitle')}
      </h2>
      <p class="corrections-subject">
        {label} · <code>{metric}</code>
      </p>
      <CorrectionForm
        action={rename}
        button={t('renameButton')}
        submit={async () => {
          const moved = await renameMetric(metric, newLabel);
          finished(t('renamedTo', { label: newLabel }));
          onMoved(moved);
        }}
      >
        <Field id="rename-label" label={t('renameLabel')} error={rename.issues?.fields.label}>
          {(control) => (
            <input
              {...control}
              type="text"
              required
              value={newLabel}
              onInput={(event) => setNewLabel(event.currentTarget.value)}
            />
          )}
        </Field>
      </CorrectionForm>
      <CorrectionForm
        action={merge}
        button={t('mergeButton')}
        blocked={into === ''}
        submit={async () => {
          const moved = await mergeMetric(metric, into);
          finished(t('mergedInto', { metric: moved.into }));
          onMoved(moved);
        }}
      >
        <Field
          id="merge-into"
          label={t('mergeLabel')}
          hint={t('mergeHint')}
          error={merge.issues?.fields.into}
        >
          {(control) => (
            <select
              {...control}
              required
              value={into}
              onChange={(event) => setInto(event.currentTarget.value)}
            >
              <option value="">{t('mergeChoose')}</option>
              {choices.map((choice) => (
                <option key={choice.metric} value={choice.metric}>
                  {`${choice.label} · ${choice.region} · ${choice.metric}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      </CorrectionForm>
      <CorrectionForm
        action={alias}
        button={t('aliasButton')}
        submit={async () => {
          await declareAlias({ from: label, to: canonical });
          finished(t('aliasDeclared', { from: label, to: canonical }));
        }}
      >
        <Field
          id="alias-to"
          label={t('aliasLabel', { label })}
          hint={t('aliasHint')}
          error={alias.issues?.fields.to}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              required
              value={canonical}
              onInput={(event) => setCanonical(event.currentTarget.value)}
            />
          )}
        </Field>
      </CorrectionForm>
      <AliasList
        label={label}
        round={round}
        onRemove={(removed) =>
          void alias.run(async () => {
            await removeAlias(removed.from);
            finished(t('aliasRemoved', { from: removed.from }));
          })
        }
      />
      {done === undefined ? null : (
        <p class="result result-revision" role="status">
          {done}
        </p>
      )}
    </section>
  );
}
