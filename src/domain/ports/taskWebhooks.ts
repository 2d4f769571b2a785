/** One user in a `users-to-be-changed` event: who, and from which run on they will be changed (null: notify only). */
export interface AnnouncedUser {
  accountId: string;
  name: string;
  email: string | null;
  plannedChangeAt: Date | null;
}

/** What every task event names. */
export interface TaskEventBase {
  taskId: string;
  taskName: string;
  runId: string;
}

/** A run's counts as the success and failure events report them. */
export interface TaskRunCounts {
  matched: number;
  changed: number;
  failed: number;
  skipped: number;
  announced: number;
}

/**
 * The S7 webhooks a task run fires. Each resolves once the delivery is recorded (the webhook module retries it);
 * a failed delivery never fails the run, so implementations do not throw for an unreachable target.
 */
export interface TaskWebhooks {
  /** T5: users announced by this run, in pages the payload limit allows. */
  usersToBeChanged(event: TaskEventBase & { users: readonly AnnouncedUser[] }): Promise<void>;
  taskSucceeded(event: TaskEventBase & { counts: TaskRunCounts }): Promise<void>;
  /** `reason`: e.g. `safety-cap-exceeded` (T7), `sync-overlap`, or a DomainError code. */
  taskFailed(event: TaskEventBase & { counts: TaskRunCounts; reason: string }): Promise<void>;
}
