import { secretProblem, urlProblem } from '../../../../src/domain/policy/webhookTarget';
import { addTarget, removeTarget } from '../../../../src/domain/usecases/webhooks/manageTargets';
import { SECRET, URL_A, URL_B, webhookWorld } from './webhookWorld';

const admin = { kind: 'admin' as const, accountId: 'admin-1' };
const path = '/automation/webhooks/jira/a/57f62d85-1b6e-4a44-af5e-0927141b6746/019e4453-d451-7d8f-9462-0dfdd31b50c4';

describe('Automation webhook URLs and secrets (S7)', () => {
  it('accepts only the incoming-webhook URL form of Atlassian Automation', () => {
    expect(urlProblem(URL_A)).toBeNull();
    expect(urlProblem(`  ${URL_A}  `)).toBeNull();
    expect(urlProblem(`https://API-PRIVATE.atlassian.com${path.replace('/jira/', '/confluence/')}`)).toBeNull();
  });

  it.each([
    ['', 'url-invalid'],
    ['not a url', 'url-invalid'],
    [`https://api-private.atlassian.com${path}${'x'.repeat(500)}`, 'url-invalid'],
    [`http://api-private.atlassian.com${path}`, 'url-not-https'],
    [`ftp://api-private.atlassian.com${path}`, 'url-not-https'],
    [`https://user:pass@api-private.atlassian.com${path}`, 'url-credentials'],
    [`https://token@api-private.atlassian.com${path}`, 'url-credentials'],
    [`https://api.atlassian.com${path}`, 'url-wrong-host'],
    [`https://api-private.atlassian.com.evil.example${path}`, 'url-wrong-host'],
    [`https://evil.example/?u=api-private.atlassian.com${path}`, 'url-wrong-host'],
    [`https://api-private.atlassian.com:8443${path}`, 'url-wrong-host'],
    [`https://automation.atlassian.com/pro/hooks/${'a'.repeat(40)}`, 'url-wrong-host'],
    [`https://api-private.atlassian.com${path}/${'b'.repeat(40)}`, 'url-secret-in-url'],
    [`https://api-private.atlassian.com${path}?token=${'b'.repeat(40)}`, 'url-secret-in-url'],
    [`https://api-private.atlassian.com${path}#secret`, 'url-secret-in-url'],
    [`https://api-private.atlassian.com${path}?`, 'url-secret-in-url'],
    [`https://api-private.atlassian.com${path}#`, 'url-secret-in-url'],
    ['https://api-private.atlassian.com/automation/webhooks/jira/a/not-a-uuid/019e4453-d451-7d8f-9462-0dfdd31b50c4', 'url-not-webhook'],
    ['https://api-private.atlassian.com/graphql', 'url-not-webhook'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(urlProblem(url)).toBe(reason);
  });

  it.each([
    ['', 'secret-empty'],
    ['   ', 'secret-empty'],
    ['a'.repeat(257), 'secret-too-long'],
    ['abcd', 'secret-too-short'],
    ['a'.repeat(15), 'secret-too-short'],
    ['has space inside', 'secret-malformed'],
    ['line\nbreak', 'secret-malformed'],
    ['ünicode', 'secret-malformed'],
  ])('refuses the secret %j (%s)', (secret, reason) => {
    expect(secretProblem(secret)).toBe(reason);
  });

  it('accepts a 40-hex secret and one of 256 characters', () => {
    expect(secretProblem(SECRET)).toBeNull();
    expect(secretProblem('a'.repeat(256))).toBeNull();
  });
});

describe('adding and removing targets', () => {
  it('stores nothing for a refused URL or secret, and says why as a translation key', async () => {
    const { deps } = webhookWorld();
    await expect(addTarget({ trigger: 'sync-failed', url: 'http://api-private.atlassian.com/x', secret: SECRET, appUrl: null }, admin, deps)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ path: 'url', messageKey: 'webhooks.reasons.url-not-https' }] },
    });
    await expect(addTarget({ trigger: 'sync-failed', url: URL_A, secret: '', appUrl: null }, admin, deps)).rejects.toMatchObject({
      details: { issues: [{ path: 'secret', messageKey: 'webhooks.reasons.secret-empty' }] },
    });
    expect((await deps.targets.load()).targets).toEqual([]);
    expect(deps.audit.list).toEqual([]);
  });

  it('keeps the secret out of the target, its audit entry and what comes back; at most 3 per trigger, no duplicate', async () => {
    const { deps, targets } = webhookWorld();
    const config = await addTarget({ trigger: 'task-failed', url: URL_A, secret: SECRET, appUrl: 'https://acme.atlassian.net/jira/settings/apps/x/y' }, admin, deps);
    expect(config.targets).toEqual([expect.objectContaining({ trigger: 'task-failed', url: URL_A, secretLastFour: 'ddcc' })]);
    expect(config.appUrl).toBe('https://acme.atlassian.net/jira/settings/apps/x/y');
    expect(targets.secrets.get(config.targets[0]?.id ?? '')).toBe(SECRET);
    expect(JSON.stringify(config)).not.toContain(SECRET.slice(0, 12));
    expect(JSON.stringify(deps.audit.list)).not.toContain(SECRET.slice(0, 12));
    expect(deps.audit.list.map((e) => e.action)).toEqual(['webhook.target-add']);
    await expect(addTarget({ trigger: 'task-failed', url: URL_A, secret: SECRET, appUrl: null }, admin, deps)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addTarget({ trigger: 'task-failed', url: URL_A.toUpperCase().replace('HTTPS://API-PRIVATE', 'https://api-private'), secret: SECRET, appUrl: null }, admin, deps)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'duplicate-target' },
    });
    await addTarget({ trigger: 'task-failed', url: URL_B, secret: SECRET, appUrl: null }, admin, deps);
    await addTarget({ trigger: 'task-failed', url: URL_B.replace('c5', 'c6'), secret: SECRET, appUrl: null }, admin, deps);
    await expect(addTarget({ trigger: 'task-failed', url: URL_B.replace('c5', 'c7'), secret: SECRET, appUrl: null }, admin, deps)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'too-many-targets' },
    });
    await addTarget({ trigger: 'task-succeeded', url: URL_A, secret: SECRET, appUrl: null }, admin, deps);
    const id = config.targets[0]?.id ?? '';
    expect((await removeTarget(id, admin, deps)).targets).toHaveLength(3);
    expect(targets.secrets.has(id)).toBe(false);
    await expect(removeTarget(id, admin, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('two changes of the targets at once', () => {
  it('saves nothing while another change holds the targets, and says so (LOCK_HELD)', async () => {
    const { deps } = webhookWorld();
    const first = await addTarget({ trigger: 'task-failed', url: URL_A, secret: SECRET, appUrl: null }, admin, deps);
    deps.lock.hold('webhook-targets', 'other-admin');
    await expect(addTarget({ trigger: 'task-failed', url: URL_B, secret: SECRET, appUrl: null }, admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
    await expect(removeTarget(first.targets[0]?.id ?? '', admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
    expect((await deps.targets.load()).targets.map((t) => t.url)).toEqual([URL_A]);
    expect(deps.audit.list).toHaveLength(1);
  });

  it('never ends with more than 3 targets of a trigger nor loses one that was confirmed, however adds interleave', async () => {
    const { deps } = webhookWorld();
    const urls = [0, 1, 2, 3, 4, 5].map((n) => URL_B.replace(/c5$/, `d${String(n)}`));
    const results = await Promise.allSettled(urls.map((url) => addTarget({ trigger: 'sync-failed', url, secret: SECRET, appUrl: null }, admin, deps)));
    const added = urls.filter((_, i) => results[i]?.status === 'fulfilled');
    const stored = (await deps.targets.load()).targets.map((t) => t.url);
    expect(stored.length).toBeLessThanOrEqual(3);
    expect([...stored].sort()).toEqual([...added].sort());
    expect(deps.lock.isHeld('webhook-targets')).toBe(false);
  });
});
