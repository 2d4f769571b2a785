import { PAYLOAD_SCHEMA_VERSION, type NoticeUser, type WebhookEvent } from '../../model/webhooks';

/**
 * Users per delivery of a `users-to-be-changed` notice: a longer list is split into parts of at most this many
 * (docs/webhooks.md). 100 is what one Automation "For each" branch over `{{webhookData.users}}` handles, and keeps a
 * part near 25 KB.
 */
export const USERS_PER_PART = 100;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** What every payload carries besides the event's own fields. */
export interface PayloadContext {
  organization: { id: string; name: string } | null;
  appUrl: string | null;
  occurredAt: Date;
  test: boolean;
}

const day = (at: Date): string => at.toISOString().slice(0, 10);
const iso = (at: Date | null): string | null => (at === null ? null : at.toISOString());

const userJson = (user: NoticeUser, changeDate: Date): Json => ({
  accountId: user.accountId,
  name: user.name,
  email: user.email,
  lastActiveAt: iso(user.lastActiveAt),
  changeDate: day(changeDate),
});

/** The trigger's own fields and its English summary (codes stay language-neutral). */
const eventFields = (event: WebhookEvent, orgName: string): { summary: string; fields: { [key: string]: Json } } => {
  switch (event.trigger) {
    case 'api-key-expiring': {
      const { apiKey } = event;
      const name = apiKey.name === null ? 'The organization API key' : `The organization API key "${apiKey.name}"`;
      return {
        summary: `${name} of ${orgName} expires on ${day(apiKey.expiresAt)} (${String(apiKey.daysLeft)} days left).`,
        fields: { apiKey: { name: apiKey.name, expiresAt: apiKey.expiresAt.toISOString(), daysLeft: apiKey.daysLeft, expirySource: apiKey.expirySource } },
      };
    }
    case 'task-succeeded':
    case 'task-failed': {
      const { task, run } = event;
      const counts = `${String(run.succeeded)} changed, ${String(run.failed)} failed, ${String(run.skipped)} skipped`;
      const verb = event.trigger === 'task-succeeded' ? 'succeeded' : `failed (${run.failureCode ?? 'FAILED'})`;
      return { summary: `Task "${task.name}" ${verb}: ${counts}.`, fields: { task: { ...task }, run: { ...run } } };
    }
    case 'users-to-be-changed':
      return {
        summary: `Task "${event.task.name}" will ${event.task.action} ${String(event.users.length)} users on ${day(event.actionDate)}.`,
        fields: { task: { ...event.task }, actionDate: day(event.actionDate), userCount: event.users.length },
      };
    default:
      return {
        summary: `The directory sync of ${orgName} failed (${event.run.failureCode}).`,
        fields: { sync: { runId: event.run.id, trigger: event.run.trigger, startedAt: event.run.startedAt.toISOString(), failureCode: event.run.failureCode } },
      };
  }
};

/** The event's user list cut into parts of USERS_PER_PART; one empty part for events without users. */
const userParts = (event: WebhookEvent): (readonly NoticeUser[] | null)[] => {
  if (event.trigger !== 'users-to-be-changed') return [null];
  const parts: NoticeUser[][] = [];
  for (let i = 0; i < event.users.length; i += USERS_PER_PART) parts.push(event.users.slice(i, i + USERS_PER_PART));
  return parts.length === 0 ? [[]] : parts;
};

/**
 * The JSON bodies of an event (docs/webhooks.md lists every field), one per part; `deliveryIdOf(part)` names the
 * delivery each goes out as. Never carries a secret or the API key.
 */
export const buildPayloads = (event: WebhookEvent, context: PayloadContext, deliveryIdOf: (part: number) => string): string[] => {
  const orgName = context.organization?.name ?? 'the organization';
  const { summary, fields } = eventFields(event, orgName);
  const parts = userParts(event);
  return parts.map((users, index) => {
    const part = index + 1;
    const partNote = parts.length > 1 ? ` (part ${String(part)} of ${String(parts.length)})` : '';
    const changeDate = event.trigger === 'users-to-be-changed' ? event.actionDate : context.occurredAt;
    const body: { [key: string]: Json } = {
      schemaVersion: PAYLOAD_SCHEMA_VERSION,
      trigger: event.trigger,
      test: context.test,
      eventId: event.key,
      deliveryId: deliveryIdOf(part),
      occurredAt: context.occurredAt.toISOString(),
      organization: context.organization === null ? null : { ...context.organization },
      appUrl: context.appUrl,
      summary: `${context.test ? 'Test: ' : ''}${summary}${partNote}`,
      part,
      parts: parts.length,
      ...fields,
      ...(users === null ? {} : { users: users.map((u) => userJson(u, changeDate)) }),
    };
    return JSON.stringify(body);
  });
};
