// The link engine's public face: views and content scripts import from here, never from its steps.
// How the steps fit together: docs/link-engine.md.
export { analyzeLink, BY_CONCERN, mostConcerning, mostConcerningIndex } from './analyze';
export { buildLink, repairLink, type LinkParts } from './build';
export { findLinks, findLinksInAnchors, MAX_TEXT } from './find';
export type { Anchor } from './markup';
export { isOfficialHost } from './result';
export { analyzeOfficialUrl } from './official';
export { parseGuid, isGuid } from './guid';
export { parseDirectoryHint } from './hint';
export { WRAPPER_FAMILIES, type WrapperFamily } from './wrappers';
export * from './types';
