import { vi } from 'vitest';
import type { GraphEnv, GraphOrganization } from '../../components/graph/graph-env';
import type { PopupEnv } from '../../components/popup/env';
import { GraphProblem, type GraphCloud, type GraphPackage, type TokenSet } from '../../lib/graph';
import type { Answers } from '../../lib/eligibility/answers';
import { addToHistory, type HistoryEntry } from '../../lib/history/history';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { TabState } from '../../lib/tab-state';
import type { Catalogue } from '../../lib/i18n/format-message';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import nl from '../../public/_locales/nl/messages.json';

const CATALOGUES: Record<string, Catalogue> = { en, fr, nl };

/** An in-memory PopupEnv: what the popup would do to the browser, recorded for assertions. */
export function fakeEnv(
  over: {
    settings?: Partial<Settings>;
    tabUrl?: string | null;
    state?: TabState;
    hints?: string[];
    history?: HistoryEntry[];
    copyOk?: boolean;
    graph?: ReturnType<typeof fakeGraphEnv>;
    answers?: Record<string, Answers>;
  } = {},
) {
  const answers = { ...over.answers };
  let history = over.history ?? [];
  let hints = over.hints ?? [];
  const settings = { ...DEFAULT_SETTINGS, ...over.settings };
  const env = {
    copy: vi.fn(async (_: string) => over.copyOk ?? true),
    open: vi.fn(async (_: string) => {}),
    download: vi.fn((_f: string, _t: string, _y: string) => {}),
    openCompose: vi.fn(async (_: string) => {}),
    copyRich: vi.fn(async (_h: string, _t: string) => over.copyOk ?? true),
    catalogue: async (lang: string) => CATALOGUES[lang] ?? {},
    tab: async () => ({ url: over.tabUrl ?? null, state: over.state }),
    settings: async () => settings,
    history: async () => history,
    addHistory: vi.fn(
      async (e: HistoryEntry) => (history = addToHistory(history, e, settings.historySize)),
    ),
    clearHistory: vi.fn(async () => void (history = [])),
    recentHints: async () => hints,
    rememberHint: vi.fn(async (h: string) => void (hints = [h, ...hints.filter((x) => x !== h)])),
    packageBadge: vi.fn(async (_blocked: boolean, _graphHint: string | null) => {}),
    graph: over.graph ?? fakeGraphEnv(),
    answers: async (id: string) => answers[id] ?? {},
    saveAnswers: vi.fn(async (id: string, a: Answers) => void (answers[id] = a)),
    openOptions: vi.fn(async () => {}),
  } satisfies PopupEnv;
  return env;
}

/** An in-memory GraphEnv: a signed-in state, a package answer, and the calls made. */
export function fakeGraphEnv(
  over: {
    tokens?: TokenSet | null;
    signIn?: () => Promise<{ tokens: TokenSet; organization: GraphOrganization | null }>;
    readPackage?: (id: string) => Promise<GraphPackage>;
  } = {},
) {
  let tokens = over.tokens ?? null;
  const env = {
    redirectUri: () => 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    signIn: vi.fn(async (_: { clientId: string; tenant: string; cloud: GraphCloud }) => {
      const r = await (
        over.signIn ??
        (async () => ({
          tokens: TOKENS,
          organization: { name: 'Contoso', hint: 'contoso.onmicrosoft.com' },
        }))
      )();
      tokens = r.tokens;
      return r;
    }),
    signOut: vi.fn(async () => void (tokens = null)),
    signedIn: async () => tokens,
    readPackage: vi.fn(
      over.readPackage ?? (async () => Promise.reject(new GraphProblem('not-signed-in'))),
    ),
  } satisfies GraphEnv;
  return env;
}

export const TOKENS: TokenSet = {
  accessToken: 'a',
  refreshToken: 'r',
  expiresAt: Date.UTC(2026, 10, 24, 15, 30),
  signedInAt: Date.UTC(2026, 10, 24, 14, 35),
  cloud: 'global',
  clientId: '5b7c0a2e-1d3f-4e6a-9b8c-7d6e5f4a3b2c',
  tenant: 'contoso.onmicrosoft.com',
};
