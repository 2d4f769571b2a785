/**
 * The bench's simulator host, a separate process (Atlassian's cloud is not in the app's memory): the Admin API
 * simulator and a Jira/JSM site over the same people, both on local HTTP ports with the bench's latency and
 * limits. Talks to the bench over the fork IPC channel (ipc.ts). Argument: the number of users.
 */
import { AdminApiSimulator, ENDPOINT_CLASSES, PUBLISHED_LIMITS } from '../../dev/admin-api-simulator';
import { JiraSimulator, serveJiraSimulator } from '../../dev/jira-simulator';
import { BENCH_SIM, type Counters, type HostCommand, type Ready } from './ipc';

const users = Number(process.argv[2] ?? '10000');
const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.round(n)));

const send = (message: Ready | Counters): void => {
  process.send?.(message);
};

const main = async (): Promise<void> => {
  const latency = { medianMs: BENCH_SIM.latencyMs };
  const admin = new AdminApiSimulator({
    org: { users, now: new Date().toISOString(), seed: 'bench-sync' },
    latency,
    defaultRateLimit: BENCH_SIM.unpublishedPerMinute,
    rateLimits: { 'last-active-dates': BENCH_SIM.lastActivePerMinute },
    seed: 'bench-sync',
  });
  const adminUrl = await admin.start();
  const entries = admin.state.directoryEntries();
  const projects = clamp(users / 500, 10, 200);
  const jira = new JiraSimulator({
    seed: 17,
    people: {
      users: entries.map((e) => ({ accountId: e.accountId, displayName: e.name, email: e.email, active: e.status !== 'deactivated' })),
      groups: admin.state.groupEntries().map((g) => ({ groupId: g.id, name: g.name, members: g.memberIds })),
    },
    projects,
    serviceDesks: clamp(projects / 10, 1, 20),
    organizations: clamp(users / 2000, 3, 50),
    organizationSize: [0, 200],
    customersPerDesk: [0, 300],
    customerAccounts: clamp(users / 50, 40, 5000),
    latency,
    rateLimit: { perMinute: BENCH_SIM.jiraPerMinute, burst: 200 },
  });
  const { url: jiraUrl } = await serveJiraSimulator(jira);
  const limits = Object.fromEntries(
    ENDPOINT_CLASSES.map((c) => [c, c === 'last-active-dates' ? BENCH_SIM.lastActivePerMinute : (PUBLISHED_LIMITS[c] ?? BENCH_SIM.unpublishedPerMinute)]),
  );
  send({ type: 'ready', adminUrl, jiraUrl, orgId: admin.state.org.id, orgName: admin.state.org.name, limits });
  process.on('message', (command: HostCommand) => {
    if (command.type === 'stop') process.exit(0);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    send({ type: 'counters', admin: admin.counters(), jira: jira.counters(), peakRssMb });
  });
};

main().catch((error: unknown) => {
  process.stderr.write(`sim host: ${String(error)}\n`);
  process.exit(1);
});
