// The settings' shape and defaults, apart from their checks: the popup's first paint needs only these.
import type { KnownDirectory } from '../directory/known-directories';
import type { EmailLanguage } from '../email/languages';
import type { EmailTemplate } from '../email/template';
import type { GraphCloud } from '../graph/clouds';

/** The settings in effect: defaults, then the organisation's policy, then the user's own choices. */
export interface Settings {
  /** The admin's own directory hint, used to complete links they share ('' = none). */
  defaultHint: string;
  /**
   * Where the user's organisation lives: Graph and sign-in use it, and it says which My Access
   * host (`.com` or `.us`) the organisation's own links have. GCC (moderate) is 'global'.
   */
  graphCloud: GraphCloud;
  /** The My Access cloud of `graphCloud` (derived, never stored). */
  cloud: 'global' | 'usgov';
  /** How many checked or shared links the history keeps (0 = keep none). */
  historySize: number;
  /** The language of shared emails: the sender picks it (it need not be the UI language). */
  emailLanguage: EmailLanguage;
  /** False while nobody chose one: the email language then follows the interface language. */
  emailLanguageChosen: boolean;
  /** How partners know the sender's organisation, for the emails ('' = not said). */
  organization: string;
  /** The admin's own email templates per language; a language without one uses the default. */
  templates: Partial<Record<EmailLanguage, EmailTemplate>>;
  /** The client id of the admin's own app registration for Microsoft Graph ('' = Graph off). */
  graphClientId: string;
  /** The directory Graph sign-in goes to ('' = the directory hint, else the home directory). */
  graphTenant: string;
  /** Directories the organisation and the user trust; links to others get a warning. */
  knownDirectories: KnownDirectory[];
  /** Opt-in: check a link's directory with Microsoft's public OpenID discovery endpoint. */
  directoryCheck: boolean;
}

/** What a user (or a policy) can set: every setting but the derived ones. */
export type SettingValues = Omit<Settings, 'cloud' | 'emailLanguageChosen'>;
export type SettingKey = keyof SettingValues;
/** Some settings, each already validated. */
export type PartialSettings = Partial<SettingValues>;

export const MAX_HISTORY = 500;

export const DEFAULT_SETTINGS: Settings = {
  defaultHint: '',
  graphCloud: 'global',
  cloud: 'global',
  historySize: 50,
  emailLanguage: 'en',
  emailLanguageChosen: false,
  organization: '',
  templates: {},
  graphClientId: '',
  graphTenant: '',
  knownDirectories: [],
  directoryCheck: false,
};
