import { z } from 'zod';
import { defaultSettings } from '../../../src/domain/model/settings';
import { DomainError } from '../../../src/domain/model/errors';
import { guarded, type GuardDeps } from '../../../src/adapters/resolvers/guard';
import { appResolvers } from '../../../src/adapters/resolvers/appResolver';

const deps = (admins: string[], apiKeyConfigured: boolean, roles: string[] = []): GuardDeps => ({
  jira: { isJiraAdmin: (id) => Promise.resolve(admins.includes(id)) },
  accessContext: () => Promise.resolve({ apiKeyConfigured, settings: defaultSettings(), platformRoles: roles }),
});

describe('resolver guard', () => {
  const echo = (d: GuardDeps) =>
    guarded(d, 'app', z.object({ limit: z.number().int().min(1).max(100) }).strict(), ({ payload }) => Promise.resolve(payload.limit * 2));

  it('runs the use case for an allowed caller with a valid payload', async () => {
    const result = await echo(deps(['a'], true, ['atlassian/org-admin']))({ payload: { limit: 21 }, context: { accountId: 'a' } });
    expect(result).toEqual({ ok: true, data: 42 });
  });

  it('answers a refused caller with a translated error key and never runs the use case', async () => {
    const run = jest.fn();
    const resolver = guarded(deps([], true), 'app', z.object({}), run);
    const result = await resolver({ payload: {}, context: { accountId: 'x' } });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_JIRA_ADMIN', messageKey: 'errors.NOT_JIRA_ADMIN' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses a bad payload with the field that failed', async () => {
    const result = await echo(deps(['a'], true, ['atlassian/org-admin']))({ payload: { limit: 0 }, context: { accountId: 'a' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.details).toEqual({ issues: [expect.objectContaining({ path: 'limit' })] });
    }
  });

  it('keeps the details of a domain error a page explains and hides unexpected ones', async () => {
    const d = deps(['a'], true, ['atlassian/org-admin']);
    const domain = guarded(d, 'app', z.object({}), () => Promise.reject(new DomainError('LOCK_HELD', 'busy', { lock: 'sync', reason: 'sync-running' })));
    expect(await domain({ payload: {}, context: { accountId: 'a' } })).toEqual({
      ok: false,
      error: { code: 'LOCK_HELD', messageKey: 'errors.LOCK_HELD', details: { reason: 'sync-running' } },
    });
    const crash = guarded(d, 'app', z.object({}), () => Promise.reject(new Error('secret token abc')));
    const result = await crash({ payload: {}, context: { accountId: 'a' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
  });

  it('app.bootstrap tells a Jira admin to configure a key first', async () => {
    const resolvers = appResolvers(deps(['a'], false));
    const result = await resolvers['app.bootstrap']!({ payload: {}, context: { accountId: 'a' } });
    expect(result).toEqual({ ok: true, data: { grant: { level: 'bootstrap' }, apiKeyConfigured: false } });
  });
});
