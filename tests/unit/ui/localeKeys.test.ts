import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  accountStatuses,
  accountTypes,
  actionMethods,
  auditActions,
  auditOutcomes,
  errorCodes,
  inactivityStates,
  jobStatuses,
  membershipStatuses,
  messageKeys,
  revertBlocks,
  revertSkipReasons,
  skipReasons,
  syncDataTypes,
  taskActionTypes,
  taskRuleKinds,
  taskRunStatuses,
  taskValidationRuleNames,
  userSortKeys,
  validationRules,
} from '../../../src/contract';
import { exportColumns } from '../../../src/ui/screens/export/protocol';
import enUS from '../../../locales/en-US.json';

const root = join(__dirname, '../../../src/ui');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

/** Like i18next's lookup: nested objects, where an object key may itself contain dots (`audit.actions.user.deactivate`). */
const find = (node: unknown, parts: string[]): unknown => {
  if (parts.length === 0) return node;
  if (typeof node !== 'object' || node === null) return undefined;
  for (let i = 1; i <= parts.length; i++) {
    const child = (node as Record<string, unknown>)[parts.slice(0, i).join('.')];
    const found = child === undefined ? undefined : find(child, parts.slice(i));
    if (found !== undefined) return found;
  }
  return undefined;
};
const lookup = (key: string): unknown => find(enUS, key.split('.'));

/** A key exists as a string, or as the _one/_other plural pair i18next picks from. */
const exists = (key: string): boolean =>
  typeof lookup(key) === 'string' || (typeof lookup(`${key}_one`) === 'string' && typeof lookup(`${key}_other`) === 'string');

const missing = (keys: readonly string[]): string[] => keys.filter((key) => !exists(key));

describe('locales/en-US.json holds every string the admin page shows (L1)', () => {
  it('has every literal key passed to t() in src/ui', () => {
    const literal = files(root).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z][\w.-]+)'/g)].map((m) => m[1]!),
    );
    expect(literal.length).toBeGreaterThan(150);
    expect(missing(literal)).toEqual([]);
  });

  it('has a label for every value of the contract the screens translate', () => {
    const keys = [
      ...inactivityStates.map((s) => `states.${s}`),
      ...accountStatuses.map((s) => `accountStatus.${s}`),
      ...accountTypes.map((s) => `accountType.${s}`),
      ...membershipStatuses.map((s) => `membershipStatus.${s}`),
      ...jobStatuses.map((s) => `jobStatus.${s}`),
      ...jobStatuses.map((s) => `bulk.job.finished.${s}`),
      ...auditActions.map((a) => messageKeys.auditAction(a)),
      ...auditOutcomes.map((o) => `audit.outcomes.${o}`),
      ...skipReasons.map((r) => messageKeys.bulkReason(r)),
      ...actionMethods.map((m) => messageKeys.bulkMethod(m)),
      messageKeys.bulkSucceeded,
      ...['deactivate', 'reactivate', 'revoke-product', 'assign-product', 'revoke-product-named', 'assign-product-named'].map((a) => `bulk.actions.${a}`),
      ...errorCodes.map((c) => messageKeys.error(c)),
      ...validationRules.map((r) => messageKeys.validation(r)),
      ...taskValidationRuleNames.map((r) => messageKeys.validation(r)),
      ...taskRuleKinds.map((k) => `tasks.rule.kinds.${k}`),
      ...taskActionTypes.map((a) => `tasks.action.types.${a}`),
      ...taskRunStatuses.map((s) => `tasks.runStatus.${s}`),
      ...['safety-cap-exceeded', 'sync-overlap', 'task-disabled', 'other'].map((r) => `tasks.runReason.${r}`),
      'tasks.warnings.task.schedule-after-sync',
      ...['inactive', 'never-active', 'seat-cap', 'state-warning', 'state-overdue'].map((k) => `tasks.rule.text.${k}`),
      ...['inactive', 'never-active'].map((k) => `tasks.rule.days.${k}`),
      ...['warning', 'overdue'].map((s) => `tasks.rule.states.${s}`),
      ...['managed', 'external'].flatMap((a) => [`tasks.filter.types.${a}`, `tasks.filter.text.only-${a}`]),
      ...['too_small', 'too_big', 'invalid_type', 'invalid_value', 'invalid_format', 'unrecognized_keys', 'invalid_union', 'custom'].map((c) => `validation.${c}`),
      ...messageKeys.savingAssumptions,
      ...userSortKeys.map((k) => `sort.keys.${k}`),
      ...syncDataTypes.map((d) => `settings.manualSync.types.${d}`),
      ...['workspaces', 'groups', 'users', 'memberships', 'activity', 'project-users', 'customers', 'finish', 'done'].map((p) => messageKeys.syncPhase(p)),
      ...Object.entries(exportColumns).flatMap(([kind, columns]) => [`export.fileNames.${kind}`, ...columns.map((c) => `export.columns.${kind}.${c}`)]),
      ...['dashboard', 'users', 'inactive', 'tasks', 'audit', 'settings'].map((tab) => `tabs.${tab}`),
      ...['org-admin', 'product-admin', 'user-access-admin'].map((role) => `app.roles.${role}`),
      ...actionMethods.map((m) => `revert.methods.${m}`),
      ...revertSkipReasons.map((r) => `revert.reasons.${r}`),
      ...revertBlocks.map((b) => `revert.blocked.${b}`),
      ...['done', 'running'].map((s) => `revert.revertedBy.${s}`),
      ...actionMethods.filter((m) => m.startsWith('group-')).flatMap((m) => [`auditDetails.changed.${m}`, `auditDetails.failed.${m}`]),
    ];
    expect(missing(keys)).toEqual([]);
  });
});
