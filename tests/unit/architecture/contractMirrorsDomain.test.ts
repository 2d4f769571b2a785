import * as contractAudit from '../../../src/contract/audit';
import * as contractCommon from '../../../src/contract/common';
import * as contractSync from '../../../src/contract/sync';
import * as contractBulk from '../../../src/contract/bulk';
import * as contractEnvelope from '../../../src/contract/envelope';
import * as contractUsers from '../../../src/contract/users';
import * as contractWebhooks from '../../../src/contract/webhooks';
import * as contractTasks from '../../../src/contract/tasks';
import * as contractRevert from '../../../src/contract/revert';
import { revertBlocks, revertSkipReasons } from '../../../src/domain/usecases/revert/revertRules';
import { taskActionSchema, taskRuleSchema } from '../../../src/domain/model/task';
import { taskRunStatusSchema } from '../../../src/domain/model/taskRecords';
import { taskValidationRules } from '../../../src/domain/usecases/tasks/validateTask';
import { auditActionSchema, auditOutcomeSchema } from '../../../src/domain/model/audit';
import { errorCodes } from '../../../src/domain/model/errors';
import { syncDataTypeSchema } from '../../../src/domain/model/jobs';
import { inactivityStates } from '../../../src/domain/policy/inactivityPolicy';
import { actionMethods, skipReasons } from '../../../src/domain/policy/actionEligibility';
import { handoffReasons } from '../../../src/domain/usecases/bulk/handoffList';
import { userSortKeys } from '../../../src/domain/ports/userRepository';
import { deliveryStatusSchema, webhookTriggers } from '../../../src/domain/model/webhooks';

/**
 * The UI shares only the contract with the backend (ARCHITECTURE §2), so the contract repeats some
 * of the core's vocabularies. These must never drift apart: a new code in one and not the other fails.
 */
describe('contract vocabularies equal the core’s', () => {
  it.each([
    ['error codes', contractEnvelope.errorCodes, errorCodes],
    ['audit actions', contractAudit.auditActions, auditActionSchema.options],
    ['audit outcomes', contractAudit.auditOutcomes, auditOutcomeSchema.options],
    ['bulk methods', contractBulk.actionMethods, actionMethods],
    ['skip reasons', contractBulk.skipReasons, skipReasons],
    ['hand-off reasons', contractBulk.handoffReasons, handoffReasons],
    ['inactivity states', contractCommon.inactivityStates, inactivityStates],
    ['sync data types', contractSync.syncDataTypes, syncDataTypeSchema.options],
    ['user sort keys', contractUsers.userSortKeys, userSortKeys],
    ['webhook triggers', contractWebhooks.webhookTriggers, webhookTriggers],
    ['webhook delivery statuses', contractWebhooks.deliveryStatuses, deliveryStatusSchema.options],
    ['task rule kinds', contractTasks.taskRuleKinds, taskRuleSchema.options.map((o) => o.shape.kind.value)],
    ['task action types', contractTasks.taskActionTypes, taskActionSchema.options.map((o) => o.shape.type.value)],
    ['task run statuses', contractTasks.taskRunStatuses, taskRunStatusSchema.options],
    ['task validation rules', contractTasks.taskValidationRuleNames, taskValidationRules],
    ['revert blocks', contractRevert.revertBlocks, revertBlocks],
    ['revert skip reasons', contractRevert.revertSkipReasons, revertSkipReasons],
  ] as const)('%s', (_name, contract, domain) => {
    expect([...contract].sort()).toEqual([...domain].sort());
  });
});
