import type { JSX } from 'preact';

type InputProps = Omit<JSX.IntrinsicElements['input'], 'id' | 'aria-invalid' | 'aria-describedby'>;

/**
 * A labelled input and, under it, the line that says what is wrong with its value (empty while it
 * is fine). The line is tied to the input and announced when it changes.
 */
export function CheckedField({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error: string } & InputProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} {...input} aria-invalid={error !== ''} aria-describedby={`${id}-error`} />
      <p id={`${id}-error`} class="error" role="alert">
        {error}
      </p>
    </>
  );
}
