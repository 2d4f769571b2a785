import type { AuditEntry } from '../../model/audit';
import type { Phrase } from './auditSummary';

const changes = ['create', 'edit', 'duplicate', 'enable', 'disable', 'delete'];

/**
 * A5 for a change to an automated task (`task.update`, T4): "Edited task X: safety cap, schedule", in words under
 * `tasks.audit.*`. Null for other actions or details it does not know.
 */
export const taskSummary = (entry: AuditEntry): Phrase | null => {
  const d = entry.details;
  if (entry.action !== 'task.update' || typeof d.change !== 'string' || !changes.includes(d.change)) return null;
  const fields = typeof d.fields === 'string' ? d.fields.split(',').filter((f) => f !== '') : [];
  const rejected = typeof d.proposalsRejected === 'number' ? d.proposalsRejected : 0;
  return {
    key: `tasks.audit.${d.change}${d.change === 'delete' && rejected > 0 ? 'Rejecting' : ''}`,
    params: {
      name: { kind: 'text', value: typeof d.taskName === 'string' ? d.taskName : '' },
      fields: { kind: 'phrases', value: fields.map((f) => ({ key: `tasks.audit.fields.${f}`, params: {} })) },
      count: { kind: 'number', value: rejected },
    },
  };
};
