import { route, type APIResponse } from '@forge/api';
import { z } from 'zod';
import { JiraReader, type JiraAttempt } from '../../../src/adapters/jira/jiraReader';
import { waitFor429 } from '../../../src/adapters/jira/jiraRetry';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);
const headers = (h: Record<string, string>): { get: (n: string) => string | null } => ({ get: (n) => h[n] ?? null });
const answer = (status: number, body: string, h: Record<string, string> = {}): APIResponse => new Response(body === '' ? null : body, { status, headers: h });

/** A reader whose requests are answered, in order, by `script` (a thrown error stands for a network failure). */
const scripted = (script: (APIResponse | Error)[], attempts: JiraAttempt[] = [], sleeps: number[] = []): JiraReader =>
  new JiraReader({
    requestJira: () => {
      const next = script.shift();
      return next instanceof Error || next === undefined ? Promise.reject(next ?? new Error('script ended')) : Promise.resolve(next);
    },
    clock: { now: () => new Date(NOW) },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 1,
    onAttempt: (a) => attempts.push(a),
  });

const schema = z.object({ ok: z.literal(true) });
const path = route`/rest/api/3/project/search`;

describe('JiraReader', () => {
  it('reads the wait from Retry-After (seconds or a date), else X-RateLimit-Reset, else leaves it to backoff', () => {
    expect(waitFor429(headers({ 'retry-after': '3' }), NOW)).toBe(3000);
    expect(waitFor429(headers({ 'retry-after': new Date(NOW + 5000).toUTCString() }), NOW)).toBe(5000);
    expect(waitFor429(headers({ 'x-ratelimit-reset': new Date(NOW + 7000).toISOString() }), NOW)).toBe(7000);
    expect(waitFor429(headers({ 'x-ratelimit-reset': new Date(NOW - 7000).toISOString() }), NOW)).toBeNull();
    expect(waitFor429(headers({}), NOW)).toBeNull();
  });

  it('retries network errors, malformed and unexpected bodies with backoff, then succeeds', async () => {
    const attempts: JiraAttempt[] = [];
    const sleeps: number[] = [];
    const reader = scripted([new Error('reset'), answer(200, 'not json'), answer(200, '{"ok":false}'), answer(429, ''), answer(200, '{"ok":true}')], attempts, sleeps);
    await expect(reader.get('searchProjects', path, schema)).resolves.toEqual({ ok: true });
    expect(attempts.map((a) => [a.status, a.willRetry])).toEqual([['network', true], [200, true], [200, true], [429, true], [200, false]]);
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it('answers null for 404 and FORBIDDEN for 401, UPSTREAM_FAILED for another 4xx', async () => {
    await expect(scripted([answer(404, '')]).get('getProjectRole', path, schema)).resolves.toBeNull();
    await expect(scripted([answer(401, '')]).get('getProjectRole', path, schema)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(scripted([answer(412, '{}')]).get('getCustomers', path, schema)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', details: { status: 412 } });
  });

  it('says UPSTREAM_FAILED with the reason after the last network failure', async () => {
    const reader = scripted([new Error('a'), new Error('b'), new Error('c'), new Error('d'), new Error('e')]);
    await expect(reader.get('searchProjects', path, schema)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', details: { reason: 'network', attempts: 5 } });
  });
});
