/**
 * Jira/JSM simulator: a deterministic seeded Jira Cloud + Jira Service Management site serving the REST operations
 * the app reads (see README.md), for the local Forge runtime's product handler, tests and the bench.
 */
export { JiraSimulator, type JiraSimulatorOptions, type RecordedExchange } from './simulator';
export { serveJiraSimulator } from './server';
export { jiraProductHandler, type ProductRequestLike } from './productHandler';
export { expectedCustomers, expectedRoleMembers, type ExpectedCustomer, type ExpectedRoleMember } from './truth';
export { generateSite, type GroupInput, type PeopleInput, type PersonInput, type Range, type SiteOptions } from './generate';
export { JSM_MAX_PAGE } from './handlers/jsm';
export { OPERATIONS, type Operation, type SimRequest, type SimResponse } from './http/types';
export type { FaultOptions, ScriptedFault } from './http/faults';
export type { RateLimitOptions } from './http/rateLimit';
export type { LatencyOptions } from './http/latency';
export type { OperationCount } from './http/counters';
export type * from './model';
