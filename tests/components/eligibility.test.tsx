/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/popup/Popup';
import { GraphProblem } from '../../lib/graph';
import { graphPackage } from '../../lib/graph/facts';
import type { TabState } from '../../lib/tab-state';
import { fixture } from '../graph/fake-graph';
import { G } from '../fixtures/link-rows';
import { TOKENS, fakeEnv, fakeGraphEnv } from './fake-env';

const CLIENT = '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c';
const PORTAL: TabState = {
  type: 'portal',
  accessPackageId: G,
  tenant: null,
  cloud: 'global',
  facts: { packageName: null, hidden: null, catalogName: null, link: null },
};
const FROM_GRAPH = graphPackage(
  fixture('access-package-expanded.json'),
  [
    ...(fixture('connected-organizations-page1.json').value as never[]),
    ...(fixture('connected-organizations-page2.json').value as never[]),
  ],
  'global',
);
const finding = (code: string) =>
  screen.getByTestId('eligibility').querySelector(`[data-code="${code}"]`);
const codes = () =>
  [...screen.getByTestId('eligibility').querySelectorAll('li')].map((li) => li.dataset.code);
afterEach(cleanup);

function open(over: Parameters<typeof fakeEnv>[0] = {}) {
  const env = fakeEnv({
    settings: { defaultHint: 'contoso.com', graphClientId: CLIENT },
    state: PORTAL,
    ...over,
  });
  render(<Popup env={env} />);
  return env;
}

describe('Eligibility in the admin view', () => {
  it('signed in: reads the package from Graph and shows its facts with their source', async () => {
    const graph = fakeGraphEnv({ tokens: TOKENS, readPackage: async () => FROM_GRAPH });
    open({ graph });
    await screen.findByTestId('graph-checked');
    expect(graph.readPackage).toHaveBeenCalledWith(G);
    expect(screen.getByTestId('package').querySelector('h2')!.textContent).toBe(
      'Fabrikam partner onboarding',
    );
    expect(screen.getByTestId('hidden-note')).toBeTruthy();
    expect(finding('policy-specific-organizations')!.textContent).toBe(
      'Only these connected organisations can request it: Fabrikam. (from Microsoft Graph)',
    );
    expect(codes()).not.toContain('catalog-external-unchecked');
    // Nothing left to ask.
    expect(screen.queryByText(/What could not be checked/)).toBeNull();
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'joe@northwindtraders.com' },
    });
    expect(finding('partner-not-covered')!.textContent).toContain(
      'northwindtraders.com is not covered',
    );
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'anna@fabrikam.com' },
    });
    expect(finding('partner-covered')).toBeTruthy();
  });

  it('the email says what Graph knows about approval and expiry', async () => {
    const env = open({
      graph: fakeGraphEnv({ tokens: TOKENS, readPackage: async () => FROM_GRAPH }),
    });
    await screen.findByTestId('graph-checked');
    fireEvent.click(screen.getByRole('button', { name: 'Share by email' }));
    await waitFor(() =>
      expect(
        (screen.getByRole('button', { name: 'Email app' }) as HTMLButtonElement).disabled,
      ).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Email app' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalled());
    const body = decodeURIComponent(env.openCompose.mock.calls[0]![0].split('&body=')[1]!);
    expect(body).toContain('Your request will need approval before access is granted.');
    expect(body).toContain('Access lasts 365 days.');
    expect(body).toContain('Fabrikam partner onboarding');
  });

  it('not signed in: says so and offers the options, where sign-in happens', async () => {
    const env = open();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Check with Microsoft Graph' })).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check with Microsoft Graph' }));
    expect((await screen.findByTestId('graph-problem')).textContent).toContain(
      'Not signed in to Microsoft Graph',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the options' }));
    expect(env.openOptions).toHaveBeenCalled();
  });

  it.each([
    ['forbidden', 'needs an entitlement-management role', 'Try again'],
    ['not-found', 'not in the directory you signed in to', 'Try again'],
    ['offline', 'could not be reached', 'Try again'],
    ['session-expired', 'sign in again', 'Open the options'],
  ])('Graph fails (%s): the message says what to do', async (code, text, action) => {
    open({
      graph: fakeGraphEnv({
        tokens: TOKENS,
        readPackage: async () => Promise.reject(new GraphProblem(code as never)),
      }),
    });
    expect((await screen.findByTestId('graph-problem')).textContent).toContain(text);
    expect(screen.getByRole('button', { name: action })).toBeTruthy();
  });

  it('throttled: names the wait, and trying again reads the package', async () => {
    let calls = 0;
    open({
      graph: fakeGraphEnv({
        tokens: TOKENS,
        readPackage: async () =>
          ++calls === 1 ? Promise.reject(new GraphProblem('throttled', 42)) : FROM_GRAPH,
      }),
    });
    expect((await screen.findByTestId('graph-problem')).textContent).toContain(
      'try again in 42 seconds',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByTestId('graph-checked');
  });

  it('without Graph: asks what it cannot check, remembers the answers per package, and findings follow', async () => {
    const env = open({
      settings: { defaultHint: 'contoso.com' },
      answers: { [G]: { catalogPublished: true } },
    });
    expect(
      await screen.findByText(
        'Connect Microsoft Graph in the options to check the catalog and policies automatically.',
      ),
    ).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText('Is its catalog published?') as HTMLSelectElement).value).toBe(
        'true',
      ),
    );
    expect(codes()).not.toContain('catalog-state-unchecked');
    fireEvent.change(screen.getByLabelText('Is its catalog enabled for external users?'), {
      target: { value: 'false' },
    });
    await waitFor(() =>
      expect(env.saveAnswers).toHaveBeenLastCalledWith(G, {
        catalogPublished: true,
        catalogExternal: false,
      }),
    );
    expect(finding('catalog-not-external')!.textContent).toContain('(as you said)');
    fireEvent.change(screen.getByLabelText('Is its catalog enabled for external users?'), {
      target: { value: '' },
    });
    await waitFor(() =>
      expect(env.saveAnswers).toHaveBeenLastCalledWith(G, { catalogPublished: true }),
    );
    expect(finding('catalog-external-unchecked')).toBeTruthy();
  });

  it('sharing a package partners cannot request shows the errors first and sends only after confirming', async () => {
    const env = open({
      settings: { defaultHint: 'contoso.com' },
      answers: { [G]: { externalPolicy: false } },
    });
    await waitFor(() => expect(finding('no-external-policy')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Share by email' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Gmail' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
    const confirm = await screen.findByTestId('share-confirm');
    expect(confirm.textContent).toContain('Partners cannot request this package yet');
    expect(confirm.querySelector('[data-code="no-external-policy"]')).toBeTruthy();
    expect(env.openCompose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('share-confirm')).toBeNull();
    expect(env.openCompose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(1));
    expect(env.openCompose.mock.calls[0]![0]).toMatch(/^https:\/\/mail\.google\.com\//);
    // Confirmed once: the next send goes straight through.
    fireEvent.click(screen.getByRole('button', { name: 'Copy email' }));
    await waitFor(() => expect(env.copyRich).toHaveBeenCalled());
    expect(screen.queryByTestId('share-confirm')).toBeNull();
  });
});
