import { asUser, route } from '@forge/api';
import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';
import type { Clock } from '../../domain/ports/clock';
import type { JiraPermissions } from '../../domain/ports/jiraPermissions';

const myPermissionsSchema = z.object({
  permissions: z.object({ ADMINISTER: z.object({ havePermission: z.boolean() }) }),
});

const CACHE_MS = 60_000;

/**
 * Gate 1 over Jira's `mypermissions` as the calling user, cached per account for a minute so a
 * screen's burst of resolver calls costs one request.
 */
export class JiraPermissionsAdapter implements JiraPermissions {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(private readonly clock: Clock) {}

  async isJiraAdmin(accountId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(accountId);
    if (cached && cached.until > now) return cached.admin;
    const response = await asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new DomainError('UPSTREAM_FAILED', `Jira permission check failed with HTTP ${response.status}.`);
    }
    const parsed = myPermissionsSchema.safeParse(await response.json());
    if (!parsed.success) throw new DomainError('UPSTREAM_FAILED', 'Jira permission check returned an unexpected body.');
    const admin = parsed.data.permissions.ADMINISTER.havePermission;
    this.cache.set(accountId, { admin, until: now + CACHE_MS });
    return admin;
  }
}
