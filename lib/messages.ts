// Typed runtime messages, validated on receipt: a message is data from another context, never trusted.

export type PageStatus = 'complete' | 'incomplete' | 'dangerous' | 'other';

/** From the My Access content script: what the page's own URL is worth. */
export interface MyAccessPageReport {
  type: 'my-access-page';
  status: PageStatus;
  canonical: string | null;
}

/** From the portal content script's top frame: what the URL says (the blade state lives there). */
export interface PortalPageReport {
  type: 'portal-page';
  accessPackageId: string | null;
  tenant: string | null;
  cloud: 'global' | 'usgov';
}

/** From whichever portal frame renders the overview: what the page shows. */
export interface PortalFactsReport {
  type: 'portal-facts';
  packageName: string | null;
  hidden: boolean | null;
  catalogName: string | null;
  link: string | null;
}

export type RuntimeMessage = MyAccessPageReport | PortalPageReport | PortalFactsReport;

const STATUSES: readonly string[] = ['complete', 'incomplete', 'dangerous', 'other'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isStringOrNull(v: unknown, max = 2048): v is string | null {
  return v === null || (typeof v === 'string' && v.length <= max);
}

/** The message, when it has exactly the shape of one we understand; otherwise undefined. */
export function parseRuntimeMessage(v: unknown): RuntimeMessage | undefined {
  if (!isRecord(v)) return undefined;
  switch (v.type) {
    case 'my-access-page':
      if (typeof v.status === 'string' && STATUSES.includes(v.status) && isStringOrNull(v.canonical)) {
        return { type: v.type, status: v.status as PageStatus, canonical: v.canonical };
      }
      return undefined;
    case 'portal-page':
      if (isStringOrNull(v.accessPackageId, 64) && isStringOrNull(v.tenant, 256) && (v.cloud === 'global' || v.cloud === 'usgov')) {
        return { type: v.type, accessPackageId: v.accessPackageId, tenant: v.tenant, cloud: v.cloud };
      }
      return undefined;
    case 'portal-facts':
      if (isStringOrNull(v.packageName, 512) && isStringOrNull(v.catalogName, 512) && isStringOrNull(v.link) && (v.hidden === null || typeof v.hidden === 'boolean')) {
        return { type: v.type, packageName: v.packageName, hidden: v.hidden, catalogName: v.catalogName, link: v.link };
      }
      return undefined;
    default:
      return undefined;
  }
}
