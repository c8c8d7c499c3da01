import { hostsPattern, MY_ACCESS_HOSTS } from '../hosts';
import { parseGuid } from './guid';
import { parseDirectoryHint } from './hint';
import { officialResult } from './result';
import { safeDecode } from './text';
import type { LinkAnalysis, MyAccessHost, Need, ProblemCode } from './types';

const OFFICIAL_URL = new RegExp(
  `^(https?):\\/\\/(${hostsPattern(MY_ACCESS_HOSTS)})\\.?(?::(\\d+))?(?=[/?#]|$)`,
  'i',
);
// Other My Access pages under #/access-packages/: they carry no package id.
const ROUTE_WORDS = new Set(['active', 'expired', 'history', 'requests', 'available', 'suggested']);

/**
 * The analysis of a URL a browser shows on an official host (`location.href` on My Access):
 * the route, hint and id parser alone, without wrappers or look-alike checks, which cannot
 * apply there. Small enough for a content script.
 */
export function analyzeOfficialUrl(url: string): LinkAnalysis | undefined {
  const m = OFFICIAL_URL.exec(url);
  const http = m?.[1]!.toLowerCase() === 'http';
  // Only the scheme's default port: any other is not My Access.
  if (!m || (m[3] !== undefined && Number(m[3]) !== (http ? 80 : 443))) return undefined;
  const codes: ProblemCode[] = http ? ['insecure-scheme'] : [];
  return judgeOfficial(
    url,
    url,
    m[2]!.toLowerCase() as MyAccessHost,
    url.slice(m[0].length),
    codes,
  );
}

/** Reads hint, route and package id from what follows an official host. */
export function judgeOfficial(
  input: string,
  link: string,
  host: MyAccessHost,
  tail: string,
  codes: ProblemCode[],
): LinkAnalysis {
  let hashAt = tail.indexOf('#');
  let hashLength = 1;
  const encodedHashAt = tail.indexOf('%23');
  if (encodedHashAt >= 0 && hashAt < 0) {
    // `%23` for `#`: a Safe Links and mobile-Teams artefact. Only without a real `#`: the browser's
    // fragment, which My Access routes on, is the one after a real `#`.
    hashAt = encodedHashAt;
    hashLength = 3;
    codes.push('hash-encoded');
  }
  const pathQuery = hashAt < 0 ? tail : tail.slice(0, hashAt);
  const q = pathQuery.indexOf('?');
  const path = q < 0 ? pathQuery : pathQuery.slice(0, q);
  if (q >= 0 && pathQuery.length > q + 1) codes.push('query-dropped');
  if (path.includes('%40')) codes.push('at-encoded');
  // `/@hint/rest`: the hint is the first segment when it starts with `@`.
  const [, hintRaw = '', rest] = /^\/*(@[^/]*)?([^]*)$/.exec(safeDecode(path))!;
  let route: string;
  if (hashAt >= 0) {
    route = tail.slice(hashAt + hashLength);
  } else {
    route = rest!;
    // The `#` was lost (a chat app or linkifier cut it): the route sits in the path.
    if (/^\/*access-packages\/+(?!\/)./i.test(route)) codes.push('hash-missing');
  }

  const needs: Need[] = [];
  let dangerous = false;
  let directoryHint: string | null = null;
  const hint = parseDirectoryHint(hintRaw);
  if (hint.ok) {
    directoryHint = hint.value;
    if (hint.normalized && hintRaw !== `@${hint.value}`) codes.push('hint-normalized');
  } else {
    if (hint.reason === 'punycode' || hint.reason === 'non-ascii') dangerous = true;
    else needs.push('directoryHint');
    codes.push(`hint-${hint.reason}` as ProblemCode);
  }

  // Anything after `?`, `&`, `;` or a second `#` in the route is a parameter, never part of the package id.
  const paramAt = route.search(/[?&;#]/);
  // The first two segments of the route, empty ones skipped.
  const [, first, second] = /^\/*([^/]*)\/*([^/]*)/.exec(
    safeDecode(paramAt < 0 ? route : route.slice(0, paramAt)),
  )!;
  let accessPackageId: string | null = null;
  const packageRoute = /^access-packages$/i.test(first!);
  const id =
    !packageRoute || !second || ROUTE_WORDS.has(second.toLowerCase()) ? null : parseGuid(second);
  if (id?.ok) {
    accessPackageId = id.value;
    if (id.normalized) codes.push('package-id-normalized');
  } else if (id) {
    codes.push(`package-id-${id.reason}` as ProblemCode);
  } else {
    codes.push('package-id-missing');
    if (first && (second || !packageRoute)) codes.push('route-not-package');
    // `/@contoso.com` or `…#/access-packages` alone opens that organisation's My Access: a working
    // page, not a cut link; the package id is something only the sender knows.
    else if (hint.ok) codes.push('organisation-link');
  }
  if (accessPackageId === null) needs.push('accessPackageId');

  if (dangerous)
    return officialResult(
      input,
      link,
      'dangerous',
      codes,
      host,
      directoryHint,
      accessPackageId,
      null,
      [],
    );
  if (needs.length > 0)
    return officialResult(
      input,
      link,
      'repairable',
      codes,
      host,
      directoryHint,
      accessPackageId,
      null,
      needs,
    );
  const canonical = `https://${host}/@${directoryHint}#/access-packages/${accessPackageId}`;
  return officialResult(
    input,
    link,
    'valid',
    codes,
    host,
    directoryHint,
    accessPackageId,
    canonical,
    needs,
  );
}
