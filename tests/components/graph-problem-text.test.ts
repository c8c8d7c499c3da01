import { describe, expect, it } from 'vitest';
import { graphProblemText, needsSignIn } from '../../components/graph/problem-text';
import { GraphProblem, type GraphProblemCode } from '../../lib/graph';

describe('consent problems', () => {
  it.each<[GraphProblemCode, RegExp, RegExp]>([
    // AADSTS65001 can be about any permission (User.Read where user consent is off): the text
    // must not say it is always the administrator-only one.
    [
      'consent-required',
      /^The app is missing consent for one of its permissions \(EntitlementManagement\.Read\.All always needs an administrator’s\)/,
      /has no administrator consent/,
    ],
    // AADSTS65004: the user said no; accepting at the next sign-in is a way out.
    [
      'consent-declined',
      /declined at sign-in \(AADSTS65004\)\. Sign in again and accept/,
      /missing consent/,
    ],
  ])('%s: says what happened and what to do, and is fixed by signing in', (code, says, never) => {
    const text = graphProblemText(new GraphProblem(code));
    expect(text).toMatch(says);
    expect(text).not.toMatch(never);
    expect(needsSignIn(new GraphProblem(code))).toBe(true);
  });

  it.each<[GraphProblemCode, RegExp]>([
    ['no-origin', /may only be redeemed through cross-origin requests/],
    ['single-tenant-endpoint', /through \/common or \/organizations .*\(AADSTS50194\)/],
  ])('%s: states what Microsoft documents, without unsourced advice', (code, says) => {
    const text = graphProblemText(new GraphProblem(code));
    expect(text).toMatch(says);
    expect(text).not.toMatch(/normal browser window/);
  });
});
