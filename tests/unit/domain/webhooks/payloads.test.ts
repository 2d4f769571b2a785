import type { NoticeUser } from '../../../../src/domain/model/webhooks';
import { buildPayloads, USERS_PER_PART } from '../../../../src/domain/usecases/webhooks/payloads';
import { sampleEvent } from '../../../../src/domain/usecases/webhooks/sampleEvents';
import { webhookTriggers } from '../../../../src/domain/model/webhooks';

const context = {
  organization: { id: 'org-1', name: 'Acme' },
  appUrl: 'https://acme.atlassian.net/jira/settings/apps/app/env',
  occurredAt: new Date('2025-06-15T10:00:00Z'),
  test: false,
};
const users = (n: number): NoticeUser[] =>
  Array.from({ length: n }, (_, i) => ({ accountId: `acc-${String(i)}`, name: `User ${String(i)}`, email: `u${String(i)}@acme.com`, lastActiveAt: null }));
const parse = (bodies: string[]): Record<string, unknown>[] => bodies.map((b) => JSON.parse(b) as Record<string, unknown>);

describe('webhook payloads (docs/webhooks.md)', () => {
  it.each(webhookTriggers)('%s carries the common fields and an English summary', (trigger) => {
    const [body] = parse(buildPayloads(sampleEvent(trigger, 'evt-1', context.occurredAt), context, (p) => `d-${String(p)}`));
    expect(body).toMatchObject({
      schemaVersion: 1,
      trigger,
      test: false,
      eventId: 'evt-1',
      deliveryId: 'd-1',
      occurredAt: '2025-06-15T10:00:00.000Z',
      organization: { id: 'org-1', name: 'Acme' },
      appUrl: context.appUrl,
      part: 1,
      parts: 1,
    });
    expect(body?.summary).toEqual(expect.any(String));
  });

  it('names the key and its expiry, never the key itself', () => {
    const event = sampleEvent('api-key-expiring', 'k', context.occurredAt);
    const [body] = parse(buildPayloads(event, context, () => 'd'));
    expect(body?.apiKey).toEqual({ name: 'Example key', expiresAt: '2025-06-22T10:00:00.000Z', daysLeft: 7, expirySource: 'api' });
    expect(JSON.stringify(body)).not.toContain('lastFour');
    expect(body?.summary).toBe('The organization API key "Example key" of Acme expires on 2025-06-22 (7 days left).');
  });

  it('carries a task outcome with its counts and failure code', () => {
    const [body] = parse(buildPayloads(sampleEvent('task-failed', 'k', context.occurredAt), context, () => 'd'));
    expect(body).toMatchObject({
      task: { id: 'example-task', name: 'Example task', action: 'deactivate' },
      run: { id: 'example-run', succeeded: 3, failed: 1, skipped: 1, failureCode: 'UPSTREAM_FAILED' },
      summary: 'Task "Example task" failed (UPSTREAM_FAILED): 3 changed, 1 failed, 1 skipped.',
    });
  });

  it(`splits a long user list into parts of ${String(USERS_PER_PART)}, every user once, each with the date of the change`, () => {
    const event = { trigger: 'users-to-be-changed' as const, key: 'n', task: { id: 't', name: 'Cleanup', action: 'deactivate' }, actionDate: new Date('2025-07-01T00:00:00Z'), users: users(250) };
    const bodies = parse(buildPayloads(event, context, (p) => `d-${String(p)}`));
    expect(bodies.map((b) => [b.part, b.parts, (b.users as unknown[]).length, b.deliveryId])).toEqual([
      [1, 3, 100, 'd-1'],
      [2, 3, 100, 'd-2'],
      [3, 3, 50, 'd-3'],
    ]);
    const all = bodies.flatMap((b) => b.users as { accountId: string; changeDate: string }[]);
    expect(new Set(all.map((u) => u.accountId)).size).toBe(250);
    expect(all.every((u) => u.changeDate === '2025-07-01')).toBe(true);
    expect(bodies[0]).toMatchObject({ userCount: 250, actionDate: '2025-07-01', summary: 'Task "Cleanup" will deactivate 250 users on 2025-07-01. (part 1 of 3)' });
    expect(bodies[0]?.users).toContainEqual({ accountId: 'acc-0', name: 'User 0', email: 'u0@acme.com', lastActiveAt: null, changeDate: '2025-07-01' });
  });

  it('sends one part with an empty list when no user is announced', () => {
    const event = { trigger: 'users-to-be-changed' as const, key: 'n', task: { id: 't', name: 'T', action: 'deactivate' }, actionDate: new Date(), users: [] };
    expect(parse(buildPayloads(event, context, () => 'd'))).toEqual([expect.objectContaining({ part: 1, parts: 1, users: [] })]);
  });
});
