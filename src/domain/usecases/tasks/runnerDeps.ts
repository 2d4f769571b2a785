import type { DirectoryReader } from '../../ports/directoryReader';
import type { Notifier } from '../../ports/notifier';
import type { TaskCandidates } from '../../ports/taskCandidates';
import type { TaskNoticeRepository } from '../../ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../ports/taskProposalRepository';
import type { TaskRepository } from '../../ports/taskRepository';
import type { SliceDeps } from '../bulk/deps';

/**
 * What running tasks needs: everything a bulk job slice has — the synced users and groups, settings, clock, jobs,
 * queue, lock, the directory to read live (P5) and change through, the audit log, the latest sync — plus the
 * tasks' own stores, the candidates of a rule, the per-user last-active read and the Automation webhooks (S7).
 */
export interface TaskRunnerDeps extends SliceDeps {
  tasks: TaskRepository;
  notices: TaskNoticeRepository;
  proposals: TaskProposalRepository;
  candidates: TaskCandidates;
  activity: Pick<DirectoryReader, 'lastActiveDates'>;
  notifier: Notifier;
}
