import { isGuid, parseGuid } from './guid';
import { isCanonicalHint, parseDirectoryHint } from './hint';
import { judgeOfficial } from './official';
import { addProblems } from './problems';
import { resemblesMyAccess, resemblesMyAccessHost } from './resemble';
import { isOfficialHost, officialResult, result } from './result';
import { isAscii, safeDecode, skeleton } from './text';
import type { LinkAnalysis, MyAccessHost, ProblemCode } from './types';
import { imitatesWrapper, matchWrapper } from './wrappers';

export { isOfficialHost, notALink } from './result';

/** A link and whether it has anything to do with My Access (what `findLinks` reports). */
export interface Judged {
  analysis: LinkAnalysis;
  relevant: boolean;
}

const MAX_WRAPPERS = 5;
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about']);
const DEFANGED = /^h(?:xx|\*\*|XX)ps?$/i;
const DOUBLED = /^\/\/https?:?(?=\/\/)/i;
// `http(s)://` then neither a doubled scheme nor a third slash or backslash.
const PLAIN_START = /^(https?):\/\/(?![/\\]|https?:?\/\/)/i;

/**
 * The host a WHATWG browser would contact: the truth about where a link leads. Null when that is
 * an official host (the danger is then the disguise itself, which the problem codes name).
 */
