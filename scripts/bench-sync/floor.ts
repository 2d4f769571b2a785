import type { Counters } from './ipc';

/** One endpoint class's share of the work: calls it needed and the time its rate limit requires for them. */
export interface ClassFloor {
  name: string;
  calls: number;
  perMinute: number;
  seconds: number;
}

const needed = (requests: number, statuses: Record<string, number>): number => requests - (statuses['429'] ?? 0);

/**
 * The rate-limit floor of the work done: for each Admin API endpoint class and each Jira operation, the calls it
 * needed (every request except those answered 429) divided by its allowed rate; the floor is the largest. No
 * client can do the same work faster without exceeding a limit (bursts of a full bucket aside).
 */
export const rateLimitFloor = (
  counters: Counters,
  adminLimits: Record<string, number>,
  jiraPerMinute: number,
): { floorSeconds: number; classes: ClassFloor[] } => {
  const classes: ClassFloor[] = [];
  for (const [name, c] of Object.entries(counters.admin)) {
    const perMinute = adminLimits[name] ?? 300;
    const calls = needed(c.requests, c.statuses);
    if (calls > 0) classes.push({ name, calls, perMinute, seconds: (calls / perMinute) * 60 });
  }
  for (const [name, c] of Object.entries(counters.jira)) {
    const calls = needed(c.requests, c.byStatus);
    if (calls > 0 && name !== 'unrouted') classes.push({ name: `jira:${name}`, calls, perMinute: jiraPerMinute, seconds: (calls / jiraPerMinute) * 60 });
  }
  classes.sort((a, b) => b.seconds - a.seconds);
  return { floorSeconds: classes[0]?.seconds ?? 0, classes };
};
