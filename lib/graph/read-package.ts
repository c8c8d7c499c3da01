import type { GraphClient } from './client';
import type { GraphCloud } from './clouds';
import { graphPackage, type GraphPackage } from './facts';
import { GraphProblem } from './problems';

/**
 * Everything Graph says about one package. Connected organisations are read alongside; an
 * admin whose role cannot list them still gets the package's facts (organisations unchecked).
 */
export async function readPackage(
  client: GraphClient,
  id: string,
  cloud: GraphCloud,
): Promise<GraphPackage> {
  const [pkg, orgs] = await Promise.all([
    client.accessPackage(id),
    client.connectedOrganizations().catch((e: unknown) => {
      if (e instanceof GraphProblem && (e.code === 'forbidden' || e.code === 'bad-request'))
        return undefined;
      throw e;
    }),
  ]);
  return graphPackage(pkg, orgs, cloud);
}
