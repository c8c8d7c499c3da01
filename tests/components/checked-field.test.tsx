/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckedField } from '../../components/CheckedField';

afterEach(cleanup);

function Field() {
  const [value, setValue] = useState('');
  return (
    <CheckedField
      id="hint"
      label="Directory hint"
      error={value === 'bad' ? 'Enter a domain.' : ''}
      type="text"
      value={value}
      onInput={(e) => setValue(e.currentTarget.value)}
    />
  );
}

describe('CheckedField', () => {
  it('labels its input and ties the error line to it, announced only while the value is wrong', () => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Directory hint');
    const line = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(line.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(line.textContent).toBe('');
    fireEvent.input(input, { target: { value: 'bad' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(line.textContent).toBe('Enter a domain.');
    fireEvent.input(input, { target: { value: 'contoso.com' } });
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(line.textContent).toBe('');
  });

  it('passes the input’s own attributes through', () => {
    render(
      <CheckedField
        id="size"
        label="Links kept"
        error=""
        type="number"
        min={0}
        max={500}
        value="20"
        onInput={() => {}}
      />,
    );
    const input = screen.getByLabelText<HTMLInputElement>('Links kept');
    expect([input.type, input.min, input.max, input.value]).toEqual(['number', '0', '500', '20']);
  });
});
