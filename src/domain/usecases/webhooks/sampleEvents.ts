import type { WebhookEvent, WebhookTrigger } from '../../model/webhooks';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The example event a "Send test" delivers for each trigger: the real shape with made-up values (and `test: true` in
 * the payload), so an admin can build and try the rule before the real event happens. `key` makes each test its own.
 */
export const sampleEvent = (trigger: WebhookTrigger, key: string, now: Date): WebhookEvent => {
  const task = { id: 'example-task', name: 'Example task', action: 'deactivate' };
  switch (trigger) {
    case 'api-key-expiring':
      return { trigger, key, apiKey: { name: 'Example key', expiresAt: new Date(now.getTime() + 7 * DAY_MS), daysLeft: 7, expirySource: 'api' } };
    case 'task-succeeded':
    case 'task-failed':
      return {
        trigger,
        key,
        task,
        run: { id: 'example-run', succeeded: 3, failed: trigger === 'task-failed' ? 1 : 0, skipped: 1, failureCode: trigger === 'task-failed' ? 'UPSTREAM_FAILED' : null },
      };
    case 'users-to-be-changed':
      return {
        trigger,
        key,
        task,
        actionDate: new Date(now.getTime() + 14 * DAY_MS),
        users: [{ accountId: 'example-account-id', name: 'Example User', email: 'example.user@example.com', lastActiveAt: new Date(now.getTime() - 120 * DAY_MS) }],
      };
    default:
      return { trigger: 'sync-failed', key, run: { id: 'example-run', trigger: 'schedule', startedAt: now, failureCode: 'UPSTREAM_FAILED' } };
  }
};
