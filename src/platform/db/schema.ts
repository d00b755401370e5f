/**
 * Every table of the platform, gathered for drizzle (typed queries) and drizzle-kit
 * (migrations). A new module adds one line here.
 */
export * from '../auth/schema.js';
export * from '../audit/schema.js';
export * from '../../modules/evidence/schema.js';
export * from '../../modules/traces/schema.js';
export * from '../../modules/rating/schema.js';
export * from '../../modules/situation/schema.js';
export * from '../../modules/plan/schema.js';
export * from '../../modules/monitor/schema.js';
export * from '../../modules/monitor/sources/schema.js';
export * from '../../modules/monitor/requests/schema.js';
export * from '../../modules/monitor/rechecks/schema.js';
export * from '../../modules/monitor/mirrors/schema.js';
export * from '../../modules/monitor/shops/schema.js';
export * from '../../modules/monitor/review/schema.js';
export * from '../../modules/finance/tags/schema.js';
export * from '../../modules/finance/droppers/schema.js';
export * from '../../modules/finance/store/schema.js';
