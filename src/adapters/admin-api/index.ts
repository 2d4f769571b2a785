export { createAdminApiGateway, type AdminApiGateway } from './directoryGateway';
export { DEFAULT_BASE_URL, endpointClassOf, operations } from './config';
export type { AdminApiOptions, AttemptEvent, EndpointClass, FetchLike, FetchResponse, Operation } from './config';
export type { PaceSettings } from './rateLimiter';
