import { JiraSimulator, type RecordedExchange } from '../../dev/jira-simulator';
import { responseErrors } from '../integration/jira/support/jiraContract';

jest.setTimeout(60_000);

const sim = new JiraSimulator({
  seed: 4,
  users: 250,
  groups: 5,
  projects: 120,
  serviceDesks: 3,
  organizationSize: [0, 80],
  customersPerDesk: [0, 90],
  rateLimit: { perMinute: 60, burst: 100000 },
  faults: { seed: 2, burstRate: 0.02, serverErrorRate: 0.02 },
  record: true,
});
const opt = { 'X-ExperimentalApi': 'opt-in' };

/** Requests covering every operation: paging edges, both callers, and the errors each one can answer. */
const drive = async (): Promise<void> => {
  sim.inject({ status: 503, times: 1, operation: 'getServiceDesks' });
  sim.inject({ status: 500, times: 1, operation: 'searchProjects' });
  sim.inject({ status: 429, times: 1, operation: 'getUsersFromGroup', retryAfterSeconds: 3 });
  const get = (path: string, headers: Record<string, string> = {}, accountId: string | null = null): Promise<unknown> =>
    sim.handle({ method: 'GET', path, headers, accountId });
  const site = sim.site;
  const member = [...site.people.values()].find((p) => !site.admins.has(p.accountId))!;
  for (const who of [null, [...site.admins][0]!, member.accountId]) await get('/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS', {}, who);
  await get('/rest/api/3/mypermissions');
  for (const q of ['', '?startAt=0&maxResults=100', '?startAt=100&maxResults=500', '?startAt=1000', '?maxResults=0']) await get(`/rest/api/3/project/search${q}`);
  for (const project of site.projects.slice(0, 6)) {
    await get(`/rest/api/3/project/${project.key}/role`);
    await get(`/rest/api/3/project/${project.id}/role`);
    for (const role of project.roles) await get(`/rest/api/3/project/${project.key}/role/${String(role.id)}?excludeInactiveUsers=true`);
  }
  await get('/rest/api/3/project/NOPE/role');
  await get('/rest/api/3/project/NOPE/role/10002');
  await get(`/rest/api/3/project/${site.projects[0]!.key}/role/abc`);
  for (const group of site.groups) {
    for (let startAt = 0; startAt < group.members.length + 50; startAt += 50) {
      await get(`/rest/api/3/group/member?groupId=${group.groupId}&includeInactiveUsers=true&startAt=${String(startAt)}&maxResults=50`);
    }
    await get(`/rest/api/3/group/member?groupname=${encodeURIComponent(group.name)}`);
  }
  await get('/rest/api/3/group/member?groupId=missing');
  await get('/rest/api/3/group/member');
  await get('/rest/servicedeskapi/servicedesk?start=0&limit=2');
  await get('/rest/servicedeskapi/servicedesk?start=2&limit=2');
  for (const desk of site.serviceDesks) {
    for (const start of [0, 50, 100]) await get(`/rest/servicedeskapi/servicedesk/${desk.id}/customer?start=${String(start)}&limit=100`, opt);
    await get(`/rest/servicedeskapi/servicedesk/${desk.projectKey}/organization`);
    await get(`/rest/servicedeskapi/servicedesk/${desk.id}/customer`);
  }
  await get('/rest/servicedeskapi/servicedesk/999/customer', opt);
  await get('/rest/servicedeskapi/servicedesk/999/organization');
  await get('/rest/servicedeskapi/servicedesk?start=-1');
  for (const org of site.organizations) await get(`/rest/servicedeskapi/organization/${org.id}/user?start=0&limit=50`);
  await get(`/rest/servicedeskapi/organization?accountId=${encodeURIComponent(site.organizations[0]!.members[0] ?? 'none')}`);
  await get('/rest/servicedeskapi/organization?start=1&limit=2');
  await get('/rest/servicedeskapi/organization/999/user');
  await get('/rest/servicedeskapi/organization/abc/user');
};

describe('Jira/JSM simulator responses against the official documents', () => {
  let exchanges: RecordedExchange[] = [];
  beforeAll(async () => {
    await drive();
    exchanges = sim.exchanges;
  });

  it('gives only answers the Jira platform and JSM documents allow', async () => {
    const problems: string[] = [];
    for (const e of exchanges) {
      for (const error of await responseErrors(e.method, e.path, e.status, e.body)) problems.push(`${String(e.status)} ${e.path}: ${error}`);
    }
    expect(problems).toEqual([]);
  }, 30_000);

  it('covered every operation, success and error answers, and the fault statuses', () => {
    const seen = new Set(exchanges.map((e) => e.operation));
    expect([...seen].sort()).toEqual(Object.keys(sim.counters()).filter((k) => k !== 'unrouted').sort());
    const statuses = new Set(exchanges.map((e) => e.status));
    for (const s of [200, 400, 404, 412, 429]) expect(statuses).toContain(s);
    expect([...statuses].some((s) => s >= 500)).toBe(true);
  });

  it('would notice a wrong body, a body where none is declared, and an undeclared status', async () => {
    expect(await responseErrors('GET', '/rest/api/3/project/search', 200, { values: [{ id: 5 }] })).not.toEqual([]);
    expect(await responseErrors('GET', '/rest/api/3/project/X/role', 404, { errorMessages: [] })).not.toEqual([]);
    expect(await responseErrors('GET', '/rest/api/3/project/X/role', 409, undefined)).not.toEqual([]);
    expect(await responseErrors('GET', '/rest/servicedeskapi/organization', 200, { values: [{ id: 1 }] })).not.toEqual([]);
  });

  it('sends Retry-After and the X-RateLimit-* headers with every 429', () => {
    const limited = exchanges.filter((e) => e.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    for (const e of limited) {
      expect(Number(e.responseHeaders['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(e.responseHeaders).toEqual(expect.objectContaining({ 'x-ratelimit-limit': expect.any(String) as string, 'x-ratelimit-reset': expect.any(String) as string }));
    }
  });
});
