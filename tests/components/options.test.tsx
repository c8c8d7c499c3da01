/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptionsEnv } from '../../components/options/env';
import { Options } from '../../components/options/Options';
import type { HistoryEntry } from '../../lib/history/history';
import type { Catalogue } from '../../lib/i18n/format-message';
import { GraphProblem } from '../../lib/graph';
import {
  choicesToStore,
  effectiveSettings,
  NO_POLICY,
  parsePolicy,
  type Policy,
} from '../../lib/settings/managed';
import type { PartialSettings, Settings } from '../../lib/settings/settings';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { TOKENS, fakeGraphEnv } from './fake-env';

const catalogue = (lang: string): Promise<Catalogue> => Promise.resolve(lang === 'fr' ? fr : en);
const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const ENTRY: HistoryEntry = {
  link: 'https://myaccess.microsoft.com/@contoso.com#/access-packages/6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
  verdict: 'valid',
  directoryHint: 'contoso.com',
  at: '2026-11-30T10:00:00.000Z',
  action: 'checked',
};

/** The options' world in memory, with the real policy merge: `stored` is what storage would hold. */
function fakeOptionsEnv(
  over: {
    stored?: PartialSettings | Record<string, unknown>;
    policy?: Policy;
    ui?: string;
    failSave?: boolean;
    permission?: boolean;
    graph?: ReturnType<typeof fakeGraphEnv>;
  } = {},
) {
  const policy = over.policy ?? NO_POLICY;
  const ui = over.ui ?? 'en';
  let history = [ENTRY];
  const env = {
    stored: (over.stored ?? {}) as unknown,
    history: () => history,
    load: (): Promise<{ settings: Settings; policy: Policy }> =>
      Promise.resolve({ settings: effectiveSettings(env.stored, policy, ui), policy }),
    save: vi.fn((s: Settings) => {
      if (over.failSave) return Promise.reject(new Error('quota'));
      env.stored = choicesToStore(s, policy, ui);
      return Promise.resolve();
    }),
    clearHistory: vi.fn(() => {
      const was = history;
      history = [];
      return Promise.resolve(was);
    }),
    restoreHistory: vi.fn((entries: HistoryEntry[]) => {
      history = entries;
      return Promise.resolve();
    }),
    requestCheckPermission: vi.fn(() => Promise.resolve(over.permission ?? true)),
    catalogue,
    graph: over.graph ?? fakeGraphEnv(),
  } satisfies OptionsEnv & Record<string, unknown>;
  return env;
}

afterEach(cleanup);

const saved = () =>
  waitFor(() =>
    expect(screen.getByTestId('save-status').getAttribute('data-status')).toBe('saved'),
  );

