/** @vitest-environment happy-dom */
// lib/hosts is the one definition of the hosts. Two halves: no other file that decides on hosts
// names one itself (so a host added elsewhere only fails here), and every consumer follows the
// lists (so a host added to lib/hosts reaches them all, or fails here).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import myAccessScript from '../entrypoints/myaccess.content';
import portalScript from '../entrypoints/portal.content';
import { ALL_GRAPH_ORIGINS, cloudHosts, GRAPH_CLOUDS } from '../lib/graph/clouds';
import {
  ADMIN_PORTAL_HOSTS,
  ADMIN_PORTAL_MATCHES,
  cloudOfAdminHost,
  GRAPH_CLOUD_HOSTS,
  isPortalFrameHost,
  LINK_CLOUDS,
  MY_ACCESS_HOSTS,
  MY_ACCESS_MATCHES,
  PORTAL_FRAME_DOMAINS,
  PORTAL_FRAME_MATCHES,
  type LinkCloud,
} from '../lib/hosts';
import { analyzeOfficialUrl } from '../lib/link/official';
import { MY_ACCESS_HOSTS as LINK_MY_ACCESS_HOSTS } from '../lib/link/types';
import { acceptedFrom, PORTAL_HOSTS, type RuntimeMessage } from '../lib/messages';
import { readOverview } from '../lib/pages/portal-dom';
import { isMyAccessUrl } from '../lib/pages/my-access-url';
import { parseAccessPackagePage } from '../lib/pages/portal-url';
import { portalDirectory, stateForUrl, type PortalTabState } from '../lib/tab-state';
import { G } from './fixtures/link-rows';

// The files that decide on hosts: the manifest, the entry points, the message checks, the tab
// state, page recognition, the official-link reader and the Graph client.
const SCANNED = [
  'wxt.config.ts',
  'entrypoints',
  'lib/messages.ts',
  'lib/tab-state.ts',
  'lib/pages',
  'lib/link/official.ts',
  'lib/link/types.ts',
  'lib/graph',
];
// A Microsoft host, written plainly, in a URL, or escaped in a regular expression.
const HOST =
  /[a-z0-9*-]+(?:\\?\.[a-z0-9-]+)*\\?\.(?:microsoft|microsoftonline|azure)\\?\.(?:com|us|net|cn|\(\?:)/gi;

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}
/** The code without its comments (whole-line `//` comments and `/* … *\/` blocks). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('lib/hosts is the one definition of the hosts', () => {
  it('no other file that decides on hosts writes one itself', () => {
    const found = SCANNED.flatMap(files)
      .filter((f) => /\.(?:ts|tsx|mjs)$/.test(f))
      .flatMap((f) =>
        Array.from(code(readFileSync(f, 'utf8')).matchAll(HOST), (m) => `${f}: ${m[0]}`),
      );
    // Each line names a file that should import the host from lib/hosts instead.
    expect(found).toEqual([]);
  });

  it('the scan would see a host written in any of its forms', () => {
    for (const text of [
      "const H = 'portal.azure.cn';",
      'const R = /^https:\\/\\/myaccess\\.microsoft\\.(?:com|us)/;',
      "matches: ['https://*.reactblade.portal.azure.net/*'],",
      'return `https://dod-graph.microsoft.us/v1.0`;',
    ])
      expect(code(text).match(HOST), text).not.toBeNull();
    expect(
      code('// A comment may name portal.azure.com.\n/* and entra.microsoft.com */').match(HOST),
    ).toBeNull();
  });

  it("the content scripts' matches are lib/hosts' patterns", () => {
    expect(myAccessScript.matches).toEqual(MY_ACCESS_MATCHES);
    expect(portalScript.matches).toEqual([...ADMIN_PORTAL_MATCHES, ...PORTAL_FRAME_MATCHES]);
    expect(portalScript.allFrames).toBe(true);
    expect(PORTAL_FRAME_MATCHES).toEqual([
      'https://*.reactblade.portal.azure.net/*',
      'https://*.hosting.portal.azure.net/*',
    ]);
  });

  it('the message checks, the link engine and the Graph client use the same lists', () => {
    expect(PORTAL_HOSTS).toBe(ADMIN_PORTAL_HOSTS);
    expect(LINK_MY_ACCESS_HOSTS).toBe(MY_ACCESS_HOSTS);
    expect(GRAPH_CLOUDS).toEqual(Object.keys(GRAPH_CLOUD_HOSTS));
    for (const c of GRAPH_CLOUDS) {
      const h = GRAPH_CLOUD_HOSTS[c];
      expect(cloudHosts(c)).toEqual({
        graph: `https://${h.graph}`,
        login: `https://${h.login}`,
        linkCloud: h.linkCloud,
      });
      expect(ALL_GRAPH_ORIGINS).toEqual(
        expect.arrayContaining([`https://${h.graph}/*`, `https://${h.login}/*`]),
      );
    }
  });
});

