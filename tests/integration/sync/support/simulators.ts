import { AdminApiSimulator, DEFAULT_KEYS, type EndpointClass, type FaultRule } from '../../../../dev/admin-api-simulator';
import { JiraSimulator, jiraProductHandler, type FaultOptions, type RateLimitOptions } from '../../../../dev/jira-simulator';
import type { ForgeRuntimeHandle } from '../../../support/forgeRuntime';
import { egressTo } from './egressProxy';

/** The organization and the Jira site one test syncs, and how both misbehave. */
export interface OrgPlan {
  seed: number;
  users: number;
  directories: number;
  sites: number;
  projects: number;
  serviceDesks: number;
  organizations: number;
  /** Injected Admin API faults (429 storms, 5xx, slow answers, malformed pages, reset connections). */
  adminFaults: FaultRule[];
  /** Genuine per-minute limits tighter than the generous default, by endpoint class. */
  adminLimits: Partial<Record<EndpointClass, number>>;
  jiraFaults: FaultOptions;
  jiraRateLimit: RateLimitOptions | false;
}

/** A plan without faults: a generous, well-behaved org of `users` users. */
export const calmPlan = (seed: number, users: number): OrgPlan => ({
  seed, users, directories: 1, sites: 1, projects: 5, serviceDesks: 2, organizations: 3,
  adminFaults: [], adminLimits: {}, jiraFaults: {}, jiraRateLimit: false,
});

/** Limits no sync of a small org reaches: only injected faults and `adminLimits` answer 429. */
const GENEROUS = 1_000_000;

export interface Simulators {
  admin: AdminApiSimulator;
  jira: JiraSimulator;
  orgId: string;
  stop(): Promise<void>;
}

/**
 * Starts the Admin API simulator on a local port, reached through the runtime's egress (the app's @forge/api
 * `fetch` to https://api.atlassian.com), and a Jira/JSM site over the same people as the runtime's product handler.
 * Both read the runtime's clock, so queue delays and client waits (virtual) move their rate limits too.
 */
export const startSimulators = async (rt: ForgeRuntimeHandle, plan: OrgPlan): Promise<Simulators> => {
  const now = (): number => rt.runtime.clock.now();
  const admin = new AdminApiSimulator({
    org: { users: plan.users, now: new Date(now()).toISOString(), seed: `sync-${String(plan.seed)}`, directories: plan.directories, sites: plan.sites },
    clock: now,
    seed: plan.seed,
    defaultRateLimit: GENEROUS,
    rateLimits: { 'last-active-dates': GENEROUS, 'events-stream': GENEROUS, ...plan.adminLimits },
    faults: plan.adminFaults,
  });
  rt.setEgressHandler(egressTo(await admin.start()));
  const entries = admin.state.directoryEntries();
  const jira = new JiraSimulator({
    seed: plan.seed,
    people: {
      users: entries.map((e) => ({ accountId: e.accountId, displayName: e.name, email: e.email, active: e.status !== 'deactivated' })),
      groups: admin.state.groupEntries().map((g) => ({ groupId: g.id, name: g.name, members: g.memberIds })),
    },
    projects: plan.projects,
    serviceDesks: plan.serviceDesks,
    organizations: plan.organizations,
    organizationSize: [0, 30],
    customersPerDesk: [0, 40],
    customerAccounts: 15,
    now,
    rateLimit: plan.jiraRateLimit,
    faults: plan.jiraFaults,
  });
  rt.setProductHandler(jiraProductHandler(jira));
  return { admin, jira, orgId: admin.state.org.id, stop: () => admin.stop() };
};

/** The org's API key as the admin page saves it (the secret, and what may be shown about it). */
export const API_KEY = DEFAULT_KEYS.valid;
