import { rejection, testClient } from './support/client';
import { fixtureAnswer } from './support/fixtureScript';
import { DIR, ORG } from './support/fixtures';
import { startScriptedServer, type Script, type ScriptedAnswer, type ScriptedServer } from './support/scriptedServer';

jest.setTimeout(60_000);

let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer(fixtureAnswer);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Answers the first `n` requests with `fault`, then the fixtures. */
const firstFail = (n: number, fault: ScriptedAnswer): Script => (req, i) => (i < n ? fault : fixtureAnswer(req));
const tooMany = (headers: Record<string, string> = {}): ScriptedAnswer => ({
  status: 429,
  body: { code: 429, message: 'Rate limit exceeded' },
  headers,
});

describe('Admin API client: retries are bounded and back off', () => {
  it('retries a 5xx with full-jitter exponential backoff, then succeeds', async () => {
    server.setScript(firstFail(3, { status: 503, body: { code: 503, message: 'Service Unavailable' } }));
    const { gateway, time, attempts } = testClient(server.url);
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    // random() = 0.5: half of min(60 s, 1 s × 2^(attempt-1)).
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000, 2000]);
    expect(attempts.slice(0, 4).map((a) => [a.status, a.willRetry])).toEqual([
      [503, true],
      [503, true],
      [503, true],
      [200, false],
    ]);
  });

  it('gives up after maxAttempts with UPSTREAM_FAILED naming the cause', async () => {
    server.setScript(() => ({ status: 500, body: { errors: [{ code: 'ADMIN-500-1', title: 'Internal' }] } }));
    const { gateway } = testClient(server.url, { maxAttempts: 4 });
    await expect(rejection(gateway.searchUsers(ORG, DIR, null))).resolves.toEqual({
      code: 'UPSTREAM_FAILED',
      details: { operation: 'searchUsers', status: 500, reason: 'server-error', attempts: 4 },
    });
    expect(server.requests).toHaveLength(4);
  });

  it('with a deadline, starts no attempt or backoff that would end after it (a resolver\'s call)', async () => {
    server.setScript(() => ({ status: 503, body: { code: 503, message: 'Service Unavailable' } }));
    const { gateway, time } = testClient(server.url, { deadlineMs: 3_000 });
    // Backoffs of 500 and 1,000 ms fit; the next (2,000 ms, ending at 3,500 ms) does not.
    await expect(rejection(gateway.listOrgs())).resolves.toMatchObject({ code: 'UPSTREAM_FAILED', details: { attempts: 3 } });
    expect(server.requests).toHaveLength(3);
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000]);
  });

  it('sends nothing with a key a header cannot carry, and says the key is refused', async () => {
    const { gateway } = testClient(server.url, { apiKey: () => Promise.resolve('test\u200bkey') });
    await expect(rejection(gateway.listOrgs())).resolves.toMatchObject({ code: 'API_KEY_REJECTED' });
    expect(server.requests).toHaveLength(0);
  });

  it('retries a dropped connection like a 5xx', async () => {
    server.setScript(firstFail(2, { status: 0, destroy: true }));
    const { gateway, attempts } = testClient(server.url);
    await expect(gateway.listOrgs()).resolves.toHaveLength(2);
    expect(attempts.slice(0, 2).map((a) => a.status)).toEqual(['network', 'network']);
  });

  it('aborts a response slower than requestTimeoutMs and retries it', async () => {
    server.setScript(firstFail(1, { status: 200, body: {}, delayMs: 400 }));
    const { gateway, attempts } = testClient(server.url, { requestTimeoutMs: 100 });
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    expect(attempts[0]).toMatchObject({ status: 'network', willRetry: true });
  });

  it('retries a malformed page (cut-off JSON, missing data) and never returns it as empty', async () => {
    const bad: ScriptedAnswer[] = [{ status: 200, raw: '{"data":[{"accountId":"u-1"' }, { status: 200, body: { links: {} } }];
    server.setScript((req, i) => bad[i] ?? fixtureAnswer(req));
    const { gateway, attempts } = testClient(server.url);
    const page = await gateway.searchUsers(ORG, DIR, null);
    expect(page.items).toHaveLength(6);
    expect(attempts.slice(0, 2).map((a) => a.willRetry)).toEqual([true, true]);

    server.setScript(() => ({ status: 200, body: { data: [{ accountId: 'u-1' /* no status at all */ }] } }));
    await expect(rejection(gateway.searchUsers(ORG, DIR, null))).resolves.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { reason: 'malformed-response', attempts: 6 },
    });
  });

  it('treats a v1 next-page URL without a cursor as malformed, not as the last page', async () => {
    server.setScript(() => ({ status: 200, body: { data: [], links: { next: 'https://api.atlassian.com/admin/v1/orgs?page=2' } } }));
    const { gateway } = testClient(server.url, { maxAttempts: 2 });
    await expect(rejection(gateway.listOrgs())).resolves.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { reason: 'malformed-response' },
    });
  });

  it('treats a cursor that repeats forever as an upstream fault, not the end of the list', async () => {
    server.setScript(() => ({ status: 200, body: { data: [{ directoryId: 'd', name: 'D' }], links: { next: 'same' } } }));
    const { gateway } = testClient(server.url);
    await expect(rejection(gateway.listDirectories(ORG))).resolves.toMatchObject({
      code: 'UPSTREAM_FAILED',
      details: { reason: 'cursor-loop' },
    });
  });
});

