import type { ComponentChildren, JSX } from 'preact';

type SelectProps = Omit<JSX.IntrinsicElements['select'], 'id' | 'value' | 'onChange'>;

/** A label and a select over a list of values, each shown in words by `text`. */
export function LabelledSelect<T extends string>({
  id,
  label,
  value,
  options,
  text,
  onChange,
  ...select
}: {
  id: string;
  label: ComponentChildren;
  value: T;
  options: readonly T[];
  text: (option: T) => string;
  onChange: (value: T) => void;
} & SelectProps) {
  return (
    <>
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        {...select}
        onChange={(e) => onChange(e.currentTarget.value as T)}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {text(o)}
          </option>
        ))}
      </select>
    </>
  );
}
