import type { AuditLog } from '../../../ports/auditLog';
import type { Clock } from '../../../ports/clock';
import type { GroupRepository } from '../../../ports/groupRepository';
import type { IdGenerator } from '../../../ports/idGenerator';
import type { SettingsStore } from '../../../ports/settingsStore';
import type { TaskNoticeRepository } from '../../../ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../../ports/taskProposalRepository';
import type { TaskRepository } from '../../../ports/taskRepository';
import type { UserRepository } from '../../../ports/userRepository';

/**
 * What managing automated tasks (T4) needs: the tasks, their notices and proposals (cleared or rejected when a task
 * changes or goes), the site's settings and size (the schedule's checks), group names, and the audit log.
 */
export interface ManageTasksDeps {
  tasks: TaskRepository;
  notices: Pick<TaskNoticeRepository, 'clearTask'>;
  proposals: Pick<TaskProposalRepository, 'list' | 'decide'>;
  settings: Pick<SettingsStore, 'load'>;
  users: Pick<UserRepository, 'count'>;
  groups: Pick<GroupRepository, 'getMany'>;
  audit: Pick<AuditLog, 'append'>;
  ids: IdGenerator;
  clock: Clock;
}
