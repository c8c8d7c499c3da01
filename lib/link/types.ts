/** The official My Access hosts: worldwide and US Government (defined once, in lib/hosts). */
import type { MyAccessHost } from '../hosts';
export { MY_ACCESS_HOSTS, type MyAccessHost } from '../hosts';

export type Verdict = 'valid' | 'repairable' | 'invalid' | 'dangerous';
export type Severity = 'error' | 'warning' | 'info';
export type Need = 'directoryHint' | 'accessPackageId';

/** Codes about the directory hint: a repair that fills a good hint clears them (see build.ts). */
export const HINT_CODES = [
  'hint-missing',
  'hint-malformed',
  'hint-email',
  'fill-hint-invalid',
] as const;
/** Codes about the package id: a repair that fills a good id clears them (see build.ts). */
export const PACKAGE_ID_CODES = [
  'package-id-missing',
  'package-id-partial',
  'package-id-malformed',
  'package-id-zero',
  'route-not-package',
  'organisation-link',
  'fill-package-id-invalid',
] as const;
/** Notes on an accepted link that are information only (problems.ts gives them that severity). */
export const INFO_NOTE_CODES = [
  'scheme-missing',
  'scheme-doubled',
  'hash-encoded',
  'at-encoded',
  'query-dropped',
  'text-cleaned',
  'link-encoded',
  'package-id-normalized',
  'hint-normalized',
  'repaired',
] as const;

/**
 * Stable problem codes. Views translate them through `_locales` (key `problem_<code with _>`);
 * never put English text here.
 */
export const PROBLEM_CODES = [
  // Not a link we can judge
  'empty-input',
  'not-my-access',
  'defanged',
  'several-links',
  // Dangerous
  'scheme-unsafe',
  'host-lookalike',
  'host-userinfo',
  'host-punycode',
  'host-non-ascii',
  'host-encoded',
  'host-backslash',
  'host-malformed',
  'link-embedded',
  'text-target-mismatch',
  'hint-punycode',
  'hint-non-ascii',
  'wrapper-lookalike',
  'wrapper-display-lookalike',
  'wrapper-too-deep',
  'wrapper-ambiguous',
  // Broken or incomplete
  'host-port',
  'host-cut',
  'link-partial',
  ...HINT_CODES,
  ...PACKAGE_ID_CODES,
  'wrapper-irreversible',
  'wrapper-malformed',
  // Accepted with a note: warnings, then information
  'insecure-scheme',
  'hash-missing',
  'wrapper-carries-recipient',
  ...INFO_NOTE_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  code: ProblemCode;
  severity: Severity;
}

export interface LinkAnalysis {
  input: string;
  verdict: Verdict;
  /** The official host, when it is one. */
  host: MyAccessHost | null;
  /** Lower-case domain without trailing dot, or lower-case tenant GUID. */
  directoryHint: string | null;
  /** Lower-case GUID without braces. */
  accessPackageId: string | null;
  /** https://<host>/@<hint>#/access-packages/<id>, only when the verdict is 'valid'. */
  canonical: string | null;
  /** What a 'repairable' link lacks. */
  needs: Need[];
  /** Wrappers removed, outermost first ('safelinks', 'urldefense', 'google', ...). */
  unwrapped: string[];
  problems: Problem[];
  /** Where the link really leads (the host a browser would contact), when it is not an official host. */
  realHost: string | null;
  /** The link as found in the text, after unwrapping, for display. */
  link: string;
  /** Where in the text given to `findLinks` this link stands: [start, end) in UTF-16 units. */
  span?: { start: number; end: number };
  /** For a link whose text shows another (`text-target-mismatch`): the link the text shows. */
  shown?: string;
  /** How many times the text holds this same link, when more than once (`findLinks` lists it once). */
  count?: number;
}
