/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '../../components/options/Options';
import type { Catalogue } from '../../lib/i18n/format-message';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
  type SettingsStore,
} from '../../lib/settings/settings';
import { GraphProblem } from '../../lib/graph';
import en from '../../public/_locales/en/messages.json';
import { TOKENS, fakeGraphEnv } from './fake-env';
import fr from '../../public/_locales/fr/messages.json';

const catalogue = async (lang: string): Promise<Catalogue> => (lang === 'fr' ? fr : en);

function memoryStore(
  initial: Settings = DEFAULT_SETTINGS,
  failSave = false,
): SettingsStore & { value: Settings } {
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
    render(
      <Options
        store={store}
        clearHistory={async () => {}}
        catalogue={catalogue}
        graph={fakeGraphEnv()}
      />,
    );
    const hint = screen.getByLabelText(/directory hint/) as HTMLInputElement;
    await waitFor(() => expect(hint.value).toBe('fabrikam.com'));
    fireEvent.input(hint, { target: { value: 'contoso' } });
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('Enter a domain');
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(hint, { target: { value: 'contoso.com' } });
    fireEvent.change(screen.getByLabelText('Default cloud'), { target: { value: 'usgov' } });
    fireEvent.change(screen.getByLabelText('Language of the emails you share'), {
      target: { value: 'nl' },
    });
    const size = screen.getByLabelText(/Links kept in the history/);
    fireEvent.input(size, { target: { value: '900' } });
    expect(screen.getByText('Enter a whole number from 0 to 500.')).toBeTruthy();
    fireEvent.input(size, { target: { value: '20' } });
    fireEvent.submit(hint.form!);
    await screen.findByText('Saved');
    expect(store.value).toEqual({
      ...DEFAULT_SETTINGS,
      defaultHint: 'contoso.com',
      cloud: 'usgov',
      historySize: 20,
      emailLanguage: 'nl',
    });
  });

  it('edits a template with a live preview, validates it, saves it and resets it', async () => {
    const store = memoryStore({ ...DEFAULT_SETTINGS, organization: 'Contoso Ltd' });
    render(
      <Options
        store={store}
        clearHistory={async () => {}}
        catalogue={catalogue}
        graph={fakeGraphEnv()}
      />,
    );
    const body = (await screen.findByLabelText('Body')) as HTMLTextAreaElement;
    expect(body.value).toContain('{link}');
    expect(screen.getByTestId('template-preview').textContent).toContain('Contoso Ltd');
    fireEvent.input(body, { target: { value: 'Hi, open it: {lnk}' } });
    expect(screen.getByText('Unknown field {lnk}: use one of the fields listed.')).toBeTruthy();
    expect(screen.getByText(/The body must contain \{link\}/)).toBeTruthy();
    expect(screen.queryByTestId('template-preview')).toBeNull();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(body, { target: { value: 'Hi {packageName}, open it:\n{link}\n{note}' } });
    expect(screen.getByTestId('template-preview').textContent).toContain(
      'Hi Sales partners, open it:',
    );
    fireEvent.submit(body.form!);
    await screen.findByText('Saved');
    expect(store.value.templates.en?.body).toBe('Hi {packageName}, open it:\n{link}\n{note}');
    // Another language keeps its default.
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'fr' } });
    await waitFor(() =>
      expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('Bonjour'),
    );
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'en' } });
    await waitFor(() =>
      expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain(
        'Hi {packageName}',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect((screen.getByLabelText('Body') as HTMLTextAreaElement).value).toContain('Hello,');
    fireEvent.submit(body.form!);
    await waitFor(() => expect(store.value.templates).toEqual({}));
  });

  it('clears the history on request', async () => {
    const clearHistory = vi.fn(async () => {});
    render(
      <Options
        store={memoryStore()}
        clearHistory={clearHistory}
        catalogue={catalogue}
        graph={fakeGraphEnv()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared');
    expect(clearHistory).toHaveBeenCalled();
  });

  it('says so when saving fails', async () => {
    render(
      <Options
        store={memoryStore(DEFAULT_SETTINGS, true)}
        clearHistory={async () => {}}
        catalogue={catalogue}
        graph={fakeGraphEnv()}
      />,
    );
    fireEvent.submit((screen.getByLabelText(/directory hint/) as HTMLInputElement).form!);
    expect((await screen.findByText(/Could not save the settings/)).textContent).toContain(
      'reload the extension',
    );
  });

  describe('Microsoft Graph', () => {
    const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';

    it('shows what to register, signs in to the directory named, keeps the client id, and fills a missing hint', async () => {
      const store = memoryStore();
      const graph = fakeGraphEnv();
      render(
        <Options store={store} clearHistory={async () => {}} catalogue={catalogue} graph={graph} />,
      );
      expect((await screen.findByTestId('redirect-uri')).textContent).toBe(
        'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      );
      expect(screen.getByText(/EntitlementManagement\.Read\.All/)).toBeTruthy();
      expect(screen.getByText(/you will sign in to your home directory/)).toBeTruthy();
      fireEvent.input(screen.getByLabelText(/client\) ID/), {
        target: { value: CLIENT.toUpperCase() },
      });
      fireEvent.change(screen.getByLabelText("Your tenant's cloud"), {
        target: { value: 'usgov-high' },
      });
      fireEvent.click(screen.getByRole('button', { name: 'Sign in to Microsoft Graph' }));
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toContain('Signed in to Contoso'),
      );
      expect(screen.getByTestId('graph-status').textContent).toContain(
        'filled in from your organisation: contoso.onmicrosoft.com',
      );
      expect(graph.signIn).toHaveBeenCalledWith({
        clientId: CLIENT.toUpperCase(),
        tenant: 'organizations',
        cloud: 'usgov-high',
      });
      expect(store.value).toMatchObject({
        graphClientId: CLIENT,
        graphCloud: 'usgov-high',
        defaultHint: 'contoso.onmicrosoft.com',
      });
      expect((screen.getByLabelText(/directory hint/) as HTMLInputElement).value).toBe(
        'contoso.onmicrosoft.com',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toBe('Not signed in.'),
      );
    });

    it('signs in against the admin’s own directory and leaves its hint alone', async () => {
      const store = memoryStore({
        ...DEFAULT_SETTINGS,
        defaultHint: 'fabrikam.com',
        graphClientId: CLIENT,
      });
      const graph = fakeGraphEnv();
      render(
        <Options store={store} clearHistory={async () => {}} catalogue={catalogue} graph={graph} />,
      );
      expect(await screen.findByText(/Sign-in goes to the directory fabrikam\.com/)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Sign in to Microsoft Graph' }));
      await waitFor(() =>
        expect(graph.signIn).toHaveBeenCalledWith({
          clientId: CLIENT,
          tenant: 'fabrikam.com',
          cloud: 'global',
        }),
      );
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toContain('Signed in to Contoso'),
      );
      expect(store.value.defaultHint).toBe('fabrikam.com');
    });

    it.each([
      ['consent-required', /consented to EntitlementManagement\.Read\.All/],
      ['spa-platform', /Single-page application/],
      ['permission-refused', /was not granted/],
      ['sign-in-cancelled', /closed before it finished/],
    ])('says what to do when sign-in fails: %s', async (code, text) => {
      const graph = fakeGraphEnv({
        signIn: async () => Promise.reject(new GraphProblem(code as never)),
      });
      render(
        <Options
          store={memoryStore({ ...DEFAULT_SETTINGS, graphClientId: CLIENT })}
          clearHistory={async () => {}}
          catalogue={catalogue}
          graph={graph}
        />,
      );
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in to Microsoft Graph' }));
      expect((await screen.findByTestId('graph-problem')).textContent).toMatch(text);
      expect(screen.getByTestId('graph-status').textContent).toBe('Not signed in.');
    });

    it('refuses a client id that is not a GUID, and asks for one when empty', async () => {
      const graph = fakeGraphEnv();
      render(
        <Options
          store={memoryStore()}
          clearHistory={async () => {}}
          catalogue={catalogue}
          graph={graph}
        />,
      );
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in to Microsoft Graph' }));
      expect((await screen.findByTestId('graph-problem')).getAttribute('data-code')).toBe(
        'no-client-id',
      );
      fireEvent.input(screen.getByLabelText(/client\) ID/), {
        target: { value: 'access-link-doctor' },
      });
      expect(screen.getByText(/A client ID is a GUID/)).toBeTruthy();
      expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(
        true,
      );
      expect(graph.signIn).not.toHaveBeenCalled();
    });

    it('shows an existing sign-in on opening', async () => {
      render(
        <Options
          store={memoryStore()}
          clearHistory={async () => {}}
          catalogue={catalogue}
          graph={fakeGraphEnv({ tokens: TOKENS })}
        />,
      );
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toContain(
          'Signed in to contoso.onmicrosoft.com until',
        ),
      );
    });
  });
});
