/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../components/options/Options';
import type { Catalogue } from '../../lib/i18n/format-message';
import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsStore } from '../../lib/settings/settings';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

const catalogue = async (lang: string): Promise<Catalogue> => (lang === 'fr' ? fr : en);

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
    render(<Options store={store} clearHistory={async () => {}} catalogue={catalogue} />);
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
    expect(store.value).toEqual({ ...DEFAULT_SETTINGS, defaultHint: 'contoso.com', cloud: 'usgov', historySize: 20, emailLanguage: 'nl' });
  });

  it('edits a template with a live preview, validates it, saves it and resets it', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, organization: 'Contoso Ltd' });
    render(<Options store={store} clearHistory={async () => {}} catalogue={catalogue} />);
    const body = (await screen.findByLabelText('Body')) as HTMLTextAreaElement;
    expect(body.value).toContain('{link}');
    expect(screen.getByTestId('template-preview').textContent).toContain('Contoso Ltd');
    fireEvent.input(body, { target: { value: 'Hi, open it: {lnk}' } });
    expect(screen.getByText('Unknown field {lnk}: use one of the fields listed.')).toBeTruthy();
    expect(screen.getByText(/The body must contain \{link\}/)).toBeTruthy();
    expect(screen.queryByTestId('template-preview')).toBeNull();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(body, { target: { value: 'Hi {packageName}, open it:\n{link}\n{note}' } });
    expect(screen.getByTestId('template-preview').textContent).toContain('Hi Sales partners, open it:');
    fireEvent.submit(body.form!);
    await screen.findByText('Saved');
    expect(store.value.templates.en?.body).toBe('Hi {packageName}, open it:\n{link}\n{note}');
    // Another language keeps its default.
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'fr' } });
    await waitFor(() => expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('Bonjour'));
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'en' } });
    await waitFor(() => expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('Hi {packageName}'));
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('Hello,');
    fireEvent.submit(body.form!);
    await waitFor(() => expect(store.value.templates).toEqual({}));
  });

  it('clears the history on request', async () => {
    const clearHistory = vi.fn(async () => {});
    render(<Options store={memoryStore()} clearHistory={clearHistory} catalogue={catalogue} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared');
    expect(clearHistory).toHaveBeenCalled();
  });

  it('says so when saving fails', async () => {
    render(<Options store={memoryStore(DEFAULT_SETTINGS, true)} clearHistory={async () => {}} catalogue={catalogue} />);
    fireEvent.submit((screen.getByLabelText(/directory hint/) as HTMLInputElement).form!);
    expect((await screen.findByText(/Could not save the settings/)).textContent).toContain('reload the extension');
  });
});
