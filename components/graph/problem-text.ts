import type { GraphProblem } from '../../lib/graph';
import { t, type MessageKey } from '../i18n';

/** A Graph problem in the user's language: what happened and what to do. */
export function graphProblemText(problem: GraphProblem): string {
  return t(
    `graphProblem_${problem.code.replace(/-/g, '_')}` as MessageKey,
    problem.code === 'throttled' ? String(problem.retryAfter ?? 60) : undefined,
  );
}

/** Problems that only a new sign-in (in the options page) can fix. */
export function needsSignIn(problem: GraphProblem): boolean {
  return [
    'not-signed-in',
    'session-expired',
    'unauthorized',
    'permission-refused',
    'consent-required',
    'consent-declined',
  ].includes(problem.code);
}
