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
  it.each([
    ['', 'false', 'muted', "The partner's domain."],
    ['contoso', 'true', 'error', 'Enter a domain such as contoso.onmicrosoft.com'],
    ['contoso.onmicrosoft.com', 'false', 'muted', "The partner's domain."],
    ['72f988bf-86f1-41af-91ab-2d7cd011db47', 'false', 'muted', "The partner's domain."],
    ['https://evil.example/@contoso.com', 'true', 'error', 'Enter a domain'],
  ])('"%s": invalid=%s, its line is %s and says "%s"', (typed, invalid, cls, words) => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Directory');
    fireEvent.input(input, { target: { value: typed } });
    const line = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(input.getAttribute('aria-invalid')).toBe(invalid);
    expect(line.className).toBe(cls);
    expect(line.textContent).toContain(words);
  });

  it('is a text field, and passes its own attributes through', () => {
    render(<Field />);
    const input = screen.getByLabelText<HTMLInputElement>('Directory');
    expect([input.type, input.dataset.needsInput]).toEqual(['text', 'true']);
    fireEvent.input(input, { target: { value: 'contoso.com' } });
    expect(input.dataset.needsInput).toBeUndefined();
  });
});