export function browserHost(link: string, authority = ''): string | null {
  // A plain ASCII name is its own host, userinfo before it or not (a browser takes what follows
  // the last `@`) and port after it or not: no need for the URL parser, a look-alike's costliest step.
  const hostPort = authority.includes('\\') ? '' : authority.slice(authority.lastIndexOf('@') + 1);
  const colon = hostPort.indexOf(':');
  // A browser percent-decodes the name: `%2E` is a dot, `%40` an `@` that no host may hold.
  const name = safeDecode(colon < 0 ? hostPort : hostPort.slice(0, colon));
  if (PLAIN_NAME.test(name)) {
    // A port that is not a number up to 65535 stops the browser: the link leads nowhere.
    const port = colon < 0 ? '' : hostPort.slice(colon + 1);
    if (!/^\d*$/.test(port) || Number(port) > 65535) return null;
    return isOfficialHost(name) ? null : name;
  }
  // A character no host may hold stops the browser too (the parser would throw, which is slow).
  // Tabs and line breaks are not among them: a browser drops those from the whole link first.
  if (/[\0-\x08\v\f\x0e- #%/:<>?@[\\\]^|\x7f]/.test(name)) return null;
  try {
    const host = new URL(link).hostname;
    return host === '' || isOfficialHost(host) ? null : host;
  } catch {
    return null;
  }
}

// Lower-case letters, digits and hyphens in non-empty labels, none of them punycode (a browser
// checks those), a letter in the last one and not `0x…` (a browser would read an IPv4 number).
const PLAIN_NAME = /^(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--|0x[0-9a-f]*\.?$)[a-z0-9-]*[a-z][a-z0-9-]*\.?$/;

// The shape of a well-formed link (the id may be in braces, `%7B…%7D` as Safe Links writes them).
// Most inputs are one; they skip the general parser (tests/link/fast-path.test.ts proves both
// paths give the same analysis).
const WELL_FORMED = /^(https?):\/\/(myaccess\.microsoft\.(?:com|us))\/@([^/?#%@\\\s]+)#\/access-packages\/((?:%7b)?[^/?#&;%\s]+(?:%7d)?)\/?$/i;

// 36 with hyphens, 32 without; either in `{}` (+2) or `%7B…%7D` (+6).
const GUID_LENGTHS = new Set([32, 34, 36, 38, 42]);

export function judgeWellFormed(input: string, candidate: string): LinkAnalysis | null {
  const m = WELL_FORMED.exec(candidate);
  if (!m) return null;
  const rawHint = m[3]!;
  const rawId = m[4]!;
  // A cut-off id, the usual reason a link of this shape is not well formed, has none of the lengths
  // a GUID can have: it is left to the route parser at once.
  if (!GUID_LENGTHS.has(rawId.length)) return null;
  const codes: ProblemCode[] = [];
  // Parts already in canonical form need no parsing; anything else goes through the full parsers.
  let hintValue = rawHint;
  if (!isCanonicalHint(rawHint)) {
    const hint = parseDirectoryHint(rawHint);
    if (!hint.ok) return null;
    hintValue = hint.value;
    if (hint.normalized && rawHint !== hint.value) codes.push('hint-normalized');
  }
  let idValue = rawId;
  if (!isGuid(rawId)) {
    const id = parseGuid(rawId);
    if (!id.ok) return null;
    idValue = id.value;
    if (id.normalized) codes.push('package-id-normalized');
  }
  const [scheme, link] = lowerScheme(candidate, m[1]!);
  if (scheme === 'http') codes.unshift('insecure-scheme');
  const host = officialHost(m[2]!);
  const canonical = `https://${host}/@${hintValue}#/access-packages/${idValue}`;
  return officialResult(input, link, 'valid', codes, host, hintValue, idValue, canonical, []);
}

/**
 * Judges one candidate link (already cut out of its text). Never throws.
 * `depth` counts the wrappers already removed.
 */
export function judgeCandidate(input: string, candidate: string, depth = 0): Judged {
  const fast = judgeWellFormed(input, candidate) ?? judgeOnOfficialHost(input, candidate);
  return fast ? { analysis: fast, relevant: true } : judgeAnyCandidate(input, candidate, depth);
}

// An official host written plainly, then the route: no authority trick, wrapper or look-alike can
// apply, so the route parser alone decides (tests/link/fast-path.test.ts proves it agrees).
const ON_OFFICIAL_HOST = /^(https?):\/\/(myaccess\.microsoft\.(?:com|us))(?=[/?#]|$)/i;

export function judgeOnOfficialHost(input: string, candidate: string): LinkAnalysis | null {
  const m = ON_OFFICIAL_HOST.exec(candidate);
  if (!m) return null;
  const [scheme, link] = lowerScheme(candidate, m[1]!);
  const codes: ProblemCode[] = scheme === 'http' ? ['insecure-scheme'] : [];
  return judgeOfficial(input, link, officialHost(m[2]!), candidate.slice(m[0].length), codes);
}

// The two matches above name an official host and http(s) in any case: constants, not new strings.
const officialHost = (matched: string): MyAccessHost => (matched.length === 22 ? 'myaccess.microsoft.com' : 'myaccess.microsoft.us');

/** The scheme in lower case, and the link written with it (the candidate itself when it already is). */
function lowerScheme(candidate: string, matched: string): [scheme: 'http' | 'https', link: string] {
  const scheme = matched.length === 5 ? 'https' : 'http';
  return [scheme, matched === scheme ? candidate : scheme + candidate.slice(scheme.length)];
}

/** The general path: every scheme, host trick, wrapper and route. */
export function judgeAnyCandidate(input: string, candidate: string, depth = 0): Judged {
  const codes: ProblemCode[] = [];
  let s = candidate;
  let scheme: 'http' | 'https';
  let slashes: string;
  let after: string;
  const plain = PLAIN_START.exec(s);
  if (plain) {
    // The usual start, `https://` then the authority, needs none of the repairs below.
    scheme = plain[1]!.length === 5 ? 'https' : 'http';
    slashes = '//';
    after = s.slice(plain[0].length);
  } else {
    const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(s);
    let written: string;
    if (!schemeMatch || /^[a-z0-9.-]+:\d/i.test(s)) {
      // A careless paste without scheme: `myaccess.microsoft.com/@…`.
      s = (s.startsWith('//') ? 'https:' : 'https://') + s;
      written = 'https';
      codes.push('scheme-missing');
    } else {
      written = schemeMatch[1]!.toLowerCase();
    }
    if (DEFANGED.test(written)) {
      return { analysis: result(input, s, 'invalid', ['defanged']), relevant: resemblesMyAccess(s) };
    }
    if (written !== 'http' && written !== 'https') {
      const relevant = resemblesMyAccess(s);
      if (UNSAFE_SCHEMES.has(written) || relevant) {
        return { analysis: result(input, s, 'dangerous', ['scheme-unsafe'], { realHost: null }), relevant: true };
      }
      return { analysis: result(input, s, 'invalid', ['not-my-access']), relevant: false };
    }
    scheme = written;
    let rest = s.slice(scheme.length + 1);
    // `https://https://…` and `https://https//…` from a doubled paste.
    for (let m = DOUBLED.exec(rest); m; m = DOUBLED.exec(rest)) {
      rest = rest.slice(m[0].length);
      if (!codes.includes('scheme-doubled')) codes.push('scheme-doubled');
    }
    slashes = /^[/\\]*/.exec(rest)![0];
    after = rest.slice(slashes.length);
  }
  const authEnd = after.search(/[/?#]/);
  const authority = authEnd < 0 ? after : after.slice(0, authEnd);
  const tail = authEnd < 0 ? '' : after.slice(authEnd);
  const link = plain && plain[1] === scheme ? s : `${scheme}://${after}`;

  // Raw-authority tricks are dangerous even where a browser would end up on the official host.
  const danger: ProblemCode[] = [];
  if (slashes.includes('\\') || authority.includes('\\')) danger.push('host-backslash');
  if (authority.includes('@')) danger.push('host-userinfo');
  if (authority.includes('%')) danger.push('host-encoded');
  if (!isAscii(authority)) danger.push('host-non-ascii'); // invisible characters included
  const lowerAuthority = authority.toLowerCase();
  let hostPort = lowerAuthority;
  let nonDefaultPort = false;
  const colon = hostPort.lastIndexOf(':');
  if (colon >= 0 && !hostPort.includes('@')) {
    const port = hostPort.slice(colon + 1);
    hostPort = hostPort.slice(0, colon);
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
        realHost: browserHost(link, lowerAuthority),
      }),
      relevant: true,
    };
  }

  const official = isOfficialHost(host);
  const wrapper = nonDefaultPort || official ? null : matchWrapper(host, tail);
  if (wrapper) return judgeWrapped(input, link, wrapper, depth);
  if (!official) {
    const folded = skeleton(host);
    const relevant = resemblesMyAccessHost(host, folded) || resemblesMyAccess(tail);
    if (!relevant) return { analysis: result(input, link, 'invalid', ['not-my-access']), relevant: false };
    const code: ProblemCode = imitatesWrapper(host, folded) ? 'wrapper-lookalike' : 'host-lookalike';
    return { analysis: result(input, link, 'dangerous', [code], { realHost: browserHost(link, lowerAuthority) ?? host }), relevant: true };
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
  // The inner analysis is this call's own fresh object: completed in place (a spread copy is slow).
  const analysis = inner.analysis;
  analysis.unwrapped.unshift(wrapper.name);
  // The inner link has no scheme of its own to have lost: the wrapper held it whole.
  const lost = analysis.problems.findIndex((p) => p.code === 'scheme-missing');
  if (lost >= 0) analysis.problems.splice(lost, 1);
  const usable = analysis.verdict === 'valid' || analysis.verdict === 'repairable';
  if (wrapper.name === 'safelinks' && usable) addProblems(analysis.problems, 'wrapper-carries-recipient');
  return { analysis, relevant: inner.relevant };
}
