// Microsoft Graph, optional: national clouds, PKCE sign-in, a small client, facts.
export {
  ALL_GRAPH_ORIGINS,
  GRAPH_CLOUDS,
  cloudHosts,
  cloudOrigins,
  isGraphCloud,
  type GraphCloud,
} from './clouds';
export { isClientId, parseTokenSet, sessionEndsAt, type SignInConfig, type TokenSet } from './auth';
export { createGraphClient, type GraphClient } from './client';
export { directoryHintOf, graphPackage, type GraphPackage, type RequestTerms } from './facts';
export { GraphProblem, asGraphProblem, type GraphProblemCode } from './problems';
export { createGraphSession, type GraphSession } from './session';
export { readPackage } from './read-package';
