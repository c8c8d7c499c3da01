/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../../components/options/Options';
import { DEFAULT_SETTINGS, type Settings, type SettingsStore } from '../../lib/settings/settings';

function memoryStore(initial: Settings = DEFAULT_SETTINGS, failSave = false): SettingsStore & { value: Settings } {
  return {
    value: initial,
    async load() {
      return this.value;
    },
    async save(s) {
      if (failSave) throw new Error('quota');
      this.value = s;
    },
  };
}
afterEach(cleanup);

describe('Options', () => {
  it('loads, validates as typed, and saves', async () => {
    const store = memoryStore({ defaultHint: 'fabrikam.com', cloud: 'global' });
    render(<Options store={store} />);
    const hint = screen.getByLabelText(/directory hint/) as HTMLInputElement;
    await waitFor(() => expect(hint.value).toBe('fabrikam.com'));
    fireEvent.input(hint, { target: { value: 'contoso' } });
    expect(screen.getByRole('alert').textContent).toContain('Enter a domain');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(hint, { target: { value: 'contoso.com' } });
    fireEvent.change(screen.getByLabelText('Default cloud'), { target: { value: 'usgov' } });
    fireEvent.submit(hint.form!);
    await screen.findByText('Saved');
    expect(store.value).toEqual({ defaultHint: 'contoso.com', cloud: 'usgov' });
  });

  it('says so when saving fails', async () => {
    render(<Options store={memoryStore(DEFAULT_SETTINGS, true)} />);
    fireEvent.submit((screen.getByLabelText(/directory hint/) as HTMLInputElement).form!);
    expect((await screen.findByText(/Could not save the settings/)).textContent).toContain('reload the extension');
  });
});
