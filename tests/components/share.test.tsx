/** @vitest-environment happy-dom */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popup } from './popup-loaded';
import { SharePanel } from '../../components/share/SharePanel';
import { createShareState, type ShareEnv, type ShareFacts } from '../../components/share/state';
import type { Finding } from '../../lib/eligibility/rules';
import type { Catalogue } from '../../lib/i18n/format-message';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import nl from '../../public/_locales/nl/messages.json';
import { G } from '../fixtures/link-rows';
import { fakeEnv } from './fake-env';

const LINK = `https://myaccess.microsoft.com/@contoso.com#/access-packages/${G}`;
afterEach(cleanup);

async function openShare(
  env = fakeEnv({ settings: { organization: 'Contoso Ltd' } }),
  link = LINK,
) {
  render(<Popup env={env} initialText={link} />);
  fireEvent.click(screen.getByRole('button', { name: 'Share by email' }));
  await waitFor(() =>
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Email app' }).disabled).toBe(
      false,
    ),
  );
  return env;
}

describe('SharePanel', () => {
  it('opens a mailto with recipients, subject and body, and records the share', async () => {
    const env = await openShare();
    fireEvent.input(screen.getByLabelText('To (optional)'), {
      target: { value: 'anna@fabrikam.com' },
    });
    fireEvent.input(screen.getByLabelText('Personal note (optional)'), {
      target: { value: 'See you Monday' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Email app' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(1));
    const url = env.openCompose.mock.calls[0]![0];
    expect(url).toMatch(
      /^mailto:anna%40fabrikam\.com\?subject=Request%20access%3A%20an%20access%20package&body=Hello%2C%0D%0A/,
    );
    const body = decodeURIComponent(url.split('&body=')[1]!);
    expect(body).toContain(LINK);
    expect(body).toContain('See you Monday');
    expect(body).toContain('Contoso Ltd');
    await waitFor(() =>
      expect(screen.getByTestId('share-status').textContent).toBe(
        'A new email is ready in Email app.',
      ),
    );
    await waitFor(() =>
      expect(env.addHistory.mock.calls.map((c) => c[0].action)).toContain('shared'),
    );
  });

  it('writes the email in the language chosen for it, not the UI language', async () => {
    const env = await openShare(fakeEnv({ settings: { emailLanguage: 'nl' } }));
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLSelectElement>('Email language').value).toBe('nl'),
    );
    await waitFor(() =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Gmail' }).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalled());
    const url = env.openCompose.mock.calls[0]![0];
    expect(url).toMatch(
      /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=&su=Toegang%20aanvragen/,
    );
    fireEvent.change(screen.getByLabelText('Email language'), { target: { value: 'fr' } });
    await waitFor(() =>
      expect(
        screen.getByRole<HTMLButtonElement>('button', { name: 'Outlook on the web' }).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Outlook on the web' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(2));
    expect(env.openCompose.mock.calls[1]![0]).toMatch(
      /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=&subject=Demande%20d(?:'|%E2%80%99)acc%C3%A8s/,
    );
  });

  it('uses Outlook for US Government for a .us link', async () => {
    const env = await openShare(
      fakeEnv(),
      `https://myaccess.microsoft.us/@contoso.us#/access-packages/${G}`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Outlook on the web' }));
    await waitFor(() =>
      expect(env.openCompose.mock.calls[0]![0]).toMatch(/^https:\/\/outlook\.office365\.us\//),
    );
  });

  it('copies the email as HTML and plain text', async () => {
    const env = await openShare();
    fireEvent.click(screen.getByRole('button', { name: 'Copy email' }));
    await waitFor(() => expect(env.copyRich).toHaveBeenCalled());
    const [html, text] = env.copyRich.mock.calls[0]!;
    expect(html).toContain(`<a href="${LINK}">${LINK}</a>`);
    expect(text).toContain(LINK);
    expect(text).not.toContain('<');
    await waitFor(() =>
      expect(screen.getByTestId('share-status').textContent).toContain('Email copied'),
    );
  });

  it('a long note shortens the mailto and says so', async () => {
    const env = await openShare();
    fireEvent.input(screen.getByLabelText('Personal note (optional)'), {
      target: { value: 'A long story. '.repeat(140) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Email app' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalled());
    expect(env.openCompose.mock.calls[0]![0].length).toBeLessThanOrEqual(1800);
    await waitFor(() =>
      expect(screen.getByTestId('share-status').textContent).toContain('the end was left out'),
    );
  });

  it('names recipients that are not email addresses', async () => {
    await openShare();
    fireEvent.input(screen.getByLabelText('To (optional)'), {
      target: { value: 'anna@fabrikam.com, bob' },
    });
    expect(screen.getByRole('alert').textContent).toBe('Not an email address, left out: bob');
  });
});

const CATALOGUES: Record<string, Catalogue> = { en, fr, nl };

/** A ShareEnv on its own, as any opener of the panel would hand it over. */
function shareEnv(settings: Partial<Settings> = {}, { copyOk = true } = {}) {
  return {
    settings: signal<Settings>({ ...DEFAULT_SETTINGS, ...settings }),
    catalogue: vi.fn((lang: string) => Promise.resolve(CATALOGUES[lang]!)),
    copyRich: vi.fn((_h: string, _t: string) => Promise.resolve(copyOk)),
    openCompose: vi.fn(async (_: string) => {}),
    shared: vi.fn(async (_: string) => {}),
  } satisfies ShareEnv;
}

const BLOCKING: Finding[] = [
  {
    code: 'catalog-not-external',
    severity: 'error',
    source: 'graph',
  } as Finding,
];
const facts = (over: Partial<ShareFacts> = {}): ShareFacts => ({
  link: LINK,
  packageName: 'Sales reports',
  blocking: [],
  ...over,
});

describe('createShareState', () => {
  async function started(env = shareEnv()) {
    const share = createShareState(env);
    const stop = share.start();
    await vi.waitFor(() => expect(share.catalogue.value).not.toBeNull());
    return { share, env, stop };
  }

  it('writes in the settings’ email language until the user picks one, also when settings arrive late', async () => {
    const { share, env, stop } = await started();
    expect(share.lang.value).toBe('en');
    env.settings.value = { ...env.settings.value, emailLanguage: 'nl' };
    expect(share.lang.value).toBe('nl');
    // Never the previous language's messages while the new ones load.
    expect(share.catalogue.value).toBeNull();
    await vi.waitFor(() => expect(share.catalogue.value).toBe(nl));
    share.chooseLanguage('fr');
    env.settings.value = { ...env.settings.value, emailLanguage: 'en' };
    expect(share.lang.value).toBe('fr');
    await vi.waitFor(() => expect(share.catalogue.value).toBe(fr));
    stop();
  });

  it.each<[string, 'mailto' | 'outlook' | 'gmail', RegExp]>([
    ['mail app', 'mailto', /^mailto:anna%40fabrikam\.com\?subject=/],
    [
      'Outlook on the web',
      'outlook',
      /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=anna/,
    ],
    ['Gmail', 'gmail', /^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=anna/],
  ])('opens %s with the recipients, records the share and says so', async (_, channel, url) => {
    const { share, env, stop } = await started();
    share.to.value = 'anna@fabrikam.com';
    await share.request(channel, facts());
    expect(env.openCompose).toHaveBeenCalledTimes(1);
    expect(env.openCompose.mock.calls[0]![0]).toMatch(url);
    expect(env.shared).toHaveBeenCalledWith(LINK);
    expect(share.status.value).toEqual({ key: 'shareOpened', channel });
    stop();
  });

  it('holds an action back while findings block partners, until the user confirms once', async () => {
    const { share, env, stop } = await started();
    await share.request('copy', facts({ blocking: BLOCKING }));
    expect(share.pending.value).toBe('copy');
    expect(env.copyRich).not.toHaveBeenCalled();
    share.cancel();
    expect(share.pending.value).toBeNull();
    expect(env.copyRich).not.toHaveBeenCalled();

    await share.request('gmail', facts({ blocking: BLOCKING }));
    await share.confirm(facts({ blocking: BLOCKING }));
    expect(env.openCompose).toHaveBeenCalledTimes(1);
    // Confirmed once: the next action goes at once.
    await share.request('copy', facts({ blocking: BLOCKING }));
    expect(share.pending.value).toBeNull();
    expect(env.copyRich).toHaveBeenCalledTimes(1);
    stop();
  });

  it('puts the email on the clipboard when even the link alone is too long for a mail link', async () => {
    const { share, env, stop } = await started();
    const long = `https://myaccess.microsoft.com/@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.com#/access-packages/${G}`;
    share.to.value = Array.from({ length: 80 }, (_, i) => `person${i}@fabrikam.com`).join(', ');
    await share.request('mailto', facts({ link: long }));
    expect(env.openCompose).not.toHaveBeenCalled();
    expect(env.copyRich).toHaveBeenCalledTimes(1);
    expect(share.status.value).toEqual({ key: 'shareTooLong' });
    stop();
  });

  it('says so when the clipboard refuses', async () => {
    const { share, stop } = await started(shareEnv({}, { copyOk: false }));
    await share.request('copy', facts());
    expect(share.status.value).toEqual({ key: 'shareFailed' });
    stop();
  });

  it('lists recipients that are not addresses', async () => {
    const { share, stop } = await started();
    share.to.value = 'anna@fabrikam.com; bob, carol@';
    expect(share.rejected.value).toEqual(['bob', 'carol@']);
    stop();
  });
});

describe('SharePanel on its own', () => {
  it('takes the focus (its first field) and brings itself into view when it opens', () => {
    const scrolled: Element[] = [];
    const spy = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (
      this: Element,
    ) {
      scrolled.push(this);
    });
    render(<SharePanel env={shareEnv()} link={LINK} packageName={null} />);
    expect(document.activeElement).toBe(screen.getByLabelText('To (optional)'));
    expect(scrolled).toContain(screen.getByTestId('share-panel'));
    spy.mockRestore();
  });

  it('moves the focus to the confirmation, and back to the button that asked for it', async () => {
    const env = shareEnv();
    render(<SharePanel env={env} link={LINK} packageName={null} blocking={BLOCKING} />);
    const gmail = screen.getByRole<HTMLButtonElement>('button', { name: 'Gmail' });
    await waitFor(() => expect(gmail.disabled).toBe(false));
    gmail.focus();
    fireEvent.click(gmail);
    const confirm = await screen.findByTestId('share-confirm');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })),
    );
    expect(confirm.textContent).toContain('Partners cannot request this package yet');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(gmail));
    expect(env.openCompose).not.toHaveBeenCalled();

    fireEvent.click(gmail);
    fireEvent.click(await screen.findByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(document.activeElement).toBe(gmail));
  });

  it('keeps its state in its own factory, with nothing of the popup', () => {
    for (const file of ['components/share/SharePanel.tsx', 'components/share/state.ts']) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from '\.\.\/popup\//);
      expect(source, file).not.toMatch(/\buseState</);
    }
  });
});
