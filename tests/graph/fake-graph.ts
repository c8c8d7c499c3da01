// A fake Microsoft Graph for unit tests: answers fetch() from the saved v1.0 fixtures.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SignInConfig } from '../../lib/graph/auth';

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve('tests/fixtures/graph', name), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The extension's redirect URI and sign-in settings the auth and session tests sign in with. */
export const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
export const SIGN_IN_CONFIG: SignInConfig = {
  clientId: '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c',
  tenant: 'contoso.onmicrosoft.com',
  cloud: 'global',
  redirectUri: REDIRECT,
};

export const PACKAGE_ID = '6f1d2c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6';
export const GRAPH = 'https://graph.microsoft.com';
const EM = `${GRAPH}/v1.0/identityGovernance/entitlementManagement`;

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The routes of a tenant that holds the fixture package; `override` replaces answers by URL. */
export function fakeGraph(override: Record<string, Answer | Answer[]> = {}) {
  const calls: { url: string; auth: string | null }[] = [];
  const routes: Record<string, Answer | Answer[]> = {
    [`${EM}/accessPackages/${PACKAGE_ID}?$expand=catalog,assignmentPolicies`]: {
      status: 200,
      body: fixture('access-package-expanded.json'),
    },
    [`${EM}/accessPackages/${PACKAGE_ID}?$expand=catalog`]: {
      status: 200,
      body: fixture('access-package-catalog.json'),
    },
    [`${EM}/accessPackages/${PACKAGE_ID}?$expand=assignmentPolicies`]: {
      status: 200,
      body: fixture('access-package-policies.json'),
    },
    [`${EM}/connectedOrganizations`]: {
      status: 200,
      body: fixture('connected-organizations-page1.json'),
    },
    [`${EM}/connectedOrganizations?$skiptoken=ZmFicmlrYW0tcGFnZS0y`]: {
      status: 200,
      body: fixture('connected-organizations-page2.json'),
    },
    [`${GRAPH}/v1.0/organization?$select=id,displayName,verifiedDomains`]: {
      status: 200,
      body: fixture('organization.json'),
    },
    ...override,
  };
  const fetch: typeof globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ url, auth: new Headers(init?.headers).get('Authorization') });
    let answer = routes[url] ?? { status: 404, body: fixture('error-404.json') };
    // A list of answers is served in order (then the last one again): throttled, then fine.
    if (Array.isArray(answer)) answer = answer.length > 1 ? answer.shift()! : answer[0]!;
    if (answer.status === 0) throw new TypeError('Failed to fetch');
    return new Response(
      answer.body === undefined
        ? null
        : typeof answer.body === 'string'
          ? answer.body
          : JSON.stringify(answer.body),
      {
        status: answer.status,
        headers: { 'Content-Type': 'application/json', ...answer.headers },
      },
    );
  };
  return { fetch, calls };
}
