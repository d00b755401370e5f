/** Crypto Trace tracing engine: compact graph, reachability, taint models, clustering. */
export * from './codes.js';
export * from './csr.js';
export * from './reach.js';
export * from './taint.js';
export * from './explain.js';
export * from './cluster.js';
