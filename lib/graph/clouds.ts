// National clouds (DESIGN.md §6): where Graph and sign-in live, and which My Access host goes with them.

export const GRAPH_CLOUDS = ['global', 'usgov-high', 'usgov-dod'] as const;
export type GraphCloud = (typeof GRAPH_CLOUDS)[number];

export interface CloudHosts {
  graph: string;
  login: string;
  /** The cloud of the My Access links this tenant's packages have. */
  linkCloud: 'global' | 'usgov';
}

// GCC (moderate) tenants use the worldwide hosts: they pick 'global'.
const HOSTS: Record<GraphCloud, CloudHosts> = {
  global: {
    graph: 'https://graph.microsoft.com',
    login: 'https://login.microsoftonline.com',
    linkCloud: 'global',
  },
  'usgov-high': {
    graph: 'https://graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    linkCloud: 'usgov',
  },
  'usgov-dod': {
    graph: 'https://dod-graph.microsoft.us',
    login: 'https://login.microsoftonline.us',
    linkCloud: 'usgov',
  },
};

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

/** The one delegated permission, on this cloud's Graph resource; offline_access for the refresh token. */
export function graphScope(cloud: GraphCloud): string {
  return `${HOSTS[cloud].graph}/EntitlementManagement.Read.All offline_access`;
}
