import type { AuditEntry } from '../../../src/domain/model/audit';
import { auditSummary } from '../../../src/domain/usecases/audit/auditSummary';
import { auditSentence } from '../../../src/ui/components/auditSentence';
import { createFormatter } from '../../../src/ui/i18n/format';
import { createI18n } from '../../../src/ui/i18n/i18n';

const i18n = createI18n('en-US');
const locale = { t: i18n.t.bind(i18n), fmt: createFormatter('en-US', 'Europe/Berlin') };
const URL_A = 'https://api-private.atlassian.com/automation/webhooks/jira/a/57f62d85-1b6e-4a44-af5e-0927141b6746/019e4453-d451-7d8f-9462-0dfdd31b50c4';

const sentence = (action: AuditEntry['action'], details: AuditEntry['details'], outcome: AuditEntry['outcome'] = 'succeeded'): string | null => {
  const entry: AuditEntry = { id: 'e', at: new Date(), actor: { kind: 'system' }, action, targetAccountId: null, outcome, reason: null, details, jobId: null };
  const summary = auditSummary(entry, { productName: () => null });
  return summary === null ? null : auditSentence(summary, locale);
};

describe('Automation webhook audit entries in words (A5, S7)', () => {
  it('tells targets added and removed, and deliveries made or given up, by trigger name and the end of the URL', () => {
    expect(sentence('webhook.target-add', { trigger: 'task-failed', target: URL_A })).toBe('Added an Automation webhook target for Automated task failed: …/0dfdd31b50c4');
    expect(sentence('webhook.target-remove', { trigger: 'sync-failed', target: URL_A })).toBe('Removed the Automation webhook target of Sync failed: …/0dfdd31b50c4');
    const delivery = { trigger: 'api-key-expiring', target: URL_A, attempts: 1, httpStatus: 200, part: 1, parts: 1, test: false };
    expect(sentence('webhook.delivery', delivery)).toBe('API key expiring delivered to …/0dfdd31b50c4 at the first attempt (HTTP 200)');
    expect(sentence('webhook.delivery', { ...delivery, attempts: 3, test: true })).toBe('Test of API key expiring delivered to …/0dfdd31b50c4 after 3 attempts (HTTP 200)');
    expect(sentence('webhook.delivery', { ...delivery, attempts: 9, httpStatus: 500 }, 'failed')).toBe(
      'API key expiring not delivered to …/0dfdd31b50c4 after 9 attempts (last: HTTP 500)',
    );
    expect(sentence('webhook.delivery', { ...delivery, httpStatus: null }, 'failed')).toBe('API key expiring not delivered to …/0dfdd31b50c4 (no answer)');
  });
});
