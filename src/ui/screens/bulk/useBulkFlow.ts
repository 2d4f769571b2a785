import { useEffect, useState } from 'react';
import type { BulkActionDto, BulkJobDto, BulkPlanDto, BulkSelectionDto, Failure } from '../../../contract';
import { call } from '../../api';
import { usePolling } from '../../hooks/usePolling';

export type BulkStage =
  | { kind: 'idle' }
  | { kind: 'planning' }
  | { kind: 'plan'; plan: BulkPlanDto; selection: BulkSelectionDto; starting: boolean }
  | { kind: 'job'; job: BulkJobDto };

export const isRunning = (job: BulkJobDto): boolean => job.status === 'queued' || job.status === 'running';

export interface BulkFlow {
  stage: BulkStage;
  error: Failure | null;
  review: (action: BulkActionDto, selection: BulkSelectionDto) => void;
  confirm: () => void;
  cancel: () => void;
}

const PLAN_ITEMS = 100;

/**
 * B1–B3 as a small state machine: plan (bulk.plan) → the admin confirms → start (bulk.start; the server plans
 * again) → poll bulk.status until the job is finished. On mount, a bulk action still running is picked up again.
 * With `onStarted` (the Jobs view, which follows jobs itself) the started job is handed over instead: no pick-up,
 * no polling, the flow goes back to idle.
 */
export const useBulkFlow = (onFinished: () => void, onStarted?: (job: BulkJobDto) => void): BulkFlow => {
  const [stage, setStage] = useState<BulkStage>({ kind: 'idle' });
  const [error, setError] = useState<Failure | null>(null);

  useEffect(() => {
    if (onStarted !== undefined) return;
    void call('bulk.status', {}).then((answer) => {
      if (answer.ok && answer.data !== null && isRunning(answer.data)) {
        const job = answer.data;
        setStage((current) => (current.kind === 'idle' ? { kind: 'job', job } : current));
      }
    });
  }, []);

  const runningJobId = stage.kind === 'job' && isRunning(stage.job) ? stage.job.jobId : null;
  usePolling(runningJobId !== null, async () => {
    if (runningJobId === null) return;
    const answer = await call('bulk.status', { jobId: runningJobId });
    if (!answer.ok) {
      setError(answer.error);
      return;
    }
    if (answer.data === null) return;
    const job = answer.data;
    setStage({ kind: 'job', job });
    if (!isRunning(job)) onFinished();
  });

  const review = (action: BulkActionDto, selection: BulkSelectionDto): void => {
    setError(null);
    setStage({ kind: 'planning' });
    void call('bulk.plan', { action, selection, itemsLimit: PLAN_ITEMS }).then((answer) => {
      if (answer.ok) setStage({ kind: 'plan', plan: answer.data, selection, starting: false });
      else {
        setError(answer.error);
        setStage({ kind: 'idle' });
      }
    });
  };

  const confirm = (): void => {
    if (stage.kind !== 'plan' || stage.starting) return;
    const { plan, selection } = stage;
    setStage({ ...stage, starting: true });
    void call('bulk.start', { action: plan.action, selection }).then((answer) => {
      if (answer.ok && onStarted !== undefined) {
        setStage({ kind: 'idle' });
        onStarted(answer.data);
      } else if (answer.ok) {
        setStage({ kind: 'job', job: answer.data });
        if (!isRunning(answer.data)) onFinished();
      } else {
        setError(answer.error);
        setStage({ kind: 'plan', plan, selection, starting: false });
      }
    });
  };

  const cancel = (): void => {
    setError(null);
    setStage({ kind: 'idle' });
  };

  return { stage, error, review, confirm, cancel };
};
