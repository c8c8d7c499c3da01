import { parseGuid } from './guid';
import { parseDirectoryHint } from './hint';
import { addProblems } from './problems';
import { resemblesMyAccess, resemblesMyAccessHost } from './resemble';
import { hasInvisible, isAscii, safeDecode } from './text';
import { MY_ACCESS_HOSTS, type LinkAnalysis, type MyAccessHost, type Need, type ProblemCode } from './types';
import { imitatesWrapper, matchWrapper } from './wrappers';

/** A link and whether it has anything to do with My Access (what `findLinks` reports). */
export interface Judged {
  analysis: LinkAnalysis;
  relevant: boolean;
}

const MAX_WRAPPERS = 5;
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about']);
const DEFANGED = /^h(?:xx|\*\*|XX)ps?$/i;
// Other My Access pages under #/access-packages/: they carry no package id.
const ROUTE_WORDS = new Set(['active', 'expired', 'history', 'requests', 'available', 'suggested']);

export function isOfficialHost(host: string): host is MyAccessHost {
  return (MY_ACCESS_HOSTS as readonly string[]).includes(host);
}

function result(input: string, link: string, verdict: LinkAnalysis['verdict'], codes: ProblemCode[], extra: Partial<LinkAnalysis> = {}): LinkAnalysis {
  return {
    input,
    verdict,
    host: null,
    directoryHint: null,
    accessPackageId: null,
    canonical: null,
    needs: [],
    unwrapped: [],
    problems: addProblems([], ...codes),
    realHost: null,
    link,
    ...extra,
  };
}

/** A verdict for input that is not a link to judge at all. */
export function notALink(input: string, code: ProblemCode): LinkAnalysis {
  return result(input, input, 'invalid', [code]);
}

/**
 * The host a WHATWG browser would contact: the truth about where a link leads. Null when that is
 * an official host (the danger is then the disguise itself, which the problem codes name).
 */
function browserHost(link: string): string | null {
  try {
    const host = new URL(link).hostname;
    return host === '' || isOfficialHost(host) ? null : host;
  } catch {
    return null;
  }
}

/**
 * Judges one candidate link (already cut out of its text). Never throws.
 * `depth` counts the wrappers already removed.
 */
