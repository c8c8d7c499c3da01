import { computed, signal } from '@preact/signals';
import type { HistoryEntry } from '../../lib/history/history';
import { analyzeLink, findLinks, type LinkAnalysis } from '../../lib/link';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { PortalTabState } from '../../lib/tab-state';
import type { PopupEnv } from './env';

/** The popup's state: a few signals and the actions that change them. Views stay dumb. */
export function createPopupState(env: PopupEnv, initialText = '') {
  const text = signal(initialText);
  const selected = signal(0);
  const settings = signal(DEFAULT_SETTINGS);
  const history = signal<HistoryEntry[]>([]);
  const hints = signal<string[]>([]);
  const portal = signal<PortalTabState | null>(null);

  const links = computed<LinkAnalysis[]>(() => {
    if (text.value.trim() === '') return [];
    const found = findLinks(text.value);
    // Nothing My Access-like found: still say what the text is, rather than nothing.
    return found.length > 0 ? found : [analyzeLink(text.value)];
  });
  const current = computed(() => links.value[Math.min(selected.value, links.value.length - 1)] ?? null);

  async function record(analysis: LinkAnalysis, action: HistoryEntry['action']) {
    const link = analysis.canonical ?? analysis.link;
    if (!link) return;
    history.value = await env.addHistory({ link, verdict: analysis.verdict, directoryHint: analysis.directoryHint, at: new Date().toISOString(), action });
  }

  return {
    text, selected, settings, history, hints, portal, links, current,
    /** Loads what the popup opens on; the paste box is usable before this resolves. */
    async load() {
      // A link handed over by the context menu counts as checked, before anything else happens.
      const checked = initialText && links.value[0] ? record(links.value[0], 'checked') : undefined;
      const [s, h, r, tab] = await Promise.all([env.settings(), env.history(), env.recentHints(), env.tab(), checked]);
      settings.value = s;
      history.value = checked ? history.value : h;
      hints.value = r;
      if (tab.state?.type === 'portal' && tab.state.accessPackageId) portal.value = tab.state;
      else if (text.value === '' && tab.url && findLinks(tab.url).length > 0) text.value = tab.url;
    },
    setText(value: string) {
      text.value = value;
      selected.value = 0;
    },
    async pasted(value: string) {
      // A paste is a check worth remembering; typing letter by letter is not.
      for (const l of findLinks(value)) if (l.verdict !== 'invalid') await record(l, 'checked');
    },
    async copy(analysis: LinkAnalysis, link: string) {
      const ok = await env.copy(link);
      if (ok) await record({ ...analysis, canonical: link }, 'copied');
      return ok;
    },
    async open(analysis: LinkAnalysis, link: string) {
      await env.open(link);
      await record({ ...analysis, canonical: link }, 'opened');
    },
    async shared(link: string) {
      const analysis = findLinks(link)[0];
      if (analysis) await record(analysis, 'shared');
    },
    async confirmHint(hint: string) {
      await env.rememberHint(hint);
    },
    async clearHistory() {
      await env.clearHistory();
      history.value = [];
    },
    env,
  };
}

export type PopupState = ReturnType<typeof createPopupState>;
