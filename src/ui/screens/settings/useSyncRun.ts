import { useEffect, useState } from 'react';
import type { Failure, SyncDataTypeDto, SyncRunDto } from '../../../contract';
import { call } from '../../api';
import { usePolling } from '../../hooks/usePolling';

export interface SyncRun {
  run: SyncRunDto | null;
  starting: boolean;
  error: Failure | null;
  start: (dataTypes: SyncDataTypeDto[], groupIds: string[]) => void;
}

const running = (run: SyncRunDto | null): boolean => run !== null && (run.status === 'queued' || run.status === 'running');

/** The latest sync run (sync.status), polled while it runs; `start` begins a manual sync (S5). */
export const useSyncRun = (enabled: boolean): SyncRun => {
  const [run, setRun] = useState<SyncRunDto | null>(null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  useEffect(() => {
    if (!enabled) return;
    void call('sync.status', {}).then((answer) => {
      if (answer.ok) setRun(answer.data);
    });
  }, [enabled]);
  usePolling(enabled && running(run), async () => {
    const answer = await call('sync.status', {});
    if (answer.ok) setRun(answer.data);
    else setError(answer.error);
  });
  return {
    run,
    starting,
    error,
    start: (dataTypes, groupIds) => {
      setStarting(true);
      setError(null);
      void call('sync.start', { dataTypes, groupIds }).then((answer) => {
        setStarting(false);
        if (answer.ok) setRun(answer.data);
        else setError(answer.error);
      });
    },
  };
};

export const isSyncRunning = running;
