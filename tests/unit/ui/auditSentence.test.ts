import type { AuditEntry } from '../../../src/domain/model/audit';
import { syncDataTypeSchema } from '../../../src/domain/model/jobs';
import { actionMethods } from '../../../src/domain/policy/actionEligibility';
import { auditSummary } from '../../../src/domain/usecases/audit/auditSummary';
import { auditSentence } from '../../../src/ui/components/auditSentence';
import { createFormatter } from '../../../src/ui/i18n/format';
import { createI18n } from '../../../src/ui/i18n/i18n';

const i18n = createI18n('en-US');
const locale = { t: i18n.t.bind(i18n), fmt: createFormatter('en-US', 'Europe/Berlin') };
const names = { productName: (key: string) => (key === 'jira-software' ? 'Jira' : null) };

const entry = (action: AuditEntry['action'], details: AuditEntry['details'], outcome: AuditEntry['outcome'] = 'succeeded'): AuditEntry => ({
  id: 'e',
  at: new Date('2026-01-30T10:00:00Z'),
  actor: { kind: 'system' },
  action,
  targetAccountId: null,
  outcome,
  reason: null,
  details,
  jobId: null,
});

const sentence = (e: AuditEntry): string | null => {
  const summary = auditSummary(e, names);
  return summary === null ? null : auditSentence(summary, locale);
};

const revoke = { bulkAction: 'revoke-product', productKey: 'jira-software', resourceId: 'ari:site' };

describe('audit details as sentences (A5)', () => {
  it('tells bulk changes with product and group names, never null or internal keys', () => {
    expect(sentence(entry('group.remove-member', { ...revoke, method: 'group-remove', groupNames: '["jira-users-acme"]' }))).toBe(
      'Removed from group jira-users-acme to revoke Jira access',
    );
    expect(sentence(entry('group.remove-member', { ...revoke, method: 'group-remove', groupNames: '["a","b"]' }))).toBe('Removed from groups a and b to revoke Jira access');
    expect(sentence(entry('product.revoke', { ...revoke, method: 'role-revoke' }))).toBe('Revoked Jira access');
    expect(sentence(entry('user.deactivate', { bulkAction: 'deactivate', method: 'lifecycle-disable', productKey: null, resourceId: null }))).toBe('Deactivated the account');
    expect(sentence(entry('user.deactivate', { bulkAction: 'deactivate', method: null, productKey: null, resourceId: null }, 'skipped'))).toBe('Account not deactivated');
    const failed = { bulkAction: 'deactivate', method: 'lifecycle-disable', apiCode: 'externalDirectory.scim', apiReason: 'User is managed by SCIM' };
    expect(sentence(entry('user.deactivate', failed, 'failed'))).toBe('Could not deactivate the account. Atlassian answered: “User is managed by SCIM”');
  });

  it('tells a sync with what it read and how long it took', () => {
    const end = { event: 'succeeded', trigger: 'schedule', dataTypes: 'users,groups', groupCount: 0, generation: 4, phase: 'done', durationMs: 72428, apiCalls: 40, errors: 0, users: 2000, groups: 0, retries: 3 };
    expect(sentence(entry('sync.run', end))).toBe('Sync of users and groups finished in 1 min 12 sec: 2,000 users read');
    expect(sentence(entry('sync.run', { ...end, event: 'partially-failed', errors: 1, groups: 15 }))).toBe(
      'Sync of users and groups finished in 1 min 12 sec with 1 error: 2,000 users and 15 groups read',
    );
    expect(sentence(entry('sync.run', { ...end, event: 'failed', users: 0 }, 'failed'))).toBe('Sync of users and groups stopped after 1 min 12 sec: nothing read');
    expect(sentence(entry('sync.run', { event: 'started', trigger: 'manual', dataTypes: 'users', groupCount: 0, generation: 4 }))).toBe('Sync of users started by an admin');
  });

  it('tells key, notice and settings entries', () => {
    expect(sentence(entry('api-key.expiry-notice', { expiresAt: '2025-06-25T00:00:00.000Z', daysLeft: 7 }))).toBe('API key expiry notice sent: the key expires on Jun 25, 2025');
    expect(sentence(entry('api-key.set', { orgId: 'o-1', orgName: 'Acme', expirySource: 'api' }))).toBe('Saved an API key for organization Acme; its expiry date comes from Atlassian');
    expect(sentence(entry('api-key.remove', { orgId: null }))).toBe('Removed the API key: the app stops syncing and changing users until a new key is saved');
    expect(sentence(entry('settings.update', { sections: 'inactivity,seatPrices' }))).toBe('Changed settings: inactivity thresholds and seat prices');
    expect(sentence(entry('task.run', {}))).toBeNull();
  });

  it('has a translation for every method, bulk action, data type, trigger and sync end', () => {
    const all: (string | null)[] = [];
    for (const method of actionMethods) {
      for (const outcome of ['succeeded', 'failed'] as const) all.push(sentence(entry('user.deactivate', { ...revoke, method }, outcome)));
    }
    for (const bulkAction of ['deactivate', 'reactivate', 'revoke-product', 'assign-product']) all.push(sentence(entry('user.deactivate', { bulkAction, method: null }, 'skipped')));
    const dataTypes = syncDataTypeSchema.options.join(',');
    for (const event of ['started', 'succeeded', 'partially-failed', 'failed']) {
      for (const trigger of ['schedule', 'manual', 'task']) all.push(sentence(entry('sync.run', { event, trigger, dataTypes, users: 1, groups: 1, membershipUsers: 1, activityFilled: 1, projectRoleMembers: 1, customers: 1, markedLeft: 1 })));
    }
    for (const source of ['api', 'admin', 'none']) all.push(sentence(entry('api-key.set', { orgName: 'Acme', expirySource: source === 'none' ? null : source })));
    all.push(sentence(entry('settings.update', { sections: 'access,defaultLanguage,inactivity,protectedEmails,seatPrices,statistics,sync' })));
    for (const text of all) expect(text).toMatch(/^[^{}]+$/);
    expect(all.join('\n')).not.toMatch(/auditDetails|null|undefined|group-remove|lifecycle/);
  });
});
