import { findLinks } from './find';
import { addProblems } from './problems';
import { notALink } from './result';
import type { LinkAnalysis, Verdict } from './types';

/**
 * Judges whatever the user gave as one answer: a bare link, a link with noise around it, or a
 * whole email. The links are those `findLinks` finds; with several, it fails closed (a dangerous
 * one wins). Never throws, never fetches.
 */
export function analyzeLink(input: string): LinkAnalysis {
  const text = typeof input === 'string' ? input : String(input ?? '');
  if (text.trim() === '') return notALink(text, 'empty-input');
  const links = findLinks(text);
  // Only the end of a link (`#/access-packages/…`, `/@contoso.com#/…`): say so, it is not a link to open.
  if (links.length === 0)
    return notALink(
      text,
      /^\s*(?:[#/@]\S*)?access-packages/i.test(text) ? 'link-partial' : 'not-my-access',
    );
  // findLinks built these answers for this call alone: the chosen one is completed in place.
  const chosen = mostConcerning(links);
  chosen.input = text;
  if (links.length > 1) chosen.problems = addProblems([...chosen.problems], 'several-links');
  return chosen;
}

/** Order of concern: every view opens on the first link of the first kind here (fail closed). */
export const BY_CONCERN: readonly Verdict[] = ['dangerous', 'repairable', 'valid', 'invalid'];

/** The index of the most concerning link (the earliest of the worst kind); -1 for none. */
export function mostConcerningIndex(links: readonly LinkAnalysis[]): number {
  let best = -1;
  for (let i = 0; i < links.length; i++) {
    if (
      best < 0 ||
      BY_CONCERN.indexOf(links[i]!.verdict) < BY_CONCERN.indexOf(links[best]!.verdict)
    )
      best = i;
  }
  return best;
}

/** The link a view opens on. */
export function mostConcerning(links: readonly LinkAnalysis[]): LinkAnalysis {
  return links[mostConcerningIndex(links)]!;
}
