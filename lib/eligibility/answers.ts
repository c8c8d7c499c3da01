// The third source: what the admin says about a package, remembered per package, and how the
// three sources combine. Graph and the page outrank the admin's memory.
import type { Known, PackageFacts } from './rules';

export const QUESTIONS = [
  'hidden',
  'catalogExternal',
  'catalogPublished',
  'externalPolicy',
] as const;
export type Question = (typeof QUESTIONS)[number];
export type Answers = Partial<Record<Question, boolean>>;

/** Answers for many packages, by package id; the oldest are dropped beyond this many. */
export const MAX_ANSWERED_PACKAGES = 200;

export function parseAnswers(raw: unknown): Answers {
  const out: Answers = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const q of QUESTIONS) {
    const v = (raw as Record<string, unknown>)[q];
    if (typeof v === 'boolean') out[q] = v;
  }
  return out;
}

/** The answers book, with one package's answers replaced (no answer left → the entry goes). */
export function withAnswers(
  book: unknown,
  packageId: string,
  answers: Answers,
): Record<string, Answers> {
  const entries = Object.entries(
    typeof book === 'object' && book !== null ? (book as Record<string, unknown>) : {},
  )
    .filter(([id]) => id !== packageId)
    .map(([id, a]) => [id, parseAnswers(a)] as const)
    .filter(([, a]) => Object.keys(a).length > 0);
  if (Object.keys(answers).length > 0) entries.push([packageId, parseAnswers(answers)]);
  return Object.fromEntries(entries.slice(-MAX_ANSWERED_PACKAGES));
}

function answerFacts(a: Answers): PackageFacts {
  const user = <T>(value: T): Known<T> => ({ value, source: 'user' });
  const facts: PackageFacts = {};
  if (a.hidden !== undefined) facts.hidden = user(a.hidden);
  if (a.catalogExternal !== undefined) facts.catalogExternal = user(a.catalogExternal);
  if (a.catalogPublished !== undefined)
    facts.catalogState = user(a.catalogPublished ? 'published' : 'unpublished');
  // "Yes, a policy lets external users request it for themselves" stands for one such policy; the
  // rules never let this unnamed policy cover a typed partner domain.
  if (a.externalPolicy !== undefined)
    facts.policies = user(
      a.externalPolicy
        ? [{ name: '', scope: 'allExternalUsers', connectedOrganizationIds: [], selfRequest: true }]
        : [],
    );
  return facts;
}

/** Whether the admin's answers alone say partners cannot request the package (the badge's rule). */
export function answersBlock(a: Answers): boolean {
  return a.catalogExternal === false || a.catalogPublished === false || a.externalPolicy === false;
}

/** Which questions are still open: those whose fact neither Graph nor the page has given. */
export function openQuestions(known: PackageFacts): Question[] {
  const has: Record<Question, boolean> = {
    hidden: !!known.hidden,
    catalogExternal: !!known.catalogExternal,
    catalogPublished: !!known.catalogState,
    externalPolicy: !!known.policies,
  };
  return QUESTIONS.filter((q) => !has[q]);
}

/** Each fact from the strongest source that has it: Graph, then the page, then the admin. */
export function combineFacts(
  graph: PackageFacts | undefined,
  page: PackageFacts,
  answers: Answers,
): PackageFacts {
  const out: PackageFacts = { ...answerFacts(answers) };
  for (const source of [page, graph ?? {}]) {
    for (const [k, v] of Object.entries(source) as [keyof PackageFacts, never][])
      if (v !== undefined) out[k] = v;
  }
  return out;
}
