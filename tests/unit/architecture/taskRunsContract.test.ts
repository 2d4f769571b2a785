import * as contract from '../../../src/contract/taskRuns';
import { actionMethods } from '../../../src/domain/policy/actionEligibility';
import { proposalStatusSchema, taskRunSchema } from '../../../src/domain/model/taskRecords';
import { taskRunReasons } from '../../../src/domain/usecases/tasks/run/reasonKeys';
import { taskSkipReasons } from '../../../src/domain/usecases/tasks/taskPlanItem';

/** The task runs' vocabularies in the contract must equal the core's: a code added to one and not the other fails. */
describe('task runs contract vocabularies equal the core’s', () => {
  it.each([
    ['task skip reasons', contract.taskSkipReasons, taskSkipReasons],
    ['task methods', contract.taskMethods, [...actionMethods, 'notify']],
    ['run reasons with words', contract.taskRunReasons, taskRunReasons],
    ['run triggers', contract.taskRunTriggers, taskRunSchema.shape.trigger.options],
    ['proposal statuses', contract.proposalStatuses, proposalStatusSchema.options],
  ] as const)('%s', (_name, inContract, inCore) => {
    expect([...inContract].sort()).toEqual([...inCore].sort());
  });
});
