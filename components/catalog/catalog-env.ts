// The browser side of the catalog page: the Graph session (tokens in session storage, as the
// options page left them), the host permission, the clipboard and downloads. Tests replace it.
import { browser } from 'wxt/browser';
import { abortableSleep, createListingReader } from '../../lib/graph/catalog-fetch';
import {
  readCatalogListing,
  type CatalogEvent,
  type ListingContext,
} from '../../lib/graph/catalog-read';
import {
  cloudHosts,
  cloudOrigins,
  createGraphSession,
  GraphProblem,
  type GraphCloud,
} from '../../lib/graph';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { graphTokensItem, settingsStore } from '../../lib/storage';
import { copyText } from '../clipboard';

export interface CatalogEnv {
  /** The signed-in cloud, or null when nobody is signed in. */
  signedIn(): Promise<GraphCloud | null>;
  list(options: {
    catalogId?: string;
    signal: AbortSignal;
    onEvent: (event: CatalogEvent) => void;
  }): Promise<ListingContext & { cloud: GraphCloud }>;
  /** The directory hint the admin set in the options ('' if none). */
  defaultHint(): Promise<string>;
  copy(text: string): Promise<boolean>;
  copyRich(html: string, text: string): Promise<boolean>;
  download(filename: string, text: string, type: string): void;
  openOptions(): Promise<void>;
  /** Seconds tick for visible waits; injectable so tests need not wait. */
  now(): number;
}

const session = createGraphSession({
  fetch: (...args) => fetch(...args),
  now: () => Date.now(),
  // Signing in happens in the options page; this page only uses the tokens it stored.
  launch: () => Promise.reject(new GraphProblem('not-signed-in')),
  load: () => graphTokensItem.getValue(),
  save: (tokens) => graphTokensItem.setValue(tokens),
  clear: () => graphTokensItem.removeValue(),
});

export function browserCatalogEnv(win: Window = window): CatalogEnv {
  return {
    signedIn: async () => (await session.current())?.cloud ?? null,
    async list({ catalogId, signal, onEvent }) {
      const { cloud } = await session.accessToken();
      // The user may have withdrawn the host permission since signing in.
      if (!(await browser.permissions.contains({ origins: cloudOrigins(cloud) })))
        throw new GraphProblem('permission-refused');
      const reader = createListingReader({
        fetch: (...args) => fetch(...args),
        base: cloudHosts(cloud).graph,
        token: async () => (await session.accessToken()).accessToken,
        sleep: abortableSleep,
        now: () => Date.now(),
      });
      const context = await readCatalogListing(reader, { catalogId, signal, onEvent });
      return { ...context, cloud };
    },
    defaultHint: async () => (await settingsStore.load().catch(() => DEFAULT_SETTINGS)).defaultHint,
    copy: (text) => copyText(win, text),
    async copyRich(html, text) {
      try {
        await win.navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([html], { type: 'text/html' }),
            'text/plain': new Blob([text], { type: 'text/plain' }),
          }),
        ]);
        return true;
      } catch {
        return false;
      }
    },
    download(filename, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = Object.assign(win.document.createElement('a'), { href: url, download: filename });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    now: () => Date.now(),
  };
}
