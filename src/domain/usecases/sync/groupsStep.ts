import type { SyncRun } from '../../model/jobs';
import { advanceWalk, counted, directoryOf } from './checkpoint';
import type { SyncDeps } from './deps';
import type { Step } from './stepTypes';
import { nextPhase } from './syncPlan';

const endGroups = async (run: SyncRun, deps: SyncDeps): Promise<SyncRun> => {
  const deleted = await deps.groups.deleteNotSeenSince(run.generation);
  return nextPhase(counted(run, { groupsDeleted: deleted }));
};

/**
 * Group definitions with their product grants, every directory, each group stored with the directory it was read
 * from (the B2 hand-off and U5 name it); groups not seen are deleted at the end.
 */
export const groupsStep: Step = async (run, { deps, meter }) => {
  const { orgId, cursor } = run.checkpoint;
  const directoryId = directoryOf(run);
  if (directoryId === undefined) return { run: await endGroups(run, deps) };
  const page = await deps.directory.searchGroups(orgId, directoryId, cursor);
  meter.pages += 1;
  const directory = { id: directoryId, name: run.checkpoint.directoryNames[directoryId] ?? '' };
  await deps.groups.upsertMany(page.items.map((group) => ({ ...group, directory })), run.generation);
  const walk = advanceWalk(counted(run, { groups: page.items.length }, 1), page.next);
  return { run: walk.done ? await endGroups(walk.run, deps) : walk.run };
};
