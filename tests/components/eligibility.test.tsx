/** @vitest-environment happy-dom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from './popup-loaded';
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
// The machine running the suite may be busy: give the popup's asynchronous steps room.
const SLOW = { timeout: 5_000 };

function open(over: Parameters<typeof fakeEnv>[0] = {}) {
  const env = fakeEnv({
    settings: { defaultHint: 'contoso.com', graphClientId: CLIENT },
    state: PORTAL,
    ...over,
  });
  render(<Popup env={env} />);
  return env;
}

/** Opens "Share by email" and waits until the `service` button (e.g. Gmail) can be pressed. */
async function openShareMenu(service: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Share by email' }));
  await waitFor(
    () =>
      expect(screen.getByRole<HTMLButtonElement>('button', { name: service }).disabled).toBe(false),
    SLOW,
  );
}

/** Presses Gmail and checks the email opens at once, with no confirmation asked. */
async function sendsByGmailWithoutConfirming(env: ReturnType<typeof open>) {
  fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
  await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(1), SLOW);
  expect(screen.queryByTestId('share-confirm')).toBeNull();
}

describe('Eligibility in the admin view', () => {
  it('signed in: reads the package from Graph and shows its facts with their source', async () => {
    const graph = fakeGraphEnv({ tokens: TOKENS, readPackage: () => Promise.resolve(FROM_GRAPH) });
    open({ graph });
    await screen.findByTestId('graph-checked', {}, SLOW);
    expect(graph.readPackage).toHaveBeenCalledWith(G);
    expect(screen.getByTestId('package').querySelector('h2')!.textContent).toBe(
      'Fabrikam partner onboarding',
    );
    expect(screen.getByTestId('hidden-note')).toBeTruthy();
    expect(finding('policy-specific-organizations')!.textContent).toBe(
      'Among users not yet in your directory, only users of these connected organisations can request it: Fabrikam. (from Microsoft Graph) Microsoft’s documentation',
    );
    // Each rule links the Microsoft Learn page that states it, in a new tab.
    const doc = finding('policy-specific-organizations')!.querySelector('a')!;
    expect(doc.getAttribute('href')).toBe(
      'https://learn.microsoft.com/entra/id-governance/entitlement-management-access-package-request-policy',
    );
    expect(doc.getAttribute('target')).toBe('_blank');
    expect(doc.getAttribute('rel')).toContain('noopener');
    expect(finding('hidden')!.querySelector('a')!.getAttribute('href')).toBe(
      'https://learn.microsoft.com/entra/id-governance/entitlement-management-access-package-edit',
    );
    expect(codes()).not.toContain('catalog-external-unchecked');
    // Nothing left to ask.
    expect(screen.queryByText(/What could not be checked/)).toBeNull();
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'joe@northwindtraders.com' },
    });
    expect(finding('partner-not-covered')!.textContent).toContain(
      'No policy for users not in your directory covers northwindtraders.com',
    );
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'anna@fabrikam.com' },
    });
    expect(finding('partner-covered')!.textContent).toContain('A policy covers fabrikam.com.');
    // The B2B lists are checked at invitation: they can refuse a partner not yet a guest only.
    expect(finding('partner-covered')!.textContent).toContain(
      'can still refuse them if they are not yet guests',
    );
    expect(finding('reminder-b2b-lists')!.textContent).toContain(
      'Guests already in your directory are not affected.',
    );
    expect(finding('reminder-b2b-lists')!.querySelector('a')!.getAttribute('href')).toBe(
      'https://learn.microsoft.com/entra/id-governance/entitlement-management-external-users',
    );
    // No sub-domain matching: Microsoft documents none.
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'anna@sales.fabrikam.com' },
    });
    expect(finding('partner-covered')).toBeNull();
  });

  it('a role that cannot list connected organisations: "not checked", and sharing is not held back', async () => {
    const withoutOrganizations = graphPackage(
      fixture('access-package-expanded.json'),
      undefined,
      'global',
    );
    const env = open({
      graph: fakeGraphEnv({
        tokens: TOKENS,
        readPackage: () => Promise.resolve(withoutOrganizations),
      }),
    });
    await screen.findByTestId('graph-checked', {}, SLOW);
    expect(finding('organizations-unchecked')!.textContent).toContain(
      'Identity Governance Administrator',
    );
    fireEvent.input(screen.getByLabelText(/Partner's email or domain/), {
      target: { value: 'joe@northwindtraders.com' },
    });
    expect(finding('partner-not-covered')).toBeNull();
    expect(finding('partner-unchecked')!.textContent).toContain(
      'Not checked: does a policy cover northwindtraders.com?',
    );
    expect(screen.getByTestId('eligibility').querySelector('[data-severity="error"]')).toBeNull();
    await openShareMenu('Gmail');
    await sendsByGmailWithoutConfirming(env);
  });

  it('the email says what Graph knows about approval and expiry', async () => {
    const env = open({
      graph: fakeGraphEnv({ tokens: TOKENS, readPackage: () => Promise.resolve(FROM_GRAPH) }),
    });
    await screen.findByTestId('graph-checked', {}, SLOW);
    await openShareMenu('Email app');
    fireEvent.click(screen.getByRole('button', { name: 'Email app' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalled(), SLOW);
    const body = decodeURIComponent(env.openCompose.mock.calls[0]![0].split('&body=')[1]!);
    expect(body).toContain('Your request will need approval before access is granted.');
    expect(body).toContain('Access lasts 365 days from when it is granted.');
    expect(body).toContain('Fabrikam partner onboarding');
  });

  it('not signed in: says so and offers the options, where sign-in happens', async () => {
    const env = open();
    await waitFor(
      () => expect(screen.getByRole('button', { name: 'Check with Microsoft Graph' })).toBeTruthy(),
      SLOW,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check with Microsoft Graph' }));
    expect((await screen.findByTestId('graph-problem')).textContent).toContain(
      'Not signed in to Microsoft Graph',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open the options' }));
    expect(env.openOptions).toHaveBeenCalled();
  });

  it.each([
    ['forbidden', 'Catalog reader (or a higher role) on the package’s own catalog', 'Try again'],
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
    await screen.findByTestId('graph-checked', {}, SLOW);
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
    await waitFor(
      () =>
        expect(
          screen.getByLabelText<HTMLSelectElement>('Is its catalog enabled (“Enabled”: Yes)?')
            .value,
        ).toBe('true'),
      SLOW,
    );
    expect(codes()).not.toContain('catalog-enabled-unchecked');
    fireEvent.change(screen.getByLabelText('Is its catalog enabled for external users?'), {
      target: { value: 'false' },
    });
    await waitFor(
      () =>
        expect(env.saveAnswers).toHaveBeenLastCalledWith(G, {
          catalogPublished: true,
          catalogExternal: false,
        }),
      SLOW,
    );
    expect(finding('catalog-not-external')!.textContent).toContain('(as you said)');
    fireEvent.change(screen.getByLabelText('Is its catalog enabled for external users?'), {
      target: { value: '' },
    });
    await waitFor(
      () => expect(env.saveAnswers).toHaveBeenLastCalledWith(G, { catalogPublished: true }),
      SLOW,
    );
    expect(finding('catalog-external-unchecked')).toBeTruthy();
  });

  it('no policy for external users is a warning: existing guests may still request, sharing goes ahead', async () => {
    const env = open({
      settings: { defaultHint: 'contoso.com' },
      answers: { [G]: { externalPolicy: false } },
    });
    await waitFor(() => expect(finding('no-external-policy')).toBeTruthy(), SLOW);
    expect(finding('no-external-policy')!.getAttribute('data-severity')).toBe('warning');
    expect(finding('no-external-policy')!.textContent).toContain('All users (including guests)');
    await openShareMenu('Gmail');
    await sendsByGmailWithoutConfirming(env);
  });

  it('sharing a package partners cannot request shows the errors first and sends only after confirming', async () => {
    const env = open({
      settings: { defaultHint: 'contoso.com' },
      answers: { [G]: { catalogExternal: false } },
    });
    await waitFor(() => expect(finding('catalog-not-external')).toBeTruthy(), SLOW);
    await openShareMenu('Gmail');
    fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
    const confirm = await screen.findByTestId('share-confirm', {}, SLOW);
    expect(confirm.textContent).toContain('Partners cannot request this package yet');
    expect(confirm.querySelector('[data-code="catalog-not-external"]')).toBeTruthy();
    expect(env.openCompose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('share-confirm')).toBeNull();
    expect(env.openCompose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Gmail' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(env.openCompose).toHaveBeenCalledTimes(1), SLOW);
    expect(env.openCompose.mock.calls[0]![0]).toMatch(/^https:\/\/mail\.google\.com\//);
    // Confirmed once: the next send goes straight through.
    fireEvent.click(screen.getByRole('button', { name: 'Copy email' }));
    await waitFor(() => expect(env.copyRich).toHaveBeenCalled(), SLOW);
    expect(screen.queryByTestId('share-confirm')).toBeNull();
  });
});
