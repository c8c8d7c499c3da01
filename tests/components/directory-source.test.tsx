/** @vitest-environment happy-dom */
// The admin's package view says where the directory of the link came from, and never uses the
// portal URL's `#@tenant/` without the admin confirming it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from './popup-loaded';
import type { GraphPackage } from '../../lib/graph';
import { G } from '../fixtures/link-rows';
import { portal } from '../fixtures/portal-state';
import { fakeEnv, fakeGraphEnv, TOKENS } from './fake-env';

afterEach(cleanup);

const link = (hint: string) => `https://myaccess.microsoft.com/@${hint}#/access-packages/${G}`;
const FROM_GRAPH: GraphPackage = {
  facts: {},
  packageName: 'Sales partners',
  catalogName: 'General',
  terms: { approval: null, expiry: null },
  directoryHint: 'contoso.onmicrosoft.com',
};
// The source of the link in use is the last line; a URL suggestion may stand before it.
const source = () => screen.queryAllByTestId('directory-source').at(-1) ?? null;
const canonical = () => screen.queryByTestId('canonical')?.textContent ?? null;

describe('PackageView: the source of the directory', () => {
  it.each<[string, Parameters<typeof fakeEnv>[0], string, string]>([
    [
      'the link the page shows',
      {
        state: portal({
          tenant: 'url.com',
          facts: {
            packageName: 'Sales partners',
            hidden: false,
            catalogName: 'General',
            link: link('shown.com'),
          },
        }),
        settings: { defaultHint: 'admin.com' },
      },
      'page',
      link('shown.com'),
    ],
    [
      'Microsoft Graph, before the settings and the URL',
      {
        state: portal({ tenant: 'url.com' }),
        settings: { defaultHint: 'admin.com', graphClientId: TOKENS.clientId },
        graph: fakeGraphEnv({ tokens: TOKENS, readPackage: () => Promise.resolve(FROM_GRAPH) }),
      },
      'graph',
      link('contoso.onmicrosoft.com'),
    ],
    [
      "the admin's settings, before the URL",
      { state: portal({ tenant: 'url.com' }), settings: { defaultHint: 'admin.com' } },
      'admin',
      link('admin.com'),
    ],
  ])('%s', async (_, env, expected, expectedLink) => {
    render(<Popup env={fakeEnv(env)} />);
    await screen.findByTestId('package');
    await waitFor(() => expect(source()?.dataset.source).toBe(expected));
    expect(canonical()).toBe(expectedLink);
    expect(source()!.textContent).toBe(
      {
        page: 'Directory from the link the portal shows.',
        graph: 'Directory confirmed by Microsoft Graph: the package was read from it.',
        admin: 'Directory from your settings.',
      }[expected],
    );
  });

  it("Graph's directory reaches the toolbar badge, which the background cannot read itself", async () => {
    const env = fakeEnv({
      state: portal({ tenant: 'url.com' }),
      settings: { graphClientId: TOKENS.clientId },
      graph: fakeGraphEnv({ tokens: TOKENS, readPackage: () => Promise.resolve(FROM_GRAPH) }),
    });
    render(<Popup env={env} />);
    await waitFor(() => expect(source()?.dataset.source).toBe('graph'));
    await waitFor(() =>
      expect(env.packageBadge).toHaveBeenLastCalledWith(false, 'contoso.onmicrosoft.com'),
    );
  });

  it("the settings' directory is used, and a URL naming another one is still pointed out", async () => {
    render(
      <Popup
        env={fakeEnv({
          state: portal({ tenant: 'url.com' }),
          settings: { defaultHint: 'admin.com' },
        })}
      />,
    );
    await screen.findByTestId('package');
    await waitFor(() => expect(canonical()).toBe(link('admin.com')));
    // An admin of several tenants: the portal may be showing another tenant's package.
    expect(screen.getAllByTestId('directory-source').map((e) => e.dataset.source)).toEqual([
      'url',
      'admin',
    ]);
  });

  it("only suggests the portal URL's directory, and uses it once the admin confirms", async () => {
    render(<Popup env={fakeEnv({ state: portal({ tenant: 'fabrikam.com' }) })} />);
    await screen.findByTestId('package');
    // No link (and no "OK") from a URL alone: anyone can write `#@tenant/` into a portal address.
    expect(canonical()).toBeNull();
    expect(source()!.dataset.source).toBe('url');
    expect(source()!.textContent).toContain('The portal address names the directory fabrikam.com');
    fireEvent.click(screen.getByRole('button', { name: 'Use fabrikam.com' }));
    await waitFor(() => expect(canonical()).toBe(link('fabrikam.com')));
    expect(source()!.dataset.source).toBe('typed');
    expect(source()!.textContent).toBe('Directory you entered.');
  });

  it('the suggestion stays out of the way of a directory the admin typed', async () => {
    render(<Popup env={fakeEnv({ state: portal({ tenant: 'fabrikam.com' }) })} />);
    await screen.findByTestId('package');
    fireEvent.input(screen.getByLabelText("Organisation's domain or tenant ID"), {
      target: { value: 'contoso.com' },
    });
    await waitFor(() => expect(canonical()).toBe(link('contoso.com')));
    // The typed one is used; the URL's is still offered, as a suggestion only.
    expect(screen.getAllByTestId('directory-source').map((e) => e.dataset.source)).toEqual([
      'url',
      'typed',
    ]);
  });
});
