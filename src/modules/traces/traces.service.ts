/**
 * The traces module's public API: the ONLY entry point for other modules (they never touch
 * the trace_* tables). Every function takes (db, actor, …), checks `traces.read` /
 * `traces.write` and the caller's region scope, and audits writes in their transaction.
 */
export {
  observe, OBSERVE_MAX_ITEMS,
  type EntityObservation, type EntityRef, type LinkObservation, type ObserveBatch, type ObserveResult, type ProvenanceInput, type Rejection,
} from './observe.service.js';
export { findEntity, getEntity, getLink, type DetailPaging, type EntityDetail, type EntitySummary, type LinkView, type Page, type TraceEntity, type TraceLink, type TraceProvenance } from './entity.service.js';
export { entitiesByIds, search, type SearchHit, type SearchQuery } from './search.service.js';
export { entitiesByType, type ByTypePage, type ByTypeQuery, type LinkedSource } from './list.service.js';
export { connectedComponent, HUB_DEGREE, neighbourhood, shortestPath, type Graph, type GraphEdge, type GraphNode, type PathResult, type TraverseOptions } from './graph.service.js';
export { createManualLink, setAttributes, tagEntity, type ManualLinkInput } from './manual.service.js';
export { canonicalize, ENTITY_TYPES, isEntityType, isLinkKind, LINK_KINDS, registerEntityType, registerLinkKind, type EntityTypeSpec, type RejectReason } from './types.js';
export { entityKey } from './store.js';
