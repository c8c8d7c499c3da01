// One table row per access package: what Graph says, judged by the same rules as the popup.
import { eligibilityFindings, type Finding, type FindingCode } from '../eligibility/rules';
import type { CatalogInfo } from '../graph/catalog-read';
import { cloudHosts, type GraphCloud } from '../graph/clouds';
import { graphPackage } from '../graph/facts';
import { LINK_CLOUDS } from '../hosts';
import { buildLink } from '../link/build';
import { parseGuid } from '../link/guid';
import { parseDirectoryHint } from '../link/hint';
import { packagePortalUrl } from './portal-links';

type Json = Record<string, unknown>;

export interface CatalogRow {
  id: string;
  name: string;
  catalogId: string;
  catalogName: string;
  /** null when Graph did not say. */
  hidden: boolean | null;
  /** The complete My Access link; null while the directory hint is unknown. */
  link: string | null;
  portalUrl: string;
  /** What the popup would show for it, errors first. */
  findings: Finding[];
  /** The findings worth a line in a table: errors and warnings, then which organisations. */
  summary: Finding[];
  /** An error finding: partners cannot request the package as it is. */
  blocked: boolean;
}

/** Findings that are the same for every package (reminders) or have their own column (hidden). */
const silent = (code: FindingCode) =>
  code.startsWith('reminder-') || code === 'hidden' || code === 'hidden-unchecked';

export function catalogRow(
  pkg: Json,
  catalog: CatalogInfo,
  organizations: Json[] | undefined,
  cloud: GraphCloud,
  directoryHint: string | null,
): CatalogRow | null {
  const id = typeof pkg.id === 'string' ? parseGuid(pkg.id) : null;
  if (!id?.ok) return null;
  // The catalog's facts come from the catalog listing, as `$expand=catalog` would give them.
  const withCatalog: Json = {
    ...pkg,
    catalog: {
      displayName: catalog.name,
      ...(catalog.state !== null ? { state: catalog.state } : {}),
      ...(catalog.external !== null ? { isExternallyVisible: catalog.external } : {}),
    },
  };
  const { facts, packageName } = graphPackage(withCatalog, organizations, cloud);
  const findings = eligibilityFindings(facts);
  const hint = directoryHint && parseDirectoryHint(directoryHint).ok ? directoryHint : null;
  const linkCloud = cloudHosts(cloud).linkCloud;
  return {
    id: id.value,
    name: packageName ?? id.value,
    catalogId: catalog.id,
    catalogName: catalog.name,
    hidden: facts.hidden?.value ?? null,
    link: hint
      ? buildLink({
          host: LINK_CLOUDS[linkCloud].myAccess,
          directoryHint: hint,
          accessPackageId: id.value,
        })
      : null,
    portalUrl: packagePortalUrl(linkCloud, catalog.id, id.value),
    findings,
    summary: findings.filter(
      (f) =>
        !silent(f.code) && (f.severity !== 'info' || f.code === 'policy-specific-organizations'),
    ),
    blocked: findings.some((f) => f.severity === 'error'),
  };
}
