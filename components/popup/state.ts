import { batch, computed, signal } from '@preact/signals';
import type { HistoryEntry } from '../../lib/history/history';
import {
  analyzeLink,
  BY_CONCERN,
  findLinks,
  findLinksInAnchors,
  mostConcerning,
  mostConcerningIndex,
  type Anchor,
  type LinkAnalysis,
} from '../../lib/link';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
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

/** One entry of the list: a link and how many times the text holds it. */
export type FoundLink = LinkAnalysis & { count: number };

/**
 * Identical links (200 copies of one link in a pasted thread) are one entry with a count: the
 * engine counts repeats within the text, and a link both the text and an anchor hold is one.
 */
export function countLinks(links: readonly LinkAnalysis[]): FoundLink[] {
  const out: FoundLink[] = [];
  const at = new Map<string, FoundLink>();
  for (const l of links) {
    const key = `${l.verdict}\n${l.canonical ?? l.link}`;
    const seen = at.get(key);
    if (seen) seen.count += l.count ?? 1;
    else {
      const entry = { ...l, count: l.count ?? 1 };
      at.set(key, entry);
      out.push(entry);
    }
  }
  return out;
}

/** Texts longer than this are analysed once typing pauses, not on every keystroke. */
export const LARGE_TEXT = 20_000;
/**
 * A paste longer than this is checked but held beside the box, not put in it: a text box holding a
 * megabyte makes every keystroke slow (the browser's own layout, whatever the page does).
 */
export const HOLD_TEXT = 100_000;
const TYPING_PAUSE_MS = 250;

/** The popup's state: a few signals and the actions that change them. Views stay dumb. */
export function createPopupState(env: PopupEnv, initialText = '', initialAnchors: Anchor[] = []) {
  const text = signal(initialText);
  /** The text the links come from: `text` itself, or for a large text, as it was when typing paused. */
  const analysed = signal(initialText);
  /** Whether the text has changed since its links were found (a large text being typed in). */
  const checking = signal(false);
  let pending: ReturnType<typeof setTimeout> | undefined;
  function analyseNow(value: string) {
    clearTimeout(pending);
    pending = undefined;
    batch(() => {
      analysed.value = value;
      checking.value = false;
    });
  }
  /** A paste too long for the box (over HOLD_TEXT): what is checked while it is held. */
  const held = signal<string | null>(null);
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
  const links = computed<FoundLink[]>(() => {
    const source = analysed.value;
    const blank = source.trim() === '';
    const found = mergeLinks(blank ? [] : findLinks(source), anchorLinks.value);
    // Nothing My Access-like found: still say what the text is, rather than nothing.
    return countLinks(found.length > 0 || blank ? found : [analyzeLink(source)]);
  });
  /** Every link found, repeats included: what the summary line counts. */
  const total = computed(() => links.value.reduce((n, l) => n + l.count, 0));
  const currentIndex = computed(() => {
    const s = selected.value;
    return s !== null && s < links.value.length ? s : mostConcerningIndex(links.value);
  });
  const current = computed(() => links.value[currentIndex.value] ?? null);

  /** Set once this popup recorded something: the history it holds is then newer than a load's. */
  let recorded = false;
  async function record(analysis: LinkAnalysis, action: HistoryEntry['action']) {
    const link = analysis.canonical ?? analysis.link;
    if (!link) return;
    recorded = true;
    history.value = await env.addHistory({
      link,
      verdict: analysis.verdict,
      directoryHint: analysis.directoryHint,
      at: new Date().toISOString(),
      action,
    });
  }

  /** Any edit but a paste: the anchors of an earlier paste no longer describe the text. */
  function setText(value: string) {
    batch(() => {
      text.value = value;
      // Typing starts a new check: the held paste is no longer what the verdict is about.
      held.value = null;
      anchors.value = [];
      selected.value = null;
      // A keystroke in a large text must not wait for a full analysis (the engine takes tens of
      // milliseconds per megabyte): the verdict follows once typing pauses.
      if (value.length <= LARGE_TEXT) analyseNow(value);
    });
    if (analysed.value !== value) {
      checking.value = true;
      clearTimeout(pending);
      pending = setTimeout(() => analyseNow(value), TYPING_PAUSE_MS);
    }
  }

  return {
    text,
    analysed,
    held,
    total,
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
      // A paste made while this loaded has already put the newer history in place.
      if (!recorded) history.value = h;
      hints.value = r;
      if (tab.state?.type === 'portal' && tab.state.accessPackageId) portal.value = tab.state;
      else if (text.value === '' && tab.url && findLinks(tab.url).length > 0)
        batch(() => {
          text.value = tab.url!;
          analyseNow(tab.url!);
        });
    },
    setText,
    /** Whether the verdict shown is behind the text (a large text being typed in). */
    checking,
    select(index: number) {
      selected.value = index;
    },
    /**
     * A paste: `value` is the whole text after it, `plain` what it put there, `pastedAnchors` its
     * HTML's links. With `textLater`, the box is given the text by the caller once the verdict is
     * on screen (laying out a megabyte in a text box takes the browser longer than finding its links).
     */
    async pasted(value: string, plain: string, pastedAnchors: Anchor[] = [], textLater = false) {
      const hold = value.length > HOLD_TEXT;
      // A held paste never reaches the box, later or not.
      const later = textLater && !hold;
      const before = text.value;
      batch(() => {
        held.value = hold ? value : null;
        if (hold) text.value = '';
        else if (!later) text.value = value;
        anchors.value = pastedAnchors;
        selected.value = null;
        analyseNow(value);
      });
      if (later)
        // After the frame that shows the verdict; unless the user typed meanwhile: their text wins.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => text.value === before && (text.value = value)),
        );
      // A paste is a check worth remembering, once: the link the popup opens on among those it
      // brought (not 200 entries for a thread that repeats one link). Typing is not remembered.
      const brought = mergeLinks(findLinks(plain), anchorLinks.value).filter(
        (l) => l.verdict !== 'invalid',
      );
      if (brought.length > 0) await record(mostConcerning(brought), 'checked');
    },
    /** Puts the held paste in the box after all, to edit it (each keystroke then costs the browser more). */
    editHeld() {
      const value = held.value;
      if (value === null) return;
      batch(() => {
        text.value = value;
        held.value = null;
      });
    },
    /** Lets go of the held paste: back to an empty box, as clearing it by hand would. */
    clearHeld: () => setText(''),
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