describe('Options', () => {
  it('saves each setting as it changes, and only valid values', async () => {
    const env = fakeOptionsEnv({ stored: { defaultHint: 'fabrikam.com' } });
    render(<Options env={env} />);
    const hint = await screen.findByLabelText<HTMLInputElement>(/directory hint/);
    expect(hint.value).toBe('fabrikam.com');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    fireEvent.input(hint, { target: { value: 'contoso' } });
    expect(screen.getAllByRole('alert')[0]!.textContent).toContain('Enter a domain');
    expect(screen.getByTestId('save-status').textContent).toBe(
      'Not saved: correct the field marked in red.',
    );
    expect(env.stored).toEqual({ defaultHint: 'fabrikam.com' });
    fireEvent.input(hint, { target: { value: 'Contoso.com' } });
    await saved();
    expect(screen.getByTestId('save-status').textContent).toBe('Saved');
    expect(hint.value).toBe('Contoso.com');
    expect(env.stored).toEqual({ defaultHint: 'contoso.com' });
    // One cloud selector for the whole page; Graph follows it.
    expect(screen.queryByLabelText("Your tenant's cloud")).toBeNull();
    fireEvent.change(screen.getByLabelText('Your organisation’s cloud'), {
      target: { value: 'usgov-dod' },
    });
    await waitFor(() => expect(env.stored).toMatchObject({ graphCloud: 'usgov-dod' }));
    expect(screen.getByText(/Cloud: US Government DoD/)).toBeTruthy();
    const size = screen.getByLabelText(/Links kept in the history/);
    fireEvent.input(size, { target: { value: '900' } });
    expect(screen.getByText('Enter a whole number from 0 to 500.')).toBeTruthy();
    fireEvent.input(size, { target: { value: '20' } });
    fireEvent.input(screen.getByLabelText(/as partners know it/), {
      target: { value: 'Contoso Ltd ' },
    });
    await saved();
    expect(env.stored).toEqual({
      defaultHint: 'contoso.com',
      graphCloud: 'usgov-dod',
      historySize: 20,
      organization: 'Contoso Ltd',
    });
  });

  it('writes the email in the interface language until the user picks one', async () => {
    const env = fakeOptionsEnv({ ui: 'fr-BE' });
    render(<Options env={env} />);
    const lang = await screen.findByLabelText<HTMLSelectElement>(
      'Language of the emails you share',
    );
    expect(lang.value).toBe('fr');
    expect(screen.getByText('Follows your browser’s language until you pick one.')).toBeTruthy();
    fireEvent.change(lang, { target: { value: 'nl' } });
    await saved();
    expect(env.stored).toEqual({ emailLanguage: 'nl' });
    expect(screen.queryByText('Follows your browser’s language until you pick one.')).toBeNull();
  });

  it('keeps an explicit email language that was stored before', async () => {
    render(<Options env={fakeOptionsEnv({ ui: 'fr', stored: { emailLanguage: 'en' } })} />);
    const lang = await screen.findByLabelText<HTMLSelectElement>(
      'Language of the emails you share',
    );
    expect(lang.value).toBe('en');
  });

  it('edits a template with a live preview; saves it only when valid; resets it', async () => {
    const env = fakeOptionsEnv({ stored: { organization: 'Contoso Ltd' } });
    render(<Options env={env} />);
    const body = await screen.findByLabelText<HTMLTextAreaElement>('Body');
    expect(body.value).toContain('{link}');
    expect(screen.getByTestId('template-preview').textContent).toContain('Contoso Ltd');
    fireEvent.input(body, { target: { value: 'Hi, open it: {lnk}' } });
    expect(screen.getByText('Unknown field {lnk}: use one of the fields listed.')).toBeTruthy();
    expect(screen.getByText(/The body must contain \{link\}/)).toBeTruthy();
    expect(screen.queryByTestId('template-preview')).toBeNull();
    expect(screen.getByTestId('save-status').getAttribute('data-status')).toBe('invalid');
    expect(env.stored).toEqual({ organization: 'Contoso Ltd' });
    fireEvent.input(body, { target: { value: 'Hi {packageName}, open it:\n{link}\n{note}' } });
    expect(screen.getByTestId('template-preview').textContent).toContain(
      'Hi Sales partners, open it:',
    );
    await saved();
    expect((env.stored as PartialSettings).templates?.en?.body).toBe(
      'Hi {packageName}, open it:\n{link}\n{note}',
    );
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'fr' } });
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Body').value).toContain('Bonjour'),
    );
    fireEvent.change(screen.getByLabelText('Template for'), { target: { value: 'en' } });
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLTextAreaElement>('Body').value).toContain(
        'Hi {packageName}',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset to default' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Body').value).toContain('Hello,');
    await waitFor(() => expect((env.stored as PartialSettings).templates).toBeUndefined());
  });

  it('clears the history at once, with an undo', async () => {
    const env = fakeOptionsEnv();
    render(<Options env={env} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history' }));
    await screen.findByText('History cleared');
    expect(env.history()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('History restored');
    expect(env.history()).toEqual([ENTRY]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('says so when saving fails', async () => {
    render(<Options env={fakeOptionsEnv({ failSave: true })} />);
    fireEvent.input(await screen.findByLabelText(/directory hint/), {
      target: { value: 'contoso.com' },
    });
    expect((await screen.findByText(/Could not save the settings/)).textContent).toContain(
      'reload the extension',
    );
  });

  describe('set by the organisation', () => {
    const policy = parsePolicy({
      directoryHint: 'contoso.onmicrosoft.com',
      organization: 'Contoso',
      historySize: 'lots',
      colour: 'blue',
      knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }, { directory: 'x' }],
      locked: ['directoryHint', 'cloud', 'templates'],
    });

    it('shows locked settings read-only, unlocked ones as defaults, and what was ignored', async () => {
      const env = fakeOptionsEnv({
        policy,
        stored: { defaultHint: 'mine.example', organization: 'Mine' },
      });
      render(<Options env={env} />);
      const hint = await screen.findByLabelText<HTMLInputElement>(/directory hint/);
      expect(hint.value).toBe('contoso.onmicrosoft.com');
      expect(hint.readOnly).toBe(true);
      expect(
        screen.getByLabelText(/— Set by your organisation/, { selector: '#default-hint' }),
      ).toBe(hint);
      const cloud = screen.getByLabelText<HTMLSelectElement>(/cloud — Set by your organisation/);
      expect(cloud.disabled).toBe(true);
      expect(screen.getByTestId('templates-locked').textContent).toBe('Set by your organisation');
      // Unlocked: the user's own value stands, and stays editable.
      const org = screen.getByLabelText<HTMLInputElement>(/as partners know it/);
      expect(org.value).toBe('Mine');
      expect(org.readOnly).toBe(false);
      const notes = [...screen.getByTestId('policy-notes').querySelectorAll('li')].map((li) =>
        li.getAttribute('data-code'),
      );
      expect(notes).toEqual(['wrong-type', 'unknown-key', 'invalid-value']);
      expect(screen.getByTestId('policy-notes').textContent).toContain('historySize');
      // The policy's known directory is listed, with no way to remove it.
      const list = screen.getByTestId('known-directories');
      expect(list.textContent).toContain('Fabrikam');
      expect(list.textContent).toContain('Set by your organisation');
      expect(screen.queryByRole('button', { name: 'Remove Fabrikam' })).toBeNull();
      fireEvent.input(org, { target: { value: 'Mine 2' } });
      await saved();
      expect(env.stored).toEqual({ organization: 'Mine 2' });
    });

    it('a locked list of known directories takes no additions', async () => {
      render(
        <Options
          env={fakeOptionsEnv({
            policy: parsePolicy({
              knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
              locked: ['knownDirectories'],
            }),
          })}
        />,
      );
      await screen.findByTestId('known-directories');
      expect(screen.queryByLabelText('Domain or tenant ID')).toBeNull();
    });
  });

  it('adds and removes the user’s own known directories', async () => {
    const env = fakeOptionsEnv();
    render(<Options env={env} />);
    const dir = await screen.findByLabelText('Domain or tenant ID');
    fireEvent.input(dir, { target: { value: 'fabrikam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add directory' }));
    expect(screen.getByText(/Enter a domain/, { selector: '#known-directory-error' })).toBeTruthy();
    fireEvent.input(dir, { target: { value: 'Fabrikam.com' } });
    fireEvent.input(screen.getByLabelText('Display name (optional)'), {
      target: { value: 'Fabrikam' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add directory' }));
    await saved();
    expect(env.stored).toEqual({
      knownDirectories: [{ directory: 'fabrikam.com', name: 'Fabrikam' }],
    });
    expect((dir as HTMLInputElement).value).toBe('');
    fireEvent.input(dir, { target: { value: 'fabrikam.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add directory' }));
    expect(screen.getByText('This directory is already on the list.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove Fabrikam' }));
    await waitFor(() => expect(env.stored).toEqual({}));
  });

  it.each([
    [true, true],
    [false, false],
  ])('the directory check asks for its host when turned on (granted: %s)', async (granted, on) => {
    const env = fakeOptionsEnv({ permission: granted });
    render(<Options env={env} />);
    const box = await screen.findByLabelText<HTMLInputElement>('Check directories with Microsoft');
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(env.requestCheckPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(box.checked).toBe(on));
    if (on) await waitFor(() => expect(env.stored).toEqual({ directoryCheck: true }));
    else {
      expect((await screen.findByTestId('check-denied')).textContent).toContain(
        'login.microsoftonline.com',
      );
      expect(env.stored).toEqual({});
    }
  });

  it('has no Save button and no horizontal scroll hazards in the preview (long links wrap)', async () => {
    render(<Options env={fakeOptionsEnv()} />);
    const preview = await screen.findByTestId('template-preview');
    expect(preview.querySelector('pre')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  describe('Microsoft Graph', () => {
    it('signs in to the cloud chosen above, keeps the client id, and fills a missing hint', async () => {
      const graph = fakeGraphEnv();
      const env = fakeOptionsEnv({ graph });
      render(<Options env={env} />);
      expect((await screen.findByTestId('redirect-uri')).textContent).toBe(
        'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
      );
      expect(screen.getByText(/EntitlementManagement\.Read\.All/)).toBeTruthy();
      fireEvent.input(screen.getByLabelText(/client\) ID/), {
        target: { value: CLIENT.toUpperCase() },
      });
      fireEvent.change(screen.getByLabelText('Your organisation’s cloud'), {
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
      await waitFor(() =>
        expect(env.stored).toMatchObject({
          graphClientId: CLIENT,
          graphCloud: 'usgov-high',
          defaultHint: 'contoso.onmicrosoft.com',
        }),
      );
      expect(screen.getByLabelText<HTMLInputElement>(/directory hint/).value).toBe(
        'contoso.onmicrosoft.com',
      );
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toBe('Not signed in.'),
      );
    });

    it('signs in against the admin’s own directory, or the policy’s Graph tenant', async () => {
      const graph = fakeGraphEnv();
      const env = fakeOptionsEnv({
        graph,
        stored: { defaultHint: 'fabrikam.com', graphClientId: CLIENT },
        policy: parsePolicy({ graphTenant: 'northwind.example' }),
      });
      render(<Options env={env} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in to Microsoft Graph' }));
      await waitFor(() =>
        expect(graph.signIn).toHaveBeenCalledWith({
          clientId: CLIENT,
          tenant: 'northwind.example',
          cloud: 'global',
        }),
      );
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toContain('Signed in to Contoso'),
      );
      expect((env.stored as PartialSettings).defaultHint).toBe('fabrikam.com');
    });

    it('shows a client id set by the organisation read-only', async () => {
      render(
        <Options
          env={fakeOptionsEnv({
            policy: parsePolicy({ graphClientId: CLIENT, locked: ['graphClientId'] }),
          })}
        />,
      );
      const id = await screen.findByLabelText<HTMLInputElement>(/client\) ID/);
      expect(id.value).toBe(CLIENT);
      expect(id.readOnly).toBe(true);
      expect(
        screen.getByLabelText(/Set by your organisation/, { selector: '#graph-client-id' }),
      ).toBe(id);
    });

    it.each([
      // Missing consent may be for any permission (65001), not always the admin-only one.
      ['consent-required', /missing consent for one of its permissions \(EntitlementManagement/],
      ['consent-declined', /declined at sign-in \(AADSTS65004\)/],
      ['spa-platform', /Single-page application/],
      ['permission-refused', /was not granted/],
      ['sign-in-cancelled', /closed before it finished/],
    ])('says what to do when sign-in fails: %s', async (code, text) => {
      const graph = fakeGraphEnv({
        signIn: async () => Promise.reject(new GraphProblem(code as never)),
      });
      render(<Options env={fakeOptionsEnv({ graph, stored: { graphClientId: CLIENT } })} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in to Microsoft Graph' }));
      expect((await screen.findByTestId('graph-problem')).textContent).toMatch(text);
      expect(screen.getByTestId('graph-status').textContent).toBe('Not signed in.');
    });

    it('refuses a client id that is not a GUID, and asks for one when empty', async () => {
      const graph = fakeGraphEnv();
      const env = fakeOptionsEnv({ graph });
      render(<Options env={env} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in to Microsoft Graph' }));
      expect((await screen.findByTestId('graph-problem')).getAttribute('data-code')).toBe(
        'no-client-id',
      );
      fireEvent.input(screen.getByLabelText(/client\) ID/), {
        target: { value: 'access-link-doctor' },
      });
      expect(screen.getByText(/A client ID is a GUID/)).toBeTruthy();
      expect(screen.getByTestId('save-status').getAttribute('data-status')).toBe('invalid');
      expect(env.stored).toEqual({});
      expect(graph.signIn).not.toHaveBeenCalled();
    });

    it('shows an existing sign-in on opening', async () => {
      render(<Options env={fakeOptionsEnv({ graph: fakeGraphEnv({ tokens: TOKENS }) })} />);
      await waitFor(() =>
        expect(screen.getByTestId('graph-status').textContent).toContain(
          'Signed in to contoso.onmicrosoft.com until',
        ),
      );
    });
  });
});
