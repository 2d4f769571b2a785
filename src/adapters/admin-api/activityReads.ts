import type { ApiKeyChecks } from '../../domain/ports/apiKeyChecks';
import type { DirectoryReader } from '../../domain/ports/directoryReader';
import { collectPages } from './collect';
import type { AdminHttp } from './http';
import { toUserActivity } from './mappers';
import { path } from './request';
import { lastActivePageSchema, type LastActivePage } from './schemas';
import { apiKeyPageSchema } from './schemas.misc';

type ActivityReads = Pick<DirectoryReader, 'lastActiveDates'> & Pick<ApiKeyChecks, 'apiKeyExpiry'>;

/** The per-user last-active fallback and the API key's expiry. */
export const activityReads = (http: AdminHttp): ActivityReads => ({
  // Every page of the user's products; a failure (429 included) throws, it is never "no activity".
  lastActiveDates: async (orgId, accountId) => {
    const pages = await collectPages<LastActivePage>('lastActiveDates', async (cursor) => {
      const page = await http.json(
        {
          operation: 'lastActiveDates',
          method: 'GET',
          family: 'organizations',
          path: path`/v1/orgs/${orgId}/directory/users/${accountId}/last-active-dates`,
          query: { cursor: cursor ?? undefined },
        },
        lastActivePageSchema,
      );
      return { items: [page], next: page.links?.next ?? null };
    });
    return toUserActivity(accountId, pages);
  },

  // A key without the right to read keys gets 403 here: that is "unknown", not an error.
  apiKeyExpiry: async (orgId, label) => {
    const access = { forbidden: false };
    const keys = await collectPages('listApiKeys', async (cursor) => {
      const { status, body } = await http.send(
        {
          operation: 'listApiKeys',
          method: 'GET',
          family: 'api-access',
          path: path`/orgs/${orgId}/api-keys`,
          query: { keyType: 'CLOUD_ADMIN', pageSize: 100, cursor: cursor ?? undefined },
        },
        [403],
        apiKeyPageSchema,
      );
      if (status === 403) {
        access.forbidden = true;
        return { items: [], next: null };
      }
      const page = apiKeyPageSchema.parse(body);
      return { items: page.data, next: page.links?.next ?? null };
    });
    if (access.forbidden) return null;
    const matches = label === undefined ? keys : keys.filter((k) => k.label === label);
    return matches.length === 1 && matches[0] ? new Date(Date.parse(matches[0].expiresAt)) : null;
  },
});
