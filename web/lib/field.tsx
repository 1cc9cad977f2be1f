// A labelled form control with its hint and the API's message for it, wired for screen readers.
import type { ComponentChildren } from 'preact';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

/** What the API refused about the form as a whole, or about no field the form has. */
export function FormIssues({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <div class="field-error form-issues" role="alert">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  class: className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  class?: string;
  children: (control: ControlProps) => ComponentChildren;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? '' : hintId, error === undefined ? '' : errorId]
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div class={`field ${className ?? ''}`} data-field={id}>
      <label class="field-label" for={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error !== undefined,
        ...(describedBy === '' ? {} : { 'aria-describedby': describedBy }),
      })}
      {hint === undefined ? null : (
        <span class="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error === undefined ? null : (
        <span class="field-error" id={errorId} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
