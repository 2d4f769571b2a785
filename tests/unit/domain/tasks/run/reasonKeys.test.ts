import enUS from '../../../../../locales/en-US.json';
import { skipReasonKey, taskRunReasons } from '../../../../../src/domain/usecases/tasks/run/reasonKeys';
import { taskSkipReasons } from '../../../../../src/domain/usecases/tasks/taskPlanItem';

const lookup = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), enUS);

describe('reason codes of task runs on screen (L1)', () => {
  it('every skip reason a task job records and every run reason has a translated text', () => {
    const keys = [...taskSkipReasons, ...taskRunReasons].map(skipReasonKey);
    expect(keys.filter((key) => typeof lookup(key) !== 'string')).toEqual([]);
    expect(skipReasonKey('protected')).toBe('bulk.reasons.protected');
    expect(skipReasonKey('excluded-group')).toBe('taskRunner.reasons.excluded-group');
  });
});
