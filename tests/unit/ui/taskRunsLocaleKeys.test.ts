import { proposalStatuses, taskMethods, taskRunReasons, taskRunStatuses, taskRunTriggers, taskSkipReasons } from '../../../src/contract';
import { exportColumns } from '../../../src/ui/screens/export/protocol';
import { createI18n } from '../../../src/ui/i18n/i18n';
import { taskSkipReasonKey } from '../../../src/ui/screens/tasks/runs/runText';

const i18n = createI18n('en-US');
/** A text of its own in the catalogue (not a subtree, not the key echoed back). */
const has = (key: string): boolean => i18n.exists(key) && typeof i18n.t(key, { returnObjects: true }) === 'string';

describe('locales/en-US.json: the task runs block', () => {
  it('names every skip reason, change, run status, trigger and reason, proposal outcome and dry-run CSV column', () => {
    const keys = [
      ...taskSkipReasons.map(taskSkipReasonKey),
      ...taskMethods.map((m) => `taskRuns.methods.${m}`),
      ...taskRunStatuses.map((s) => `taskRuns.statuses.${s}`),
      ...taskRunTriggers.map((s) => `taskRuns.triggers.${s}`),
      ...taskRunReasons.map((r) => `taskRunner.reasons.${r}`),
      'taskRuns.runReasons.other',
      ...proposalStatuses.map((s) => `taskRuns.proposals.decided.${s}`),
      ...['bad-cursor', 'nothing-to-dry-run'].map((r) => `taskRuns.validation.${r}`),
      'export.fileNames.taskDryRun',
      ...exportColumns.taskDryRun.map((c) => `export.columns.taskDryRun.${c}`),
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});
