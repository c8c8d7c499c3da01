// The one definition of every Microsoft host the extension knows: the manifest, the content
// scripts' matches, the message checks, the page predicates, the link engine and the Graph client
// all derive their lists from here (tests/hosts.test.ts fails on a host written in one of them).

/**
 * The clouds an access package's link can live in, with the My Access host its links use and the
 * admin portals that manage it. Microsoft's link page names `myaccess.microsoft.us` for "US
 * Government"; that it means GCC High and DoD, and that GCC (moderate) tenants use the worldwide
 * hosts, is inferred (GCC signs in and reads Graph on the worldwide hosts), not stated there.
 * No My Access host is documented for the China cloud.
 */
export const LINK_CLOUDS = {
  global: {
    myAccess: 'myaccess.microsoft.com',
    admin: ['portal.azure.com', 'entra.microsoft.com'],
  },
  usgov: { myAccess: 'myaccess.microsoft.us', admin: ['portal.azure.us', 'entra.microsoft.us'] },
} as const;
export type LinkCloud = keyof typeof LINK_CLOUDS;

/** Where Graph and sign-in live per national cloud, and which link cloud its packages use. */
export const GRAPH_CLOUD_HOSTS = {
  global: {
    graph: 'graph.microsoft.com',
    login: 'login.microsoftonline.com',
    linkCloud: 'global',
  },
  'usgov-high': {
    graph: 'graph.microsoft.us',
    login: 'login.microsoftonline.us',
    linkCloud: 'usgov',
  },
  'usgov-dod': {
    graph: 'dod-graph.microsoft.us',
    login: 'login.microsoftonline.us',
    linkCloud: 'usgov',
  },
} as const satisfies Record<string, { graph: string; login: string; linkCloud: LinkCloud }>;

/** Official My Access hosts, worldwide first. */
export const MY_ACCESS_HOSTS = [LINK_CLOUDS.global.myAccess, LINK_CLOUDS.usgov.myAccess] as const;
export type MyAccessHost = (typeof MY_ACCESS_HOSTS)[number];

/** The admin portals whose top frame shows an access package's blades. */
export const ADMIN_PORTAL_HOSTS = [
  ...LINK_CLOUDS.global.admin,
  ...LINK_CLOUDS.usgov.admin,
] as const;

/**
 * The domains of the frames the portal renders blades in: extension UI on
 * `*.hosting.portal.azure.net`, React views in sandboxed iframes on
 * `*.reactblade.portal.azure.net` (e.g. `sandbox-1.reactblade.portal.azure.net`). Any sub-domain
 * counts, never the bare domain. Microsoft lists them as the Azure portal framework's hosts; no US
 * Government equivalent is documented, so none is listed.
 * https://learn.microsoft.com/azure/azure-portal/azure-portal-safelist-urls
 */
export const PORTAL_FRAME_DOMAINS = [
  'reactblade.portal.azure.net',
  'hosting.portal.azure.net',
] as const;

/** Content-script match patterns: a host's pages over https, any path. */
const pattern = (host: string) => `https://${host}/*`;
export const MY_ACCESS_MATCHES = MY_ACCESS_HOSTS.map(pattern);
export const ADMIN_PORTAL_MATCHES = ADMIN_PORTAL_HOSTS.map(pattern);
export const PORTAL_FRAME_MATCHES = PORTAL_FRAME_DOMAINS.map((d) => pattern(`*.${d}`));

/** The host of an https URL or origin, lower case, without a trailing dot; undefined otherwise. */
export function httpsHostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    // A port other than the default makes it another origin than the one listed.
    if (u.protocol !== 'https:' || u.port !== '' || u.username || u.password) return undefined;
    return u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

export function isMyAccessHost(host: string): host is MyAccessHost {
  return (MY_ACCESS_HOSTS as readonly string[]).includes(host);
}
export function isAdminPortalHost(host: string): boolean {
  return (ADMIN_PORTAL_HOSTS as readonly string[]).includes(host);
}
/** A frame host of the portal: a sub-domain of one of its frame domains (never the domain itself). */
export function isPortalFrameHost(host: string): boolean {
  return PORTAL_FRAME_DOMAINS.some(
    (d) =>
      host.endsWith(`.${d}`) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host.slice(0, -d.length - 1)),
  );
}

/** The link cloud an admin portal host belongs to. */
export function cloudOfAdminHost(host: string): LinkCloud | undefined {
  return (Object.keys(LINK_CLOUDS) as LinkCloud[]).find((c) =>
    (LINK_CLOUDS[c].admin as readonly string[]).includes(host),
  );
}

/** A regular-expression source matching any of the hosts (escaped, as alternatives). */
export function hostsPattern(hosts: readonly string[]): string {
  return `(?:${hosts.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
}
