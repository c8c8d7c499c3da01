/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
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
    expect((screen.getByRole('button', { name: 'Email app' }) as HTMLButtonElement).disabled).toBe(
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
      expect((screen.getByLabelText('Email language') as HTMLSelectElement).value).toBe('nl'),
    );
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Gmail' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
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
        (screen.getByRole('button', { name: 'Outlook on the web' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Outlook on the web' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(2));
    expect(env.openCompose.mock.calls[1]![0]).toMatch(
      /^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?to=&subject=Demande%20d'acc%C3%A8s/,
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
