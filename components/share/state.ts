import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import {
  composeUrl,
  outlookCloudFor,
  parseRecipients,
  type Channel,
} from '../../lib/email/channels';
import { composeEmail, type Email } from '../../lib/email/compose';
import { templateFor } from '../../lib/email/defaults';
import type { EmailLanguage } from '../../lib/email/languages';
import { termsText } from '../../lib/email/terms-text';
import type { Finding } from '../../lib/eligibility/rules';
import type { RequestTerms } from '../../lib/graph';
import { formatMessage, type Catalogue } from '../../lib/i18n/format-message';
import type { Settings } from '../../lib/settings/settings';

/** What the share panel needs from the world: whoever opens the panel hands it this, nothing more. */
export interface ShareEnv {
  /** The settings in effect; they may arrive after the panel opened. */
  settings: ReadonlySignal<Settings>;
  /** The messages of the language picked for the email (not necessarily the interface's). */
  catalogue(lang: EmailLanguage): Promise<Catalogue>;
  /** Puts the email on the clipboard as HTML and plain text; false when the browser refused. */
  copyRich(html: string, text: string): Promise<boolean>;
  /** Opens a compose URL (mailto: or web mail). */
  openCompose(url: string): Promise<void>;
  /** Records that the link was shared (the history). */
  shared(link: string): Promise<void>;
}

/** What is shared: the panel's inputs, which may change while it is open (Graph answers late). */
export interface ShareFacts {
  link: string;
  packageName: string | null;
  /** Errors that stop partners from requesting the package: shown before anything is sent. */
  blocking: readonly Finding[];
  terms?: RequestTerms | null;
}

/** A way to send: a compose channel, or the clipboard. */
export type ShareAction = Channel | 'copy';

export type ShareStatus = {
  key: 'shareCopied' | 'shareShortened' | 'shareTooLong' | 'shareFailed' | 'shareOpened';
  /** For 'shareOpened': the channel used. */
  channel?: Channel;
} | null;

/** The share panel's state: what the user typed and chose, and the outcome of the last action. */
export function createShareState(env: ShareEnv) {
  /** The language the user picked here; until then, the settings' email language. */
  const chosen = signal<EmailLanguage | null>(null);
  const lang = computed(() => chosen.value ?? env.settings.value.emailLanguage);
  const to = signal('');
  const note = signal('');
  const loaded = signal<{ lang: EmailLanguage; messages: Catalogue } | null>(null);
  // Ready only with the chosen language's messages, never the previous language's.
  const catalogue = computed(() =>
    loaded.value?.lang === lang.value ? loaded.value.messages : null,
  );
  const rejected = computed(() => parseRecipients(to.value).rejected);
  const status = signal<ShareStatus>(null);
  /** An action held back until the user confirms sending despite blocking findings. */
  const pending = signal<ShareAction | null>(null);
  let confirmed = false;

  function email(facts: ShareFacts): Email | null {
    const messages = catalogue.value;
    if (!messages) return null;
    const r = composeEmail(
      templateFor(env.settings.value, lang.value, messages),
      {
        link: facts.link,
        packageName: facts.packageName,
        organization: env.settings.value.organization,
        note: note.value,
        ...termsText(messages, lang.value, facts.terms),
      },
      formatMessage(messages, 'emailPackageFallback'),
    );
    return r.ok ? r.email : null;
  }

  async function copy(e: Email) {
    const ok = await env.copyRich(e.html, e.text);
    status.value = { key: ok ? 'shareCopied' : 'shareFailed' };
    return ok;
  }

  async function run(action: ShareAction, facts: ShareFacts) {
    const e = email(facts);
    if (!e) return void (status.value = { key: 'shareFailed' });
    if (action === 'copy') return void (await copy(e));
    const { link } = facts;
    const r = composeUrl(
      action,
      e,
      to.value,
      link,
      outlookCloudFor(link, env.settings.value.graphCloud),
    );
    if (!r.url) {
      // Too long even for the link alone: the whole email goes to the clipboard instead.
      if (await copy(e)) status.value = { key: 'shareTooLong' };
      return;
    }
    await env.openCompose(r.url);
    await env.shared(link);
    status.value = r.shortened
      ? { key: 'shareShortened' }
      : { key: 'shareOpened', channel: action };
  }

  return {
    lang,
    to,
    note,
    catalogue,
    rejected,
    status,
    pending,
    /** Loads the messages of the email's language whenever it changes; returns the stop function. */
    start(): () => void {
      return effect(() => {
        const want = lang.value;
        void env.catalogue(want).then(
          (messages) => {
            if (lang.peek() === want) loaded.value = { lang: want, messages };
          },
          () => {
            if (lang.peek() === want) status.value = { key: 'shareFailed' };
          },
        );
      });
    },
    setTo(value: string) {
      to.value = value;
    },
    setNote(value: string) {
      note.value = value;
    },
    chooseLanguage(value: EmailLanguage) {
      chosen.value = value;
    },
    /** Sends or copies; with blocking findings, only after one explicit confirmation. */
    async request(action: ShareAction, facts: ShareFacts) {
      if (facts.blocking.length > 0 && !confirmed) pending.value = action;
      else await run(action, facts);
    },
    /** The user confirmed: the held-back action goes ahead, and later ones need no confirmation. */
    async confirm(facts: ShareFacts) {
      const action = pending.value;
      pending.value = null;
      confirmed = true;
      if (action) await run(action, facts);
    },
    cancel() {
      pending.value = null;
    },
  };
}

export type ShareState = ReturnType<typeof createShareState>;
