// The browser side of Microsoft Graph: permissions, the sign-in window, token storage. The flow
// itself is lib/graph; this file only hands it the browser's pieces.
import { browser } from 'wxt/browser';
import {
  cloudHosts,
  cloudOrigins,
  createGraphClient,
  createGraphSession,
  directoryHintOf,
  GraphProblem,
  readPackage,
  type GraphCloud,
  type GraphPackage,
  type TokenSet,
} from '../../lib/graph';
import { parseDirectoryHint } from '../../lib/link/hint';
import { graphTokensItem } from '../../lib/storage';

export interface GraphOrganization {
  name: string | null;
  hint: string | null;
}

export interface GraphEnv {
  /** The redirect URI to register (Single-page application platform). */
  redirectUri(): string;
  /** Call straight from a click: the host permission request needs the user's gesture. */
  signIn(config: {
    clientId: string;
    tenant: string;
    cloud: GraphCloud;
  }): Promise<{ tokens: TokenSet; organization: GraphOrganization | null }>;
  signOut(): Promise<void>;
  signedIn(): Promise<TokenSet | null>;
  readPackage(id: string): Promise<GraphPackage>;
}

const session = createGraphSession({
  fetch: (...args) => fetch(...args),
  now: () => Date.now(),
  launch: (url) =>
    browser.identity.launchWebAuthFlow({ url, interactive: true }).then((r) => r ?? ''),
  load: () => graphTokensItem.getValue(),
  save: (tokens) => graphTokensItem.setValue(tokens),
  clear: () => graphTokensItem.removeValue(),
});

function clientFor(cloud: GraphCloud) {
  return createGraphClient({
    fetch: (...args) => fetch(...args),
    base: cloudHosts(cloud).graph,
    token: async () => (await session.accessToken()).accessToken,
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  });
}

async function organizationOf(cloud: GraphCloud): Promise<GraphOrganization | null> {
  const org = await clientFor(cloud)
    .organization()
    .catch(() => null);
  if (!org) return null;
  return {
    name: typeof org.displayName === 'string' ? org.displayName : null,
    hint: directoryHintOf(org),
  };
}

export const browserGraph: GraphEnv = {
  redirectUri: () => browser.identity?.getRedirectURL() ?? '',
  signIn(config) {
    // Asked first, synchronously inside the click: browsers drop the gesture after an await.
    const granted = browser.permissions.request({ origins: cloudOrigins(config.cloud) });
    return (async () => {
      if (!(await granted)) throw new GraphProblem('permission-refused');
      // Identity flows do not work in private windows.
      if (browser.extension?.inIncognitoContext) throw new GraphProblem('identity-unavailable');
      if (!browser.identity?.launchWebAuthFlow) throw new GraphProblem('identity-unavailable');
      const tokens = await session.signIn({
        ...config,
        redirectUri: browser.identity.getRedirectURL(),
      });
      return { tokens, organization: await organizationOf(config.cloud) };
    })();
  },
  signOut: () => session.signOut(),
  signedIn: () => session.current(),
  async readPackage(id) {
    const { cloud, tenant } = await session.accessToken();
    // The user may have withdrawn the host permission since signing in.
    if (!(await browser.permissions.contains({ origins: cloudOrigins(cloud) })))
      throw new GraphProblem('permission-refused');
    const pkg = await readPackage(clientFor(cloud), id, cloud);
    // Graph found the package in the tenant signed in to: that tenant is its directory. Signed in
    // through `organizations`, the organisation's own domains say which (needs User.Read).
    const named = parseDirectoryHint(tenant);
    const directoryHint = named.ok ? named.value : ((await organizationOf(cloud))?.hint ?? null);
    return { ...pkg, directoryHint };
  },
};
