import { INFO_NOTE_CODES, type Problem, type ProblemCode, type Severity } from './types';

// One severity per code keeps the views consistent: the code alone says how bad it is.
// Codes not listed here are errors. (Sets, not a table: this module ships in a content script.)
const WARNINGS = new Set<ProblemCode>([
  'defanged',
  'several-links',
  'insecure-scheme',
  'hash-missing',
  'wrapper-carries-recipient',
]);
const INFOS = new Set<ProblemCode>(['route-not-package', 'organisation-link', ...INFO_NOTE_CODES]);

function severityOf(code: ProblemCode): Severity {
  return WARNINGS.has(code) ? 'warning' : INFOS.has(code) ? 'info' : 'error';
}

export function problem(code: ProblemCode): Problem {
  return { code, severity: severityOf(code) };
}

/** Appends codes not already present, keeping order stable (deterministic output). */
export function addProblems(list: Problem[], ...codes: ProblemCode[]): Problem[] {
  for (const code of codes) if (!list.some((p) => p.code === code)) list.push(problem(code));
  return list;
}
