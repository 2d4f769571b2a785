import { defaultSettings, type Settings } from '../../../../../src/domain/model/settings';
import type { ManageTasksDeps } from '../../../../../src/domain/usecases/tasks/manage/deps';
import { FakeAuditLog, FakeClock, FakeGroupRepository, FakeSettingsStore, SequentialIds } from '../../fakes';
import { aGroup } from '../../fixtures';
import { FakeTaskNoticeRepository, FakeTaskProposalRepository, FakeTaskRepository } from '../run/taskFakes';

export const ADMIN = { kind: 'admin', accountId: 'acc-admin' } as const;

/** The ports of managing tasks over fakes: a site in UTC with its sync at 03:00, `userCount` users, two groups. */
export const manageRig = (options: { userCount?: number; settings?: Partial<Settings> } = {}) => {
  const deps = {
    tasks: new FakeTaskRepository(),
    notices: new FakeTaskNoticeRepository(),
    proposals: new FakeTaskProposalRepository(),
    settings: new FakeSettingsStore({ ...defaultSettings(), ...options.settings }),
    users: { count: () => Promise.resolve(options.userCount ?? 100) },
    groups: new FakeGroupRepository(undefined, [aGroup({ id: 'g-contractors', name: 'Contractors' }), aGroup({ id: 'g-board', name: 'Board' })]),
    audit: new FakeAuditLog(),
    ids: new SequentialIds('task'),
    clock: new FakeClock(),
  } satisfies ManageTasksDeps;
  return deps;
};
export type ManageRig = ReturnType<typeof manageRig>;
