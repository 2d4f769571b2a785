import type { TaskNotice } from '../model/taskRecords';

/**
 * T5: who each task has announced, and when. A run reads its task's notices, adds the users it announced once the
 * `users-to-be-changed` webhook was handed over, and clears those it changed or who no longer match. Writes are
 * idempotent so that a re-delivered slice may repeat them.
 */
export interface TaskNoticeRepository {
  /** Every notice of a task (at most a few safety caps' worth: announcements are capped per run). */
  forTask(taskId: string): Promise<TaskNotice[]>;
  /** Adds notices; a user already announced by the task keeps the first notice (its `announcedAt` is the one that counts). */
  add(notices: readonly TaskNotice[]): Promise<void>;
  /** Removes the task's notices of these users; unknown ones are ignored. */
  clear(taskId: string, accountIds: readonly string[]): Promise<void>;
  /** Removes all of a task's notices (the task was deleted, or its rule or notice period changed). */
  clearTask(taskId: string): Promise<void>;
}
