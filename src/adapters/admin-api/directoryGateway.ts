import type { ApiKeyChecks } from '../../domain/ports/apiKeyChecks';
import type { DirectoryActions } from '../../domain/ports/directoryActions';
import type { DirectoryReader } from '../../domain/ports/directoryReader';
import { activityReads } from './activityReads';
import type { AdminApiOptions } from './config';
import { directoryReads } from './directoryReads';
import { directoryWrites } from './directoryWrites';
import { AdminHttp } from './http';

/** The three Admin API ports in one object: the sync's reads, the actions' writes, the key checks. */
export type AdminApiGateway = DirectoryReader & DirectoryActions & ApiKeyChecks;

/**
 * The Admin API ports over the Atlassian Admin APIs (Organizations v1/v2, User management, API Access).
 * One instance shares its pacing, concurrency bound and key cache across all calls: build one per
 * invocation (or per job slice) and hand each use case the port it needs.
 */
export const createAdminApiGateway = (options: AdminApiOptions): AdminApiGateway => {
  const http = new AdminHttp(options);
  return { ...directoryReads(http), ...activityReads(http), ...directoryWrites(http) };
};
