import type { DirectoryGateway } from '../../domain/ports/directoryGateway';
import { activityReads } from './activityReads';
import type { AdminApiOptions } from './config';
import { directoryReads } from './directoryReads';
import { directoryWrites } from './directoryWrites';
import { AdminHttp } from './http';

/**
 * DirectoryGateway over the Atlassian Admin APIs (Organizations v1/v2, User management, API Access).
 * One instance shares its pacing, concurrency bound and key cache across all calls: build one per
 * invocation (or per job slice) and pass it to every use case of that invocation.
 */
export const createAdminApiGateway = (options: AdminApiOptions): DirectoryGateway => {
  const http = new AdminHttp(options);
  return { ...directoryReads(http), ...activityReads(http), ...directoryWrites(http) };
};
