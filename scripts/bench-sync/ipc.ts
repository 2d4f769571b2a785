import { z } from 'zod';

/** The simulator settings of the bench (docs/PERFORMANCE.md). */
export const BENCH_SIM = {
  /** Median latency of every Admin API and Jira answer (lognormal, sigma 0.5). */
  latencyMs: 120,
  /** The Admin API endpoints Atlassian does not publish a limit for, per minute each. */
  unpublishedPerMinute: 300,
  /** last-active-dates, per minute per org, as published. */
  lastActivePerMinute: 200,
  /** Jira's limit per operation (the Jira simulator's default token bucket), per minute. */
  jiraPerMinute: 1200,
} as const;

const counter = z.object({ requests: z.number(), statuses: z.record(z.string(), z.number()) });

/** What the simulator host reports once it listens. */
export const readySchema = z.object({
  type: z.literal('ready'),
  adminUrl: z.string(),
  jiraUrl: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Admin API per-minute limit by endpoint class. */
  limits: z.record(z.string(), z.number()),
});
export type Ready = z.infer<typeof readySchema>;

/** Requests per Admin API endpoint class and per Jira operation, and the host's own peak memory. */
export const countersSchema = z.object({
  type: z.literal('counters'),
  admin: z.record(z.string(), counter),
  jira: z.record(z.string(), z.object({ requests: z.number(), byStatus: z.record(z.string(), z.number()) })),
  peakRssMb: z.number(),
});
export type Counters = z.infer<typeof countersSchema>;

/** Messages the bench sends to the host. */
export type HostCommand = { type: 'counters' } | { type: 'stop' };
