import { batch, computed, signal } from '@preact/signals';
import type { HistoryEntry } from '../../lib/history/history';
import {
  analyzeLink,
  BY_CONCERN,
  findLinks,
  findLinksInAnchors,
  mostConcerningIndex,
  type Anchor,
  type LinkAnalysis,
} from '../../lib/link';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { PortalTabState } from '../../lib/tab-state';
import type { PopupEnv } from './env';

/**
 * The links of the text, in text order, then those only the pasted HTML's anchors hold. An anchor
 * naming a link the text has too is the same link, unless it is judged worse: a "Not a My Access
 * link" in the text can be a dangerous anchor (its text imitating My Access), and the worse one stays.
 */
export function mergeLinks(
  fromText: readonly LinkAnalysis[],
  fromAnchors: readonly LinkAnalysis[],
): LinkAnalysis[] {
  // A link the text shows only as the display of an anchor that goes elsewhere is that anchor: one
  // dangerous link, not a dangerous one and a genuine one.
  const disguised = new Set(fromAnchors.flatMap((l) => (l.shown ? [l.shown] : [])));
  const out = fromText.filter((l) => !disguised.has(l.canonical ?? l.link));
  const at = new Map(out.map((l, i) => [l.canonical ?? l.link, i] as const));
  for (const l of fromAnchors) {
    const key = l.canonical ?? l.link;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(l);
    } else if (BY_CONCERN.indexOf(l.verdict) < BY_CONCERN.indexOf(out[i]!.verdict)) out[i] = l;
  }
  return out;
}

/** The popup's state: a few signals and the actions that change them. Views stay dumb. */
export function createPopupState(env: PopupEnv, initialText = '', initialAnchors: Anchor[] = []) {
  const text = signal(initialText);
  /** The anchors of the last paste's HTML (or the right-clicked link): what the links really point to. */
  const anchors = signal<Anchor[]>(initialAnchors);
  /** The link the user chose; null until they do, and again whenever the text changes. */
  const selected = signal<number | null>(null);
  const settings = signal(DEFAULT_SETTINGS);
  const history = signal<HistoryEntry[]>([]);
  const hints = signal<string[]>([]);
  const portal = signal<PortalTabState | null>(null);

  const anchorLinks = computed(() =>
    anchors.value.length > 0 ? findLinksInAnchors(anchors.value) : [],
  );
  const links = computed<LinkAnalysis[]>(() => {
    const blank = text.value.trim() === '';
    const found = mergeLinks(blank ? [] : findLinks(text.value), anchorLinks.value);
    // Nothing My Access-like found: still say what the text is, rather than nothing.
    return found.length > 0 || blank ? found : [analyzeLink(text.value)];
  });
  const currentIndex = computed(() => {
    const s = selected.value;
    return s !== null && s < links.value.length ? s : mostConcerningIndex(links.value);
  });
  const current = computed(() => links.value[currentIndex.value] ?? null);

  async function record(analysis: LinkAnalysis, action: HistoryEntry['action']) {
    const link = analysis.canonical ?? analysis.link;
    if (!link) return;
    history.value = await env.addHistory({
      link,
      verdict: analysis.verdict,
      directoryHint: analysis.directoryHint,
      at: new Date().toISOString(),
      action,
    });
  }

  return {
    text,
    anchors,
    selected,
    settings,
    history,
    hints,
    portal,
    links,
    currentIndex,
    current,
    /** Loads what the popup opens on; the paste box is usable before this resolves. */
    async load() {
      // A link handed over by the context menu counts as checked, before anything else happens.
      const checked = initialText && current.value ? record(current.value, 'checked') : undefined;
      const [s, h, r, tab] = await Promise.all([
        env.settings(),
        env.history(),
        env.recentHints(),
        env.tab(),
        checked,
      ]);
      settings.value = s;
      history.value = checked ? history.value : h;
      hints.value = r;
      if (tab.state?.type === 'portal' && tab.state.accessPackageId) portal.value = tab.state;
      else if (text.value === '' && tab.url && findLinks(tab.url).length > 0) text.value = tab.url;
    },
    /** Any edit but a paste: the anchors of an earlier paste no longer describe the text. */
    setText(value: string) {
      batch(() => {
        text.value = value;
        anchors.value = [];
        selected.value = null;
      });
    },
    select(index: number) {
      selected.value = index;
    },
    /** A paste: `value` is the whole text after it, `plain` what it put there, `pastedAnchors` its HTML's links. */
    async pasted(value: string, plain: string, pastedAnchors: Anchor[] = []) {
      batch(() => {
        text.value = value;
        anchors.value = pastedAnchors;
        selected.value = null;
      });
      // A paste is a check worth remembering; typing letter by letter is not.
      for (const l of mergeLinks(findLinks(plain), anchorLinks.value))
        if (l.verdict !== 'invalid') await record(l, 'checked');
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
