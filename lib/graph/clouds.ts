// National clouds: where Graph and sign-in live, and which My Access host goes with them.

import { GRAPH_CLOUD_HOSTS } from '../hosts';

export const GRAPH_CLOUDS = Object.keys(GRAPH_CLOUD_HOSTS) as (keyof typeof GRAPH_CLOUD_HOSTS)[];
export type GraphCloud = (typeof GRAPH_CLOUDS)[number];

export interface CloudHosts {
  graph: string;
  login: string;
  /** The cloud of the My Access links this tenant's packages have. */
  linkCloud: 'global' | 'usgov';
}

// GCC (moderate) tenants pick 'global' (worldwide hosts, inferred: see lib/hosts, which owns them).
const HOSTS = Object.fromEntries(
  GRAPH_CLOUDS.map((c) => {
    const h = GRAPH_CLOUD_HOSTS[c];
    return [
      c,
      { graph: `https://${h.graph}`, login: `https://${h.login}`, linkCloud: h.linkCloud },
    ];
  }),
) as Record<GraphCloud, CloudHosts>;

export function cloudHosts(cloud: GraphCloud): CloudHosts {
  return HOSTS[cloud];
}

export function isGraphCloud(v: unknown): v is GraphCloud {
  return (GRAPH_CLOUDS as readonly unknown[]).includes(v);
}

/** The host permissions sign-in asks for: this cloud's Graph and sign-in hosts, nothing else. */
export function cloudOrigins(cloud: GraphCloud): string[] {
  const h = HOSTS[cloud];
  return [`${h.login}/*`, `${h.graph}/*`];
}

/** Every origin the manifest may ever ask for (optional host permissions). */
export const ALL_GRAPH_ORIGINS = [...new Set(GRAPH_CLOUDS.flatMap(cloudOrigins))];

/**
 * The delegated permissions, on this cloud's Graph resource: EntitlementManagement.Read.All (which
 * always needs an administrator's consent) to read packages, User.Read to read the organisation's
 * domains for the directory hint; offline_access for the refresh token.
 */
export function graphScope(cloud: GraphCloud): string {
  const g = HOSTS[cloud].graph;
  return `${g}/EntitlementManagement.Read.All ${g}/User.Read offline_access`;
}
