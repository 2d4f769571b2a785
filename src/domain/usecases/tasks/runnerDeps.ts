import type { TaskNoticeRepository } from '../../ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../ports/taskProposalRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import type { TaskWebhooks } from '../../ports/taskWebhooks';
import type { SliceDeps } from '../bulk/deps';

/**
 * What running tasks will need (the runner is not built yet): everything a bulk job slice has — the synced users and
 * groups, settings, clock, jobs, queue, lock, the directory to read live (P5) and change through, the audit log —
 * plus the tasks' own stores and webhooks. A run evaluates `planTask` over the synced copy, reads the users it would
 * change live, evaluates again over those, and acts through the bulk executor with actor `{kind: 'task'}`.
 */
export interface TaskRunnerDeps extends SliceDeps {
  tasks: TaskRepository;
  notices: TaskNoticeRepository;
  proposals: TaskProposalRepository;
  webhooks: TaskWebhooks;
}
