import { JiraSimulator, serveJiraSimulator } from '../../../dev/jira-simulator';

jest.setTimeout(60_000);

describe('Jira/JSM simulator over HTTP', () => {
  it('answers like handle(), with X-Sim-Account-Id as the calling user', async () => {
    const sim = new JiraSimulator({ seed: 2 });
    const { server, url } = await serveJiraSimulator(sim);
    try {
      const admin = [...sim.site.admins][0]!;
      const mine = await fetch(`${url}/rest/api/3/mypermissions?permissions=ADMINISTER`, { headers: { 'X-Sim-Account-Id': admin } });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('x-ratelimit-limit')).toBe('1200');
      expect(await mine.json()).toMatchObject({ permissions: { ADMINISTER: { havePermission: true } } });
      const desks = await fetch(`${url}/rest/servicedeskapi/servicedesk`);
      expect(((await desks.json()) as { values: unknown[] }).values).toHaveLength(sim.site.serviceDesks.length);
    } finally {
      await new Promise<void>((resolve) => server.close(() => { resolve(); }));
    }
  });
});
