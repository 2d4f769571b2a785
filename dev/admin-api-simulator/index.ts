/**
 * Admin API simulator: the Atlassian Organizations, User management and API Access endpoints the app uses, over a
 * seeded organization, with rate limits, latency and fault injection. See README.md.
 */
export { AdminApiSimulator, type SimulatorOptions } from './server';
export { DEFAULT_KEYS, DEFAULT_KEY_OPTIONS, type KeyOptions } from './http/auth';
export { ENDPOINT_CLASSES, type EndpointClass } from './http/route';
export type { CounterSnapshot, EndpointCounter } from './counters';
export type { FaultKind, FaultRule } from './faults';
export type { LatencyOptions } from './latency';
export { DEFAULT_LIMIT_PER_MINUTE, PUBLISHED_LIMITS } from './rate-limit';
export { generateOrg, type OrgOptions } from './generator';
export { REGULAR_WITHIN_MS } from './timePassing';
export { SimulatorState, statusOf, type DirectoryEntry } from './state';
export type * from './model';
