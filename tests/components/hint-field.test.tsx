/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { HintField } from '../../components/directory/HintField';

afterEach(cleanup);

function Field({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <HintField
      id="hint"
      label="Directory"
      value={value}
      help="The partner's domain."
      data-needs-input={value === '' || undefined}
      onInput={setValue}
    />
  );
}

describe('HintField', () => {
  // An empty field is still to be filled, not wrong.
  const VALID = ['', 'contoso.onmicrosoft.com', '72f988bf-86f1-41af-91ab-2d7cd011db47'];
  const INVALID = ['contoso', 'https://evil.example/@contoso.com'];

  it.each(VALID.map((v) => [v, true]).concat(INVALID.map((v) => [v, false])))(
    '"%s": valid %s',
    (typed, valid) => {
      render(<Field />);
      const input = screen.getByLabelText<HTMLInputElement>('Directory');
      fireEvent.input(input, { target: { value: typed } });
      const line = document.getElementById(input.getAttribute('aria-describedby')!)!;
      expect(input.getAttribute('aria-invalid')).toBe(String(!valid));
      expect(line.className).toBe(valid ? 'muted' : 'error');
      expect(line.textContent).toBe(
        valid
          ? "The partner's domain."
          : 'Enter a domain such as contoso.onmicrosoft.com or a tenant ID (GUID).',
      );
    },
  );

  it('is a text field, and passes its own attributes through', () => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Directory');
    expect([input.type, input.dataset.needsInput]).toEqual(['text', 'true']);
    fireEvent.input(input, { target: { value: 'contoso.com' } });
    expect(input.dataset.needsInput).toBeUndefined();
  });
});