describe('Admin API client: 429 handling', () => {
  it('waits Retry-After when the 429 sends it', async () => {
    server.setScript(firstFail(1, tooMany({ 'Retry-After': '7' })));
    const { gateway, time } = testClient(server.url);
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    expect(time.sleeps).toContain(7000);
  });

  it('otherwise waits until X-RateLimit-Reset (plus a second of slack)', async () => {
    const { gateway, time } = testClient(server.url);
    const reset = new Date(time.now() + 12_000).toISOString();
    server.setScript(firstFail(1, tooMany({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset })));
    await expect(gateway.listDirectories(ORG)).resolves.toHaveLength(2);
    expect(time.sleeps).toContain(13_000);
  });

  it('otherwise backs off with jitter; after maxAttempts RATE_LIMITED says when to retry', async () => {
    server.setScript(() => tooMany());
    const { gateway, time } = testClient(server.url, { maxAttempts: 3 });
    const started = time.now();
    const error = await rejection(gateway.lastActiveDates(ORG, 'u-1'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { operation: 'lastActiveDates', cause: '429', attempts: 3 } });
    expect(time.sleeps.filter((ms) => ms >= 500)).toEqual([500, 1000]);
    // The third wait (2 s of backoff) is not sat out: the caller re-queues the work for retryAt.
    expect(Date.parse(String(error.details.retryAt))).toBe(started + 500 + 1000 + 2000);
    expect(server.requests).toHaveLength(3);
  });

  it('does not sit out a wait longer than maxWaitMs: RATE_LIMITED at once, retryAt from Retry-After', async () => {
    server.setScript(() => tooMany({ 'Retry-After': '3600' }));
    const { gateway, time } = testClient(server.url);
    const error = await rejection(gateway.searchUsers(ORG, DIR, null));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', details: { attempts: 1 } });
    expect(Date.parse(String(error.details.retryAt))).toBe(time.now() + 3_600_000);
    expect(server.requests).toHaveLength(1);
    // The endpoint stays closed: the next call fails fast without a request.
    await expect(rejection(gateway.searchUsers(ORG, DIR, null))).resolves.toMatchObject({
      code: 'RATE_LIMITED',
      details: { cause: 'endpoint-closed' },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a 429 holds back the other queued requests of that endpoint until its wait is over', async () => {
    server.setScript(firstFail(1, tooMany({ 'Retry-After': '5' })));
    const { gateway, time } = testClient(server.url);
    const sent: number[] = [];
    const clock = time.now;
    server.setScript((req, i) => {
      sent.push(clock());
      return i === 0 ? tooMany({ 'Retry-After': '5' }) : fixtureAnswer(req);
    });
    const start = time.now();
    await Promise.all([1, 2, 3].map(() => gateway.searchUsers(ORG, DIR, null)));
    expect(sent[0]).toBe(start);
    // The two calls queued behind the 429 start only after its 5 s.
    expect(sent.slice(1).every((t) => t >= start + 5000)).toBe(true);
  });
});
