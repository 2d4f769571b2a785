import type { AuditEntry } from '../../model/audit';
import type { Phrase, PhraseParam } from './auditSummary';

const str = (d: AuditEntry['details'], key: string): string => (typeof d[key] === 'string' ? d[key] : '');
const text = (value: string): PhraseParam => ({ kind: 'text', value });
/** The trigger's name in the viewer's language. */
const triggerName = (d: AuditEntry['details']): PhraseParam => ({ kind: 'phrases', value: [{ key: `webhooks.triggers.${str(d, 'trigger')}.name`, params: {} }] });
/** The end of the target URL: enough to tell a trigger's targets apart. */
const targetTail = (url: string): string => `…/${url.split('/').filter((s) => s !== '').at(-1)?.slice(-12) ?? ''}`;

/**
 * A5 for the Automation webhook entries (S7): a target added or removed, a delivery made or given up, in words
 * under `webhooks.audit.*`. Null for other actions.
 */
export const webhookSummary = (entry: AuditEntry): Phrase | null => {
  const d = entry.details;
  const params = { trigger: triggerName(d), target: text(targetTail(str(d, 'target'))) };
  switch (entry.action) {
    case 'webhook.target-add':
      return { key: 'webhooks.audit.added', params };
    case 'webhook.target-remove':
      return { key: 'webhooks.audit.removed', params };
    case 'webhook.delivery': {
      const attempts = typeof d.attempts === 'number' ? d.attempts : 0;
      const answer: Phrase =
        typeof d.httpStatus === 'number' ? { key: 'webhooks.audit.http', params: { status: text(String(d.httpStatus)) } } : { key: 'webhooks.audit.noAnswer', params: {} };
      const status: PhraseParam = { kind: 'phrases', value: [answer] };
      const key = `webhooks.audit.${entry.outcome === 'succeeded' ? 'delivered' : 'notDelivered'}${d.test === true ? 'Test' : ''}`;
      return { key, params: { ...params, count: { kind: 'number', value: attempts }, status } };
    }
    default:
      return null;
  }
};
