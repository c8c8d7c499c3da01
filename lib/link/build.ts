import { LINK_CLOUDS } from '../hosts';
import { isOfficialHost } from './result';
import { parseGuid } from './guid';
import { parseDirectoryHint } from './hint';
import { addProblems } from './problems';
import {
  HINT_CODES,
  PACKAGE_ID_CODES,
  type LinkAnalysis,
  type MyAccessHost,
  type Need,
  type ProblemCode,
} from './types';

export interface LinkParts {
  host?: MyAccessHost;
  directoryHint: string;
  accessPackageId: string;
}

/**
 * Builds the canonical link from checked parts. Throws a RangeError for parts that are not a
 * directory hint and a package id: callers with user input use `repairLink`, which reports instead.
 */
export function buildLink(parts: LinkParts): string {
  const host = parts.host ?? LINK_CLOUDS.global.myAccess;
  const hint = parseDirectoryHint(parts.directoryHint);
  const id = parseGuid(parts.accessPackageId);
  if (!isOfficialHost(host)) throw new RangeError(`not a My Access host: ${String(host)}`);
  if (!hint.ok) throw new RangeError(`not a directory hint: ${hint.reason}`);
  if (!id.ok) throw new RangeError(`not an access package id: ${id.reason}`);
  return `https://${host}/@${hint.value}#/access-packages/${id.value}`;
}

// How a repair fills each part, in order: its parser, what a good value clears, what a bad one adds.
const FILLS = [
  {
    part: 'directoryHint',
    parse: parseDirectoryHint,
    clears: new Set<ProblemCode>(HINT_CODES),
    invalid: 'fill-hint-invalid',
  },
  {
    part: 'accessPackageId',
    parse: parseGuid,
    clears: new Set<ProblemCode>(PACKAGE_ID_CODES),
    invalid: 'fill-package-id-invalid',
  },
] as const;

/**
 * Fills what a repairable link lacks with what the user (or history, or the page) supplied.
 * Only what is missing is filled; what was filled is validated; a new analysis is returned.
 * Dangerous and invalid links are returned as they are: they are not ours to repair.
 */
export function repairLink(
  analysis: LinkAnalysis,
  fill: { directoryHint?: string; accessPackageId?: string },
): LinkAnalysis {
  if (analysis.verdict !== 'repairable' || analysis.host === null) return analysis;
  const parts = {
    directoryHint: analysis.directoryHint,
    accessPackageId: analysis.accessPackageId,
  };
  let problems = analysis.problems.map((p) => ({ ...p }));
  let filled = false;

  for (const { part, parse, clears, invalid } of FILLS) {
    const supplied = fill[part];
    if (parts[part] !== null || supplied === undefined || supplied.trim() === '') continue;
    const parsed = parse(supplied);
    if (parsed.ok) {
      parts[part] = parsed.value;
      problems = problems.filter((p) => !clears.has(p.code));
      filled = true;
    } else addProblems(problems, invalid);
  }
  if (filled) addProblems(problems, 'repaired');
  const { directoryHint, accessPackageId } = parts;

  const needs: Need[] = [];
  if (directoryHint === null) needs.push('directoryHint');
  if (accessPackageId === null) needs.push('accessPackageId');
  const complete = directoryHint !== null && accessPackageId !== null;
  return {
    ...analysis,
    directoryHint,
    accessPackageId,
    needs,
    problems,
    verdict: complete ? 'valid' : 'repairable',
    canonical: complete
      ? `https://${analysis.host}/@${directoryHint}#/access-packages/${accessPackageId}`
      : null,
  };
}
