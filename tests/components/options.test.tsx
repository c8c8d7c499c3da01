/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../components/options/Options';
import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsStore } from '../../lib/settings/settings';

function memoryStore(initial: Settings = DEFAULT_SETTINGS, failSave = false): SettingsStore & { value: Settings } {
  return {
    value: initial,
    async load() {
      return this.value;
    },
    async save(s) {
      if (failSave) throw new Error('quota');
      this.value = parseSettings(s);
    },
  };
}
afterEach(cleanup);

describe('Options', () => {
  it('loads, validates as typed, and saves every setting', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, defaultHint: 'fabrikam.com' });
    render(<Options store={store} clearHistory={async () => {}} />);
    const hint = screen.getByLabelText(/directory hint/) as HTMLInputElement;
    await waitFor(() => expect(hint.value).toBe('fabrikam.com'));
    fireEvent.input(hint, { target: { value: 'contoso' } });
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('Enter a domain');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(hint, { target: { value: 'contoso.com' } });
    fireEvent.change(screen.getByLabelText('Default cloud'), { target: { value: 'usgov' } });
    fireEvent.change(screen.getByLabelText('Language of the emails you share'), { target: { value: 'nl' } });
    const size = screen.getByLabelText(/Links kept in the history/);
    fireEvent.input(size, { target: { value: '900' } });
    expect(screen.getByText('Enter a whole number from 0 to 500.')).toBeTruthy();
    fireEvent.input(size, { target: { value: '20' } });
    fireEvent.submit(hint.form!);
    await screen.findByText('Saved');
    expect(store.value).toEqual({ defaultHint: 'contoso.com', cloud: 'usgov', historySize: 20, emailLanguage: 'nl' });
  });

  it('clears the history on request', async () => {
    const clearHistory = vi.fn(async () => {});
    render(<Options store={memoryStore()} clearHistory={clearHistory} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared');
    expect(clearHistory).toHaveBeenCalled();
  });

  it('says so when saving fails', async () => {
    render(<Options store={memoryStore(DEFAULT_SETTINGS, true)} clearHistory={async () => {}} />);
    fireEvent.submit((screen.getByLabelText(/directory hint/) as HTMLInputElement).form!);
    expect((await screen.findByText(/Could not save the settings/)).textContent).toContain('reload the extension');
  });
});
