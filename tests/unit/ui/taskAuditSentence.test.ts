import type { AuditEntry } from '../../../src/domain/model/audit';
import { auditSummary } from '../../../src/domain/usecases/audit/auditSummary';
import { auditSentence } from '../../../src/ui/components/auditSentence';
import { createFormatter } from '../../../src/ui/i18n/format';
import { createI18n } from '../../../src/ui/i18n/i18n';

const i18n = createI18n('en-US');
const locale = { t: i18n.t.bind(i18n), fmt: createFormatter('en-US', 'UTC') };

const sentence = (details: AuditEntry['details']): string | null => {
  const summary = auditSummary(
    { id: 'e', at: new Date('2026-01-30T10:00:00Z'), actor: { kind: 'admin', accountId: 'a' }, action: 'task.update', targetAccountId: null, outcome: 'succeeded', reason: null, details, jobId: null },
    { productName: () => null },
  );
  return summary === null ? null : auditSentence(summary, locale);
};

describe('a change to an automated task as a sentence (A5, T4)', () => {
  it('names the task and what changed, in words', () => {
    const task = { taskId: 't-1', taskName: 'Contractors out' };
    expect(sentence({ ...task, change: 'create' })).toBe('Created task Contractors out');
    expect(sentence({ ...task, change: 'edit', fields: 'filter,noticeDays,safetyCap' })).toBe('Edited task Contractors out: groups and accounts, notice period, and safety cap');
    expect(sentence({ ...task, change: 'duplicate', fromTaskId: 't-0' })).toBe('Created task Contractors out as a disabled copy');
    expect(sentence({ ...task, change: 'disable' })).toBe('Disabled task Contractors out');
    expect(sentence({ ...task, change: 'delete', proposalsRejected: 0 })).toBe('Deleted task Contractors out');
    expect(sentence({ ...task, change: 'delete', proposalsRejected: 2 })).toBe('Deleted task Contractors out and rejected its 2 proposals waiting for review');
    expect(sentence({ ...task, change: 'something-else' })).toBeNull();
  });
});