export function judgeCandidate(input: string, candidate: string, depth = 0): Judged {
  const codes: ProblemCode[] = [];
  let s = candidate;
  let scheme: string;
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  if (!schemeMatch || /^[a-z0-9.-]+:\d/i.test(s)) {
    // A careless paste without scheme: `myaccess.microsoft.com/@…`.
    s = (s.startsWith('//') ? 'https:' : 'https://') + s;
    scheme = 'https';
    codes.push('scheme-missing');
  } else {
    scheme = schemeMatch[1]!.toLowerCase();
  }
  if (DEFANGED.test(scheme)) {
    return { analysis: result(input, s, 'invalid', ['defanged']), relevant: resemblesMyAccess(s) };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    const relevant = resemblesMyAccess(s);
    if (UNSAFE_SCHEMES.has(scheme) || relevant) {
      return { analysis: result(input, s, 'dangerous', ['scheme-unsafe'], { realHost: null }), relevant: true };
    }
    return { analysis: result(input, s, 'invalid', ['not-my-access']), relevant: false };
  }
  let rest = s.slice(scheme.length + 1);
  // `https://https://…` and `https://https//…` from a doubled paste.
  for (let m = /^\/\/https?:?(?=\/\/)/i.exec(rest); m; m = /^\/\/https?:?(?=\/\/)/i.exec(rest)) {
    rest = rest.slice(m[0].length);
    if (!codes.includes('scheme-doubled')) codes.push('scheme-doubled');
  }
  const slashes = /^[/\\]*/.exec(rest)![0];
  const after = rest.slice(slashes.length);
  const authEnd = after.search(/[/?#]/);
  const authority = authEnd < 0 ? after : after.slice(0, authEnd);
  const tail = authEnd < 0 ? '' : after.slice(authEnd);
  const link = `${scheme}://${after}`;

  // Raw-authority tricks are dangerous even where a browser would end up on the official host.
  const danger: ProblemCode[] = [];
  if (slashes.includes('\\') || authority.includes('\\')) danger.push('host-backslash');
  if (authority.includes('@')) danger.push('host-userinfo');
  if (authority.includes('%')) danger.push('host-encoded');
  if (!isAscii(authority) || hasInvisible(authority)) danger.push('host-non-ascii');
  let hostPort = authority.toLowerCase();
  let nonDefaultPort = false;
  const portMatch = /:([^:]*)$/.exec(hostPort);
  if (portMatch && !hostPort.includes('@')) {
    const port = portMatch[1]!;
    hostPort = hostPort.slice(0, portMatch.index);
    if (!/^\d{0,5}$/.test(port)) danger.push('host-malformed');
    else if (port !== '' && Number(port) !== (scheme === 'https' ? 443 : 80)) nonDefaultPort = true;
  }
  const host = hostPort.endsWith('.') ? hostPort.slice(0, -1) : hostPort;
  if (/(^|\.)xn--/.test(host)) danger.push('host-punycode');
  if (danger.length > 0 || host === '') {
    const relevant = resemblesMyAccess(s) || resemblesMyAccessHost(host);
    if (!relevant) return { analysis: result(input, link, 'invalid', ['not-my-access']), relevant: false };
    return {
      analysis: result(input, link, 'dangerous', [...danger, ...(host === '' ? (['host-malformed'] as const) : [])], {
        realHost: browserHost(link),
      }),
      relevant: true,
    };
  }

  const wrapper = nonDefaultPort ? null : matchWrapper(host, tail);
  if (wrapper) return judgeWrapped(input, link, wrapper, depth);
  if (!isOfficialHost(host)) {
    const relevant = resemblesMyAccessHost(host) || resemblesMyAccess(tail);
    if (!relevant) return { analysis: result(input, link, 'invalid', ['not-my-access']), relevant: false };
    const code: ProblemCode = imitatesWrapper(host) ? 'wrapper-lookalike' : 'host-lookalike';
    return { analysis: result(input, link, 'dangerous', [code], { realHost: browserHost(link) ?? host }), relevant: true };
  }
  if (nonDefaultPort) {
    return { analysis: result(input, link, 'invalid', ['host-port'], { realHost: host }), relevant: true };
  }
  if (scheme === 'http') codes.push('insecure-scheme');
  return { analysis: judgeOfficial(input, link, host, tail, codes), relevant: true };
}

function judgeWrapped(input: string, link: string, wrapper: NonNullable<ReturnType<typeof matchWrapper>>, depth: number): Judged {
  const unwrapped = [wrapper.name];
  if (depth >= MAX_WRAPPERS) {
    return { analysis: result(input, link, 'dangerous', ['wrapper-too-deep'], { unwrapped }), relevant: true };
  }
  if (wrapper.irreversible) {
    const display = wrapper.display?.trim() ?? '';
    const shown = display.toLowerCase().replace(/\.$/, '');
    if (display && !isOfficialHost(shown) && resemblesMyAccessHost(display)) {
      return { analysis: result(input, link, 'dangerous', ['wrapper-display-lookalike'], { unwrapped, realHost: display }), relevant: true };
    }
    // Nothing else is knowable offline: ask for the original instead of guessing.
    return { analysis: result(input, link, 'invalid', ['wrapper-irreversible'], { unwrapped }), relevant: display === '' || isOfficialHost(shown) };
  }
  if (!wrapper.target) {
    return { analysis: result(input, link, 'invalid', ['wrapper-malformed'], { unwrapped }), relevant: resemblesMyAccess(link) };
  }
  const inner = judgeCandidate(input, wrapper.target.trim(), depth + 1);
  const analysis = { ...inner.analysis, unwrapped: [...unwrapped, ...inner.analysis.unwrapped] };
  // The inner link has no scheme of its own to have lost: the wrapper held it whole.
  analysis.problems = analysis.problems.filter((p) => p.code !== 'scheme-missing');
  const usable = analysis.verdict === 'valid' || analysis.verdict === 'repairable';
  if (wrapper.name === 'safelinks' && usable) addProblems(analysis.problems, 'wrapper-carries-recipient');
  return { analysis, relevant: inner.relevant };
}

function judgeOfficial(input: string, link: string, host: MyAccessHost, tail: string, codes: ProblemCode[]): LinkAnalysis {
  let pathQuery: string;
  let hash: string | null;
  const hashAt = tail.indexOf('#');
  const encodedHashAt = tail.search(/%23/i);
  if (encodedHashAt >= 0 && (hashAt < 0 || encodedHashAt < hashAt)) {
    // `%23` for `#`: a Safe Links and mobile-Teams artefact (DESIGN.md §5).
    pathQuery = tail.slice(0, encodedHashAt);
    hash = tail.slice(encodedHashAt + 3);
    codes.push('hash-encoded');
  } else if (hashAt >= 0) {
    pathQuery = tail.slice(0, hashAt);
    hash = tail.slice(hashAt + 1);
  } else {
    pathQuery = tail;
    hash = null;
  }
  const q = pathQuery.indexOf('?');
  let path = q < 0 ? pathQuery : pathQuery.slice(0, q);
  if (q >= 0 && pathQuery.length > q + 1) codes.push('query-dropped');
  if (/%40/i.test(path)) codes.push('at-encoded');
  path = safeDecode(path);
  const segments = path.split('/').filter((x) => x !== '');

  let hintRaw: string | null = null;
  if (segments[0]?.startsWith('@')) hintRaw = segments.shift()!;
  let route: string;
  if (hash !== null) {
    route = hash;
  } else {
    route = segments.join('/');
    // The `#` was lost (a chat app or linkifier cut it): the route sits in the path.
    if (/^access-packages\/./i.test(route)) codes.push('hash-missing');
  }

  const needs: Need[] = [];
  let dangerous = false;
  let directoryHint: string | null = null;
  const hint = parseDirectoryHint(hintRaw ?? '');
  if (hint.ok) {
    directoryHint = hint.value;
    if (hint.normalized && hintRaw !== `@${hint.value}`) codes.push('hint-normalized');
  } else {
    if (hint.reason === 'punycode' || hint.reason === 'non-ascii') dangerous = true;
    else needs.push('directoryHint');
    codes.push(`hint-${hint.reason}` as ProblemCode);
  }

  // Anything after `?`, `&`, `;` or a second `#` in the route is a parameter, never part of the package id.
  const routeSegs = safeDecode(route.split(/[?&;#]/)[0] ?? '').split('/').filter((x) => x !== '');
  let accessPackageId: string | null = null;
  if (routeSegs[0]?.toLowerCase() === 'access-packages' && routeSegs[1] && !ROUTE_WORDS.has(routeSegs[1].toLowerCase())) {
    const id = parseGuid(routeSegs[1]);
    if (id.ok) {
      accessPackageId = id.value;
      if (id.normalized) codes.push('package-id-normalized');
    } else {
      codes.push(id.reason === 'zero' ? 'package-id-zero' : id.reason === 'partial' ? 'package-id-partial' : 'package-id-malformed');
    }
  } else {
    codes.push('package-id-missing');
    if (routeSegs.length > 0 && !(routeSegs.length === 1 && routeSegs[0]?.toLowerCase() === 'access-packages')) {
      codes.push('route-not-package');
    }
  }
  if (accessPackageId === null) needs.push('accessPackageId');

  const common = { host, directoryHint, accessPackageId };
  if (dangerous) return result(input, link, 'dangerous', codes, { ...common, realHost: null });
  if (needs.length > 0) return result(input, link, 'repairable', codes, { ...common, needs });
  const canonical = `https://${host}/@${directoryHint}#/access-packages/${accessPackageId}`;
  return result(input, link, 'valid', codes, { ...common, canonical });
}
