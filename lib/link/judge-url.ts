import { hostsPattern } from '../hosts';
import { asHref, isOwnableHost, realHostOf, withoutTrailingDot } from './browser';
import { decodeEntities } from './decode-text';
import { judgeOfficial } from './official';
import { addProblems } from './problems';
import { resemblesMyAccess, resemblesMyAccessHost } from './resemble';
import { isOfficialHost, result } from './result';
import { isAscii, safeDecode, skeleton, stripInvisible } from './text';
import { MY_ACCESS_HOSTS, type LinkAnalysis, type MyAccessHost, type ProblemCode } from './types';
import { imitatesWrapper, matchWrapper, type WrapperMatch } from './wrappers';

/** A link and whether it has anything to do with My Access (what `findLinks` reports). */
export interface Judged {
  analysis: LinkAnalysis;
  relevant: boolean;
}

export interface JudgeOptions {
  /** Wrappers already removed around this link. */
  depth?: number;
  /** The text went on after a line break: a host that stops short may have been cut by the wrap. */
  wrapped?: boolean;
}

const MAX_WRAPPERS = 5;
const UNSAFE_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'file', 'blob', 'about']);
const DEFANGED = /^h(?:xx|\*\*)ps?$/i;
// An official host written plainly: scheme, `//`, the host, then the path, query, fragment or the end.
const PLAINLY_OFFICIAL = new RegExp(
  `^(https?)://(${hostsPattern(MY_ACCESS_HOSTS)})(?=[/?#]|$)`,
  'i',
);
// `https://https://…` and `https://https//…` from a doubled paste.
const DOUBLED = /^(?:\/\/https?:?(?=\/\/))+/i;
// A link to somewhere else that carries another link inside (after `?`, `](`, a quote…), percent-
// encoded once or not, which names My Access (directly or inside a wrapper: Proofpoint writes `-2D`).
const EMBEDDED_SCHEME = /https?(?::|%3a)/i;
const MY_ACCESS_MENTION = /m[iy]-?acc?ess|access-(?:2d)?packages/i;
// Without a scheme, an official host names a My Access link inside; the package route alone imitates
// one (`…/how-to-use-myaccess` or a repository's `access-packages/sales.tf` does neither).
const OFFICIAL_INSIDE = new RegExp(hostsPattern(MY_ACCESS_HOSTS), 'i');
const ROUTE_IMITATION = /(?:#|%23)\/?access-packages|access-packages\/+[{%0-9a-f]/i;
// Microsoft's own sign-in carries My Access as where to return: it goes nowhere else.
const MICROSOFT_SIGN_IN = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.microsoft.com',
  'login.live.com',
]);
// Schemes that open no web page (mail, phone): an alias such as `myaccess-help@` is no imitation.
const NOT_WEB = new Set(['mailto', 'tel', 'sms', 'callto']);

/**
 * Judges one URL (already cut out of its text) as a browser would open it: the scheme and host the
 * WHATWG parser takes from its start, then the My Access route. Never throws.
 */