describe('every consumer follows every listed host', () => {
  const OWN = 'own';
  const PAGE = `/#view/Microsoft_Azure_ELMAdmin/EntitlementMenuBlade/~/overview/entitlementId/${G}`;
  const top = (origin: string, path = '/') => ({
    id: OWN,
    url: `${origin}${path}`,
    origin,
    frameId: 0,
    tab: { id: 1, url: `${origin}${path}` },
  });
  const pagesMessage: RuntimeMessage = {
    type: 'portal-page',
    accessPackageId: null,
    tenant: null,
    cloud: 'global',
  };
  const myAccessMessage: RuntimeMessage = {
    type: 'my-access-page',
    status: 'complete',
  };
  const facts: RuntimeMessage = {
    type: 'portal-facts',
    packageName: null,
    hidden: null,
    catalogName: null,
    link: null,
  };

  it.each(MY_ACCESS_HOSTS.map((h) => [h]))('My Access host %s', (host) => {
    const link = `https://${host}/@contoso.com#/access-packages/${G}`;
    expect(analyzeOfficialUrl(link)?.verdict).toBe('valid');
    expect(isMyAccessUrl(link)).toBe(true);
    expect(acceptedFrom(myAccessMessage, top(`https://${host}`), OWN).ok).toBe(true);
    const state = { type: 'my-access-page', status: 'complete' } as const;
    expect(stateForUrl(state, link)).toBe(state);
    // The page reader finds its links.
    const doc = new DOMParser().parseFromString(
      `<label>My Access portal link</label><input value="${link}">`,
      'text/html',
    );
    expect(readOverview(doc, G).link).toBe(link);
    // And the tab state builds links for its cloud on it.
    const cloud = (Object.keys(LINK_CLOUDS) as LinkCloud[]).find(
      (c) => LINK_CLOUDS[c].myAccess === host,
    )!;
    const portal: PortalTabState = {
      type: 'portal',
      accessPackageId: G,
      tenant: null,
      cloud,
      facts: null,
    };
    expect(portalDirectory(portal, { admin: 'contoso.com' })?.link).toBe(link);
  });

  it.each(ADMIN_PORTAL_HOSTS.map((h) => [h]))('admin portal %s', (host) => {
    const url = `https://${host}${PAGE}`;
    const cloud = cloudOfAdminHost(host);
    expect(cloud).toBeDefined();
    expect(parseAccessPackagePage(url)).toMatchObject({ accessPackageId: G, cloud });
    expect(acceptedFrom(pagesMessage, top(`https://${host}`), OWN).ok).toBe(true);
    expect(acceptedFrom(facts, top(`https://${host}`, PAGE), OWN).ok).toBe(true);
    const state: PortalTabState = {
      type: 'portal',
      accessPackageId: G,
      tenant: null,
      cloud: cloud!,
      facts: null,
    };
    expect(stateForUrl(state, url)).toBe(state);
  });

  it.each(PORTAL_FRAME_DOMAINS.map((d) => [d]))('portal frame domain %s', (domain) => {
    expect(isPortalFrameHost(`sandbox-1.${domain}`)).toBe(true);
    expect(isPortalFrameHost(domain)).toBe(false);
    const frame = {
      id: OWN,
      url: `https://sandbox-1.${domain}/index.html`,
      origin: `https://sandbox-1.${domain}`,
      frameId: 3,
      tab: { id: 1, url: `https://${ADMIN_PORTAL_HOSTS[0]}${PAGE}` },
    };
    expect(acceptedFrom(facts, frame, OWN).ok).toBe(true);
    // A frame host is never a tab's page of ours.
    expect(acceptedFrom(pagesMessage, { ...frame, frameId: 0 }, OWN).ok).toBe(false);
  });

  it.each([['myaccess.microsoft.cn'], ['portal.azure.cn'], ['entra.microsoft.de']])(
    'an unlisted host %s is nobody’s',
    (host) => {
      expect(
        analyzeOfficialUrl(`https://${host}/@contoso.com#/access-packages/${G}`),
      ).toBeUndefined();
      expect(isMyAccessUrl(`https://${host}/`)).toBe(false);
      expect(parseAccessPackagePage(`https://${host}${PAGE}`)).toBeUndefined();
      expect(cloudOfAdminHost(host)).toBeUndefined();
      expect(acceptedFrom(pagesMessage, top(`https://${host}`), OWN).ok).toBe(false);
      expect(acceptedFrom(myAccessMessage, top(`https://${host}`), OWN).ok).toBe(false);
    },
  );
});
