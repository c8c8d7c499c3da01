import type { Problem, ProblemCode, Severity } from './types';

// One severity per code keeps the views consistent: the code alone says how bad it is.
const SEVERITY: Record<ProblemCode, Severity> = {
  'empty-input': 'error',
  'not-my-access': 'error',
  defanged: 'warning',
  'several-links': 'warning',
  'scheme-unsafe': 'error',
  'host-lookalike': 'error',
  'host-userinfo': 'error',
  'host-punycode': 'error',
  'host-non-ascii': 'error',
  'host-encoded': 'error',
  'host-backslash': 'error',
  'host-malformed': 'error',
  'hint-punycode': 'error',
  'hint-non-ascii': 'error',
  'wrapper-lookalike': 'error',
  'wrapper-display-lookalike': 'error',
  'wrapper-too-deep': 'error',
  'host-port': 'error',
  'hint-missing': 'error',
  'hint-malformed': 'error',
  'hint-email': 'error',
  'package-id-missing': 'error',
  'package-id-partial': 'error',
  'package-id-malformed': 'error',
  'package-id-zero': 'error',
  'route-not-package': 'info',
  'wrapper-irreversible': 'error',
  'wrapper-malformed': 'error',
  'fill-hint-invalid': 'error',
  'fill-package-id-invalid': 'error',
  'insecure-scheme': 'warning',
  'scheme-missing': 'info',
  'scheme-doubled': 'info',
  'hash-encoded': 'info',
  'hash-missing': 'warning',
  'at-encoded': 'info',
  'query-dropped': 'info',
  'text-cleaned': 'info',
  'package-id-normalized': 'info',
  'hint-normalized': 'info',
  'wrapper-carries-recipient': 'warning',
  repaired: 'info',
};

export function problem(code: ProblemCode): Problem {
  return { code, severity: SEVERITY[code] };
}

/** Appends codes not already present, keeping order stable (deterministic output). */
export function addProblems(list: Problem[], ...codes: ProblemCode[]): Problem[] {
  for (const code of codes) if (!list.some((p) => p.code === code)) list.push(problem(code));
  return list;
}
