// Links back to the admin portal: the Entra admin center of the tenant's cloud, in the blade forms
// the portal content script recognises (lib/pages/portal-url.ts), so the popup knows them too.
import { LINK_CLOUDS, type LinkCloud } from '../hosts';
import { parseGuid } from '../link/guid';

/** The Microsoft Entra admin center of each cloud (its second admin host; the first is Azure's). */
const entra = (cloud: LinkCloud) => `https://${LINK_CLOUDS[cloud].admin[1]}`;
const ELM = '#view/Microsoft_Azure_ELMAdmin';

function guid(id: string): string {
  const g = parseGuid(id);
  if (!g.ok) throw new RangeError(`not a GUID: ${g.reason}`);
  return g.value;
}

/** The package's overview in the admin portal. */
export function packagePortalUrl(cloud: LinkCloud, catalogId: string, packageId: string): string {
  const blade = `EntitlementMenuBlade/~/overview/entitlementId/${guid(packageId)}`;
  return `${entra(cloud)}/${ELM}/${blade}/catalogId/${guid(catalogId)}`;
}

/** The catalog's overview in the admin portal. */
export function catalogPortalUrl(cloud: LinkCloud, catalogId: string): string {
  return `${entra(cloud)}/${ELM}/CatalogMenuBlade/~/overview/catalogId/${guid(catalogId)}`;
}
