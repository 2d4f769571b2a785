import type { Statement } from '../sql/sqlValues';
import type { UserUpsertPart, UserUpsertPlan } from './userWrites';

/** How {@link runUserUpsert} sends statements: in order, each after the one before has finished. */
export interface UpsertSender {
  /** Runs the statements one after another. */
  run(statements: readonly Statement[]): Promise<void>;
  /** Makes sure the plan's groups are in `directory_groups` (registers them, or first checks whether it must). */
  registerGroups(plan: UserUpsertPlan): Promise<void>;
}

/** One turn of the event loop: what the lanes have ready goes out before more synchronous work. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a plan as four lanes, one per table, each sending its statements in order: access (products first, then
 * each part's access rows), memberships (the groups first, then each part's membership rows), search words and
 * users, whose part k waits until the other lanes have finished part k. A users row is what says whether the user's
 * activity is known (the fallback selects on it), so a write cut short never leaves a user marked known over
 * access rows it did not write. Never two statements on one table at once (no gap-lock deadlocks between them),
 * yet the users rows of part k go in while the access and membership rows of part k+1 do: the server works on
 * several tables at a time instead of waiting for the slowest lane. Part k+1 is built once part k is handed to the
 * lanes, while the server writes it. The first error stops every lane at its next step and is thrown once all
 * have stopped; the parts written before it are complete.
 */
export const runUserUpsert = async (plan: UserUpsertPlan, sender: UpsertSender): Promise<void> => {
  const state: { failure: { error: unknown } | null } = { failure: null };
  const step = (statements: readonly Statement[]) => async (): Promise<void> => {
    if (state.failure === null) await sender.run(statements);
  };
  const stopOnError = (error: unknown): never => {
    state.failure ??= { error };
    throw error;
  };
  let access = step(plan.products)().catch(stopOnError);
  let members = sender.registerGroups(plan).catch(stopOnError);
  let words: Promise<void> = Promise.resolve();
  let users: Promise<void> = Promise.resolve();
  for (let k = 0; k < plan.partCount && state.failure === null; k++) {
    let part: UserUpsertPart;
    try {
      part = plan.part(k);
    } catch (error) {
      state.failure ??= { error };
      break;
    }
    access = access.then(step(part.access)).catch(stopOnError);
    members = members.then(step(part.members)).catch(stopOnError);
    words = words.then(step(part.words)).catch(stopOnError);
    users = Promise.all([access, members, words, users]).then(step(part.users)).catch(stopOnError);
    await nextTurn();
  }
  await Promise.allSettled([access, members, words, users]);
  if (state.failure !== null) throw state.failure.error;
};

