import type { SyncRun } from '../../model/jobs';
import { withCheckpoint } from './checkpoint';
import type { SyncDeps } from './deps';

/**
 * Saves of a step that runs two lanes (siteLane.ts, earlyActivity.ts): each lane saves the shared run after each of
 * its own steps; the saves go to SQL one after another in the order they were asked for, so a later snapshot is
 * never overwritten by an earlier one. A saved snapshot has `attempts` 0: the lane just made progress.
 */
export const laneSaves = (deps: SyncDeps): ((run: SyncRun) => Promise<void>) => {
  let saving = Promise.resolve();
  return (run) => {
    const snapshot = withCheckpoint(run, { savedAt: deps.clock.now(), attempts: 0 });
    saving = saving.then(() => deps.runs.update(snapshot));
    return saving;
  };
};
