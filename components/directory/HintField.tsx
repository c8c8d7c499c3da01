import type { JSX } from 'preact';
import { parseDirectoryHint } from '../../lib/link/hint';
import { t } from '../i18n';

type InputProps = Omit<
  JSX.IntrinsicElements['input'],
  'id' | 'type' | 'value' | 'onInput' | 'aria-invalid' | 'aria-describedby'
>;

/**
 * A labelled directory-hint input and, under it, a help line that says instead that the value is
 * not a directory while it is not one (an empty field is not an error: it is still to be filled).
 */
export function HintField({
  id,
  label,
  value,
  help,
  onInput,
  ...input
}: {
  id: string;
  label: string;
  value: string;
  help: string;
  onInput: (value: string) => void;
} & InputProps) {
  const invalid = value !== '' && !parseDirectoryHint(value).ok;
  return (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellcheck={false}
        {...input}
        value={value}
        aria-invalid={invalid}
        aria-describedby={`${id}-help`}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      <p id={`${id}-help`} class={invalid ? 'error' : 'muted'}>
        {invalid ? t('hintInvalid') : help}
      </p>
    </>
  );
}
