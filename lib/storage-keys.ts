/**
 * Every extension-storage key, defined once. `lib/storage.ts` declares the typed items; the
 * content scripts and the background, which stay small and read raw storage, use these names.
 * docs/ARCHITECTURE.md ("Storage") says who writes each one and what it holds.
 */
export const STORAGE_KEYS = {
  /** local: the user's own settings (the policy and defaults are applied on load). */
  settings: 'settings',
  /** local: the links checked or shared. */
  history: 'history',
  /** local: directory hints the user confirmed, newest first. */
  recentHints: 'recentHints',
  /** local: links whose in-page notice was dismissed for good. */
  dismissedNotices: 'dismissedNotices',
  /** local: the admin's answers, per package id. */
  answers: 'answers',
  /** local: directory check results, per hint. */
  directoryChecks: 'directoryChecks',
  /** session: Graph tokens. */
  graphTokens: 'graphTokens',
} as const;

/** How many confirmed directory hints `recentHints` keeps (the popup and the notice both write it). */
export const RECENT_HINTS = 20;

/** session: what a tab's page reported (one key per tab, removed with the tab). */
export const tabStateKey = (tabId: number) => `tab:${tabId}`;
