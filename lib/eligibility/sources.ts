// Where each eligibility rule comes from: the Microsoft Learn page that states it. Learn serves
// these locale-free addresses in the reader's own language.
import type { FindingCode } from './rules';

const LEARN = 'https://learn.microsoft.com/entra';

export const LEARN_PAGES = {
  /** "Change the Hidden setting": Hidden = Yes means not listed in My Access; the link still works. */
  hide: `${LEARN}/id-governance/entitlement-management-access-package-edit`,
  /** The catalog's "Enabled" and "Enabled for external users" settings. */
  catalog: `${LEARN}/id-governance/entitlement-management-catalog-create`,
  /** Who can request: users in / not in your directory, connected organisations, self-requests. */
  requestPolicy: `${LEARN}/id-governance/entitlement-management-access-package-request-policy`,
  /** Connected organisations: an Entra tenant, a federated or email domain; configured vs proposed. */
  organizations: `${LEARN}/id-governance/entitlement-management-organization`,
  /** The link format, and myaccess.microsoft.us for US Government. */
  shareLink: `${LEARN}/id-governance/entitlement-management-access-package-settings`,
  /**
   * External users: B2B lists (they block the invitation; guests already in the directory are
   * not affected), Conditional Access and the Entitlement Management app, blocked guests.
   */
  externalUsers: `${LEARN}/id-governance/entitlement-management-external-users`,
  oneTimePasscode: `${LEARN}/external-id/one-time-passcode`,
  allowBlockList: `${LEARN}/external-id/allow-deny-list`,
  crossTenantAccess: `${LEARN}/external-id/cross-tenant-access-overview`,
  crossCloud: `${LEARN}/external-id/cross-cloud-settings`,
} as const;

/** The page each finding rests on. Every finding has one: a rule without a source is not stated. */
export const FINDING_SOURCES: Record<FindingCode, string> = {
  hidden: LEARN_PAGES.hide,
  'hidden-unchecked': LEARN_PAGES.hide,
  'catalog-not-external': LEARN_PAGES.catalog,
  'catalog-external-unchecked': LEARN_PAGES.catalog,
  'catalog-disabled': LEARN_PAGES.catalog,
  'catalog-enabled-unchecked': LEARN_PAGES.catalog,
  'no-external-policy': LEARN_PAGES.requestPolicy,
  'policies-unchecked': LEARN_PAGES.requestPolicy,
  'policy-specific-organizations': LEARN_PAGES.requestPolicy,
  'policy-no-self-request': LEARN_PAGES.requestPolicy,
  'organizations-unchecked': LEARN_PAGES.organizations,
  'partner-covered': LEARN_PAGES.organizations,
  'partner-not-covered': LEARN_PAGES.organizations,
  'partner-unverified': LEARN_PAGES.organizations,
  'partner-unchecked': LEARN_PAGES.organizations,
  'cloud-mismatch': LEARN_PAGES.shareLink,
  'reminder-email-otp': LEARN_PAGES.oneTimePasscode,
  // The allow/deny list page does not say when the list applies; this one does (at invitation).
  'reminder-b2b-lists': LEARN_PAGES.externalUsers,
  'reminder-cross-tenant-access': LEARN_PAGES.crossTenantAccess,
  'reminder-cross-cloud': LEARN_PAGES.crossCloud,
  'reminder-conditional-access': LEARN_PAGES.externalUsers,
  'reminder-blocked-guests': LEARN_PAGES.externalUsers,
};
