import { judgeAnyCandidate, judgeCandidate, judgeOnOfficialHost, judgeWellFormed, notALink } from './analyze-one';
import { tokenNeedsCleaning } from './clean-text';
import { findLinks, judgeToken, MAX_CANDIDATE, trimsNothing, trimToken } from './find';
import { addProblems } from './problems';
import type { LinkAnalysis } from './types';

export { buildLink, repairLink, type LinkParts } from './build';
export { findLinks } from './find';
export { isOfficialHost } from './result';
export { analyzeOfficialUrl } from './official';
export { parseGuid, isGuid } from './guid';
export { parseDirectoryHint } from './hint';
export * from './types';

/**
 * Judges whatever the user gave: a bare link, a link with noise around it, or a whole email.
 * Never throws, never fetches. With several links it fails closed: a dangerous one wins.
 */
export function analyzeLink(input: string): LinkAnalysis {
  const text = typeof input === 'string' ? input : String(input ?? '');
  // The usual paste, a well-formed link alone, needs no cleaning (tests/link/fast-path.test.ts).
  const wellFormed = judgeWellFormed(text, text);
  if (wellFormed) return wellFormed;
  // One clean token is what analyzeGeneral would judge as it is: skip its trimming and cleaning.
  if (text.length <= MAX_CANDIDATE && trimsNothing(text) && !tokenNeedsCleaning(text)) {
    // In printable ASCII there is nothing invisible to drop, and the well-formed try already failed.
    if (ASCII_TOKEN.test(text)) return judgeOnOfficialHost(text, text) ?? judgeAnyCandidate(text, text).analysis;
    // Whitespace or `<` make more than one token.
    if (!/[\s<]/.test(text)) return judgeOneToken(text, text);
  }
  return analyzeGeneral(text);
}

// Printable ASCII without spaces, `<` or `>`: one token in one scan.
const ASCII_TOKEN = /^[!-;=?-~]*$/;

/** Everything but the well-formed shortcut; exported for the test that proves the two agree. */
export function analyzeGeneral(text: string): LinkAnalysis {
  if (text.trim() === '') return notALink(text, 'empty-input');
  const only = trimToken(text.trim());
  // No real link is this long; refusing to judge it keeps the engine fast on hostile input.
  if (only.length > MAX_CANDIDATE && !/\s/.test(only)) return notALink(text, 'not-my-access');
  // One token with nothing to clean (the usual paste) is judged directly, without scanning text.
  // Whitespace or `<` make more than one token; a bare `&` (Safe Links' `&data=`) needs no cleaning.
  if (!/[\s<]/.test(only) && !tokenNeedsCleaning(only)) return judgeOneToken(text, only);
  const links = findLinks(text);
  if (links.length === 0) {
    // A single word that `findLinks` skipped (e.g. `javascript:…`) is still judged on its own.
    if (/\s/.test(only)) return notALink(text, 'not-my-access');
    return forText(judgeCandidate(text, only).analysis, text);
  }
  const chosen = links.find((l) => l.verdict === 'dangerous') ?? links[0]!;
  if (links.length > 1) addProblems(chosen.problems, 'several-links');
  return forText(chosen, text);
}

/** One token as findLinks would judge it; a token findLinks would skip (e.g. `javascript:…`) is still judged. */
function judgeOneToken(text: string, only: string): LinkAnalysis {
  return forText((judgeToken(only) ?? judgeCandidate(text, only)).analysis, text);
}

/** An analysis made for this call (always a fresh object), completed in place: a spread copy is slow. */
function forText(analysis: LinkAnalysis, text: string): LinkAnalysis {
  analysis.input = text;
  return analysis;
}
