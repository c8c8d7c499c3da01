import { batch, computed, signal } from '@preact/signals';
import { parseKnownDirectory } from '../../lib/directory/known-directories';
import type { HistoryEntry } from '../../lib/history/history';
import { NO_POLICY, type Policy } from '../../lib/settings/managed';
import {
  DEFAULT_SETTINGS,
  SETTING_PARSERS,
  type SettingKey,
  type Settings,
  type SettingsStore,
} from '../../lib/settings/settings';
import type { OptionsEnv } from './env';

/** Settings typed into a text field: their text is kept as typed, and saved once it is valid. */
export type TextSetting = 'defaultHint' | 'historySize' | 'graphClientId' | 'organization';

function parseText(key: TextSetting, text: string) {
  if (key === 'historySize')
    return /^\s*\d{1,3}\s*$/.test(text) ? SETTING_PARSERS.historySize(Number(text)) : undefined;
  return SETTING_PARSERS[key](text);
}

export type SaveStatus = 'idle' | 'saved' | 'failed' | 'invalid';

/**
 * The options page's state. Every change is saved as it happens (in order, one write at a time)
 * once every field is valid; while one is not, nothing is written and the page says so.
 */
export function createOptionsState(env: OptionsEnv) {
  const settings = signal<Settings>(DEFAULT_SETTINGS);
  const policy = signal<Policy>(NO_POLICY);
  const loaded = signal(false);
  /** Text as typed, for fields whose text differs from the saved value. */
  const drafts = signal<Partial<Record<TextSetting, string>>>({});
  const templatesOk = signal(true);
  const status = signal<SaveStatus>('idle');
  /** What "Clear history" removed, until the user undoes it or the page closes. */
  const cleared = signal<HistoryEntry[] | null>(null);
  const historyStatus = signal<'idle' | 'cleared' | 'restored'>('idle');
  const checkDenied = signal(false);
  /** The "add a known directory" fields, and why the last add did nothing. */
  const newDirectory = signal('');
  const newName = signal('');
  const addProblem = signal<'invalid' | 'duplicate' | null>(null);

  const invalid = computed(() =>
    (Object.entries(drafts.value) as [TextSetting, string][]).filter(
      ([key, text]) => parseText(key, text) === undefined,
    ),
  );
  const dirty = computed(() => invalid.value.length > 0 || !templatesOk.value);

  let queue: Promise<unknown> = Promise.resolve();
  function persist() {
    if (dirty.value) {
      status.value = 'invalid';
      return queue;
    }
    const snapshot = settings.value;
    queue = queue
      .then(() => env.save(snapshot))
      .then(
        () => void (status.value = 'saved'),
        () => void (status.value = 'failed'),
      );
    return queue;
  }

  const isLocked = (key: SettingKey) => policy.value.locked.includes(key);

  return {
    settings,
    policy,
    loaded,
    drafts,
    templatesOk,
    status,
    cleared,
    historyStatus,
    checkDenied,
    newDirectory,
    newName,
    addProblem,
    invalid,
    dirty,
    isLocked,
    async load() {
      const { settings: s, policy: p } = await env.load();
      batch(() => {
        settings.value = s;
        policy.value = p;
        loaded.value = true;
      });
    },
    /** The text a field shows: what the user typed, else the saved value. */
    text(key: TextSetting): string {
      return drafts.value[key] ?? String(settings.value[key]);
    },
    isValid(key: TextSetting): boolean {
      const text = drafts.value[key];
      return text === undefined || parseText(key, text) !== undefined;
    },
    /** A keystroke in a text field: kept as typed, saved as soon as it is valid. */
    type(key: TextSetting, text: string) {
      if (isLocked(key)) return queue;
      const value = parseText(key, text);
      batch(() => {
        drafts.value = { ...drafts.value, [key]: text };
        if (value !== undefined) settings.value = { ...settings.value, [key]: value };
      });
      return persist();
    },
    /** A choice (select, checkbox, list): applied and saved at once. */
    change(patch: Partial<Settings>) {
      const allowed = Object.fromEntries(
        Object.entries(patch).filter(([k]) => !isLocked(k as SettingKey)),
      );
      settings.value = { ...settings.value, ...allowed };
      return persist();
    },
    pickEmailLanguage(lang: Settings['emailLanguage']) {
      if (isLocked('emailLanguage')) return queue;
      settings.value = { ...settings.value, emailLanguage: lang, emailLanguageChosen: true };
      return persist();
    },
    editTemplates(templates: Settings['templates'], ok: boolean) {
      if (isLocked('templates')) return queue;
      batch(() => {
        settings.value = { ...settings.value, templates };
        templatesOk.value = ok;
      });
      return persist();
    },
    typeNewDirectory(text: string) {
      batch(() => {
        newDirectory.value = text;
        addProblem.value = null;
      });
    },
    typeNewName(text: string) {
      newName.value = text;
    },
    /** Adds the typed directory to the user's own list; says why when it cannot. */
    addKnownDirectory(): boolean {
      if (isLocked('knownDirectories')) return false;
      const entry = parseKnownDirectory(
        { directory: newDirectory.value, name: newName.value },
        'user',
      );
      const list = settings.value.knownDirectories;
      const problem = !entry
        ? 'invalid'
        : list.some((k) => k.directory === entry.directory)
          ? 'duplicate'
          : null;
      batch(() => {
        addProblem.value = problem;
        if (entry && !problem) {
          settings.value = { ...settings.value, knownDirectories: [...list, entry] };
          newDirectory.value = '';
          newName.value = '';
        }
      });
      if (problem) return false;
      void persist();
      return true;
    },
    removeKnownDirectory(directory: string) {
      settings.value = {
        ...settings.value,
        knownDirectories: settings.value.knownDirectories.filter(
          (k) => k.source === 'policy' || k.directory !== directory,
        ),
      };
      return persist();
    },
    /** Turning the check on asks for its host first (call it from the click); off needs nothing. */
    async setDirectoryCheck(on: boolean) {
      checkDenied.value = false;
      if (on && !(await env.requestCheckPermission())) {
        checkDenied.value = true;
        return;
      }
      settings.value = { ...settings.value, directoryCheck: on };
      await persist();
    },
    async clearHistory() {
      const entries = await env.clearHistory();
      batch(() => {
        cleared.value = entries;
        historyStatus.value = 'cleared';
      });
    },
    async undoClear() {
      const entries = cleared.value;
      if (!entries) return;
      await env.restoreHistory(entries);
      batch(() => {
        cleared.value = null;
        historyStatus.value = 'restored';
      });
    },
    /** After Graph sign-in filled the directory hint, show it as saved. */
    applied(patch: Partial<Settings>) {
      batch(() => {
        settings.value = { ...settings.value, ...patch };
        const next = { ...drafts.value };
        for (const key of Object.keys(patch)) delete next[key as TextSetting];
        drafts.value = next;
      });
    },
    /** Resolves when the last write is done. */
    flush: () => queue,
    /** The page's settings as a store, for the Graph section: its writes join the same queue. */
    store: {
      load: () => Promise.resolve(settings.value),
      async save(next: Settings) {
        settings.value = next;
        await persist();
      },
    } satisfies SettingsStore,
    env,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