export function judgeUrl(input: string, url: string, options: JudgeOptions = {}): Judged {
  const depth = options.depth ?? 0;
  const codes: ProblemCode[] = [];
  let s = asHref(url);

  // The usual link names an official host plainly: no userinfo, port, escape or look-alike can hide
  // in an authority that is exactly `myaccess.microsoft.com`, so only the route is left to read.
  const plain = PLAINLY_OFFICIAL.exec(s);
  if (plain) {
    const scheme = plain[1]!.toLowerCase();
    if (scheme === 'http') codes.push('insecure-scheme');
    const host = plain[2]!.toLowerCase() as MyAccessHost;
    return judgeRoute(
      input,
      `${scheme}://${host}${s.slice(plain[0].length)}`,
      host,
      s.slice(plain[0].length),
      codes,
    );
  }

  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(s);
  let scheme: string;
  if (!schemeMatch || /^[a-z0-9.-]+:\d/i.test(s)) {
    // A careless paste without scheme (`myaccess.microsoft.com/@…`), as an address bar reads it.
    s = (s.startsWith('//') ? 'https:' : 'https://') + s;
    scheme = 'https';
    codes.push('scheme-missing');
  } else {
    scheme = schemeMatch[1]!.toLowerCase();
  }
  if (DEFANGED.test(scheme))
    return { analysis: result(input, s, 'invalid', ['defanged']), relevant: resemblesMyAccess(s) };
  if (scheme !== 'http' && scheme !== 'https') {
    // A script or data URL is dangerous wherever it turns up; another scheme only when it imitates My Access.
    if (UNSAFE_SCHEMES.has(scheme) || (!NOT_WEB.has(scheme) && resemblesMyAccess(s))) {
      return { analysis: result(input, s, 'dangerous', ['scheme-unsafe']), relevant: true };
    }
    return NOT_OURS;
  }

  let rest = s.slice(scheme.length + 1);
  const doubled = DOUBLED.exec(rest);
  if (doubled) {
    rest = rest.slice(doubled[0].length);
    codes.push('scheme-doubled');
  }
  const slashes = /^[/\\]*/.exec(rest)![0];
  const after = rest.slice(slashes.length);
  const authEnd = after.search(/[/?#]/);
  const authority = authEnd < 0 ? after : after.slice(0, authEnd);
  const tail = authEnd < 0 ? '' : after.slice(authEnd);
  const link = `${scheme}://${after}`;

  // Raw-authority tricks are dangerous even where a browser would end up on the official host.
  const disguise = authorityTricks(slashes, authority);
  const { host, port } = splitPort(authority.toLowerCase());
  if (port === 'malformed') disguise.push('host-malformed');
  if (/(?:^|\.)xn--/.test(host)) disguise.push('host-punycode');
  if (disguise.length > 0 || host === '') {
    if (!resemblesMyAccess(s) && !resemblesMyAccessHost(host)) return NOT_OURS;
    if (host === '') disguise.push('host-malformed');
    return {
      analysis: result(input, link, 'dangerous', disguise, { realHost: realHostOf(link) }),
      relevant: true,
    };
  }

  const name = withoutTrailingDot(host);
  const defaultPort = port === '' || Number(port) === (scheme === 'https' ? 443 : 80);
  if (!isOfficialHost(name)) {
    const wrapper = defaultPort ? matchWrapper(name, tail) : null;
    if (wrapper) return judgeWrapped(input, link, wrapper, depth);
    return judgeElsewhere(input, link, name, tail, options.wrapped === true);
  }
  if (!defaultPort)
    return {
      analysis: result(input, link, 'invalid', ['host-port'], { realHost: name }),
      relevant: true,
    };
  if (scheme === 'http') codes.push('insecure-scheme');
  return judgeRoute(input, link, name, tail, codes);
}

/** The route after an official host, read from the path the browser requests. */
function judgeRoute(
  input: string,
  link: string,
  host: MyAccessHost,
  tail: string,
  codes: ProblemCode[],
): Judged {
  const route = browserPath(link, tail);
  // Zero-width characters in the route are paste noise (in the host or hint they are a trick).
  return {
    analysis: judgeOfficial(
      input,
      link,
      host,
      isAscii(route) ? route : stripRouteInvisible(route),
      codes,
    ),
    relevant: true,
  };
}

/**
 * The path as the browser requests it: `/@contoso.com/../@evil.com` is `/@evil.com` (also written
 * `%2e%2e` or with backslashes). Only a path with such segments needs the URL parser.
 */
function browserPath(link: string, tail: string): string {
  const end = tail.search(/[?#]/);
  if (!/(?:^|[/\\])(?:\.|%2e)/i.test(end < 0 ? tail : tail.slice(0, end))) return tail;
  try {
    const url = new URL(link);
    return url.pathname + url.search + url.hash;
  } catch {
    return tail;
  }
}

function authorityTricks(slashes: string, authority: string): ProblemCode[] {
  const codes: ProblemCode[] = [];
  if (slashes.includes('\\') || authority.includes('\\')) codes.push('host-backslash');
  if (authority.includes('@')) codes.push('host-userinfo');
  if (authority.includes('%')) codes.push('host-encoded');
  if (!isAscii(authority)) codes.push('host-non-ascii'); // invisible characters included
  return codes;
}

/** Host and port of a lower-case authority without userinfo; a port that is not 0–65535 is malformed. */
function splitPort(authority: string): { host: string; port: string } {
  const colon = authority.lastIndexOf(':');
  if (colon < 0 || authority.includes('@')) return { host: authority, port: '' };
  const port = authority.slice(colon + 1);
  return {
    host: authority.slice(0, colon),
    port: /^\d{0,5}$/.test(port) && Number(port) <= 65535 ? port : 'malformed',
  };
}

function stripRouteInvisible(tail: string): string {
  const hash = tail.indexOf('#');
  return hash < 0 ? tail : tail.slice(0, hash) + stripInvisible(tail.slice(hash));
}

/**
 * A link that has nothing to do with My Access. Nothing is reported of it, so one shared, frozen
 * answer serves: most links of a long text are such, and none of them costs an allocation.
 */
const NOT_OURS: Judged = Object.freeze({
  analysis: Object.freeze({
    ...result('', '', 'invalid', ['not-my-access']),
    needs: Object.freeze([]),
    unwrapped: Object.freeze([]),
    problems: Object.freeze([]),
  }) as unknown as LinkAnalysis,
  relevant: false,
});

/** A plain host that is not official: a look-alike, a link hiding a My Access link, or nothing of ours. */
function judgeElsewhere(
  input: string,
  link: string,
  host: string,
  tail: string,
  wrapped: boolean,
): Judged {
  // A host that stops short of an official one at a line break was cut by the wrap, not faked.
  // (A quoted-printable soft break leaves an `=` there.)
  if (wrapped && tail === '' && cutShort(host.replace(/=$/, '')))
    return { analysis: result(input, link, 'invalid', ['host-cut']), relevant: true };
  if (MICROSOFT_SIGN_IN.has(host)) return NOT_OURS;
  // Read the way any later step could decode it (percent, entities, quoted-printable), so that an
  // encoded My Access link inside still counts as one.
  const decodedTail = stripInvisible(
    decodeEntities(safeDecode(tail)).replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    ),
  );
  const inner = decodedTail.search(EMBEDDED_SCHEME);
  const embedded = inner >= 0 && MY_ACCESS_MENTION.test(decodedTail.slice(inner));
  const folded = skeleton(host);
  const resembles = resemblesMyAccessHost(host, folded);
  const fakeWrapper = imitatesWrapper(host, folded);
  const imitates =
    embedded ||
    resembles ||
    OFFICIAL_INSIDE.test(decodedTail) ||
    ROUTE_IMITATION.test(decodedTail) ||
    (fakeWrapper && resemblesMyAccess(decodedTail));
  if (!imitates) return NOT_OURS;
  // A host no browser can reach (`myaccess.microsoft.com"https`, `…|My`) leads nowhere: that reading
  // is not the danger, and the pieces a linkifier makes of the text are judged instead.
  const real = realHostOf(link);
  if (real === null || !isOwnableHost(real)) return NOT_OURS;
  const codes: ProblemCode[] = [];
  // A fake wrapper carries its link inside by nature: its own code says it all.
  if (fakeWrapper) codes.push('wrapper-lookalike');
  else {
    // An ordinary host that only carries a My Access link is no look-alike; the embedding is the trick.
    if (resembles || !embedded) codes.push('host-lookalike');
    if (embedded) codes.push('link-embedded');
  }
  return { analysis: result(input, link, 'dangerous', codes, { realHost: real }), relevant: true };
}

/** `myacc`, `myaccess.micro`: the start of an official host and nothing more. */
function cutShort(host: string): boolean {
  return host.length >= 3 && MY_ACCESS_HOSTS.some((h) => h !== host && h.startsWith(host));
}

function judgeWrapped(input: string, link: string, wrapper: WrapperMatch, depth: number): Judged {
  const unwrapped = [wrapper.name];
  if (depth >= MAX_WRAPPERS) {
    return {
      analysis: result(input, link, 'dangerous', ['wrapper-too-deep'], { unwrapped }),
      relevant: true,
    };
  }
  if (wrapper.irreversible) {
    const display = wrapper.display?.trim() ?? '';
    const shown = withoutTrailingDot(display.toLowerCase());
    if (display && !isOfficialHost(shown) && resemblesMyAccessHost(display)) {
      return {
        analysis: result(input, link, 'dangerous', ['wrapper-display-lookalike'], {
          unwrapped,
          realHost: display,
        }),
        relevant: true,
      };
    }
    // Nothing else is knowable offline: ask for the original instead of guessing.
    return {
      analysis: result(input, link, 'invalid', ['wrapper-irreversible'], { unwrapped }),
      relevant: display === '' || isOfficialHost(shown),
    };
  }
  // Two different targets (`url=` twice, `URL=` and `url=`): which one the redirector follows is a guess.
  if (wrapper.ambiguous) {
    return {
      analysis: result(input, link, 'dangerous', ['wrapper-ambiguous'], {
        unwrapped,
        realHost: realHostOf(link),
      }),
      relevant: true,
    };
  }
  // A target without a scheme is no link the wrapper could send anyone to (`url=3Dhttps…` read raw).
  if (!wrapper.target || !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(asHref(wrapper.target))) {
    return {
      analysis: result(input, link, 'invalid', ['wrapper-malformed'], { unwrapped }),
      relevant: resemblesMyAccess(link),
    };
  }
  // The wrapper redirects to its target: that is judged afresh, as the browser will open it.
  const inner = judgeUrl(input, wrapper.target, { depth: depth + 1 });
  if (!inner.relevant) return NOT_OURS;
  // Ours to complete: `inner` was judged just above for this wrapper alone, never memoised or shared.
  const analysis = inner.analysis;
  analysis.unwrapped.unshift(wrapper.name);
  // The inner link has no scheme of its own to have lost: the wrapper held it whole.
  analysis.problems = analysis.problems.filter((p) => p.code !== 'scheme-missing');
  const usable = analysis.verdict === 'valid' || analysis.verdict === 'repairable';
  if (wrapper.carriesRecipient && usable)
    addProblems(analysis.problems, 'wrapper-carries-recipient');
  return { analysis, relevant: true };
}
