import { checkTemplate, type EmailTemplate } from '../email/template';
import { isClientId } from '../graph/auth';
import { isGraphCloud, type GraphCloud } from '../graph/clouds';
import { parseDirectoryHint } from '../link/hint';

export const EMAIL_LANGUAGES = ['en', 'fr', 'nl'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** The user's settings. Each field is validated on its own: one corrupt value never costs the others. */
export interface Settings {
  /** The admin's own directory hint, used to complete links they share ('' = none). */
  defaultHint: string;
  cloud: 'global' | 'usgov';
  /** How many checked or shared links the history keeps (0 = keep none). */
  historySize: number;
  /** The language of shared emails: the sender picks it (it need not be the UI language). */
  emailLanguage: EmailLanguage;
  /** How partners know the sender's organisation, for the emails ('' = not said). */
  organization: string;
  /** The admin's own email templates per language; a language without one uses the default. */
  templates: Partial<Record<EmailLanguage, EmailTemplate>>;
  /** The client id of the admin's own app registration for Microsoft Graph ('' = Graph off). */
  graphClientId: string;
  /** Where the admin's tenant lives, for Graph and sign-in (GCC moderate is 'global'). */
  graphCloud: GraphCloud;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultHint: '',
  cloud: 'global',
  historySize: 50,
  emailLanguage: 'en',
  organization: '',
  templates: {},
  graphClientId: '',
  graphCloud: 'global',
};
export const MAX_HISTORY = 500;

export function parseSettings(raw: unknown): Settings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const hint = typeof r.defaultHint === 'string' ? parseDirectoryHint(r.defaultHint) : undefined;
  const size =
    typeof r.historySize === 'number' && Number.isInteger(r.historySize) ? r.historySize : NaN;
  return {
    defaultHint: hint?.ok ? hint.value : DEFAULT_SETTINGS.defaultHint,
    cloud: r.cloud === 'global' || r.cloud === 'usgov' ? r.cloud : DEFAULT_SETTINGS.cloud,
    historySize: size >= 0 && size <= MAX_HISTORY ? size : DEFAULT_SETTINGS.historySize,
    emailLanguage: (EMAIL_LANGUAGES as readonly unknown[]).includes(r.emailLanguage)
      ? (r.emailLanguage as EmailLanguage)
      : DEFAULT_SETTINGS.emailLanguage,
    organization:
      typeof r.organization === 'string'
        ? r.organization
            .replace(/[\r\n\t]+/g, ' ')
            .trim()
            .slice(0, 200)
        : DEFAULT_SETTINGS.organization,
    templates: parseTemplates(r.templates),
    graphClientId:
      typeof r.graphClientId === 'string' && isClientId(r.graphClientId.trim())
        ? r.graphClientId.trim().toLowerCase()
        : DEFAULT_SETTINGS.graphClientId,
    // A US Government admin without a Graph choice yet most likely sits in GCC High.
    graphCloud: isGraphCloud(r.graphCloud)
      ? r.graphCloud
      : r.cloud === 'usgov'
        ? 'usgov-high'
        : DEFAULT_SETTINGS.graphCloud,
  };
}

/** Stored templates, each kept only when it is well-formed (a broken one falls back to the default). */
function parseTemplates(raw: unknown): Settings['templates'] {
  const out: Settings['templates'] = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const lang of EMAIL_LANGUAGES) {
    const t = (raw as Record<string, unknown>)[lang] as Record<string, unknown> | undefined;
    if (typeof t?.subject !== 'string' || typeof t.body !== 'string') continue;
    const template = { subject: t.subject, body: t.body };
    if (checkTemplate(template).length === 0) out[lang] = template;
  }
  return out;
}

/**
 * Version 1 stored the hint and the cloud; 2 added history size and email language; 3 the
 * organisation and templates; 4 the Graph client id and cloud. Each step keeps what was there and fills the rest with defaults.
 */
export function migrateSettings(old: unknown): Settings {
  return parseSettings(old);
}

export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}
