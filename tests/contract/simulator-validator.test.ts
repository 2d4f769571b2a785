import { declaredStatuses, validateRequest, validateResponse } from '../support/openapi';

jest.setTimeout(60_000);

/** The helper must reject what the spec rejects, or the contract tests prove nothing. */
describe('tests/support/openapi', () => {
  const search = '/admin/v2/orgs/o1/directories/-/users/search';

  it('rejects a response body of the wrong shape and accepts a right one', async () => {
    expect(await validateResponse('organization', 'POST', search, 200, { data: 'x' })).not.toEqual([]);
    expect(await validateResponse('organization', 'POST', search, 200, { data: [{ status: 'nope' }] })).not.toEqual([]);
    expect(await validateResponse('organization', 'POST', search, 200, { data: [], links: {} })).toEqual([]);
  });

  it('checks formats (date-time)', async () => {
    const user = { accountId: 'a', productAccess: [{ key: 'jira', id: 'x', lastActiveTimestamp: 'yesterday' }] };
    expect(await validateResponse('organization', 'POST', search, 200, { data: [user] })).not.toEqual([]);
  });

  it('reports undeclared statuses and body/no-body mismatches', async () => {
    expect(await validateResponse('organization', 'POST', search, 418, undefined)).toEqual([
      'status 418 is not declared for searchDirectoryUsers',
    ]);
    const suspend = '/admin/v2/orgs/o1/directories/d1/users/a1/suspend';
    expect(await validateResponse('organization', 'POST', suspend, 204, { x: 1 })).not.toEqual([]);
    expect(await validateResponse('organization', 'POST', suspend, 204, undefined)).toEqual([]);
    expect(await validateResponse('organization', 'POST', search, 200, undefined)).not.toEqual([]);
  });

  it('validates requests: body schema, path formats and unknown operations', async () => {
    expect(await validateRequest('organization', { method: 'POST', path: search, body: { limit: 500 } })).not.toEqual([]);
    expect(await validateRequest('organization', { method: 'POST', path: search, body: { limit: 100 } })).toEqual([]);
    const assign = '/admin/v1/orgs/o1/users/not-a-uuid/roles/assign';
    expect(await validateRequest('organization', { method: 'POST', path: assign, body: { role: 'atlassian/user' } })).not.toEqual([]);
    expect(await validateRequest('organization', { method: 'GET', path: '/admin/v9/nothing' })).toEqual([
      'no operation in organization for GET /admin/v9/nothing',
    ]);
  });

  it('checks declared response headers (API Access declares X-RateLimit-*)', async () => {
    const keys = '/admin/api-access/v1/orgs/o1/api-keys';
    const headers = { 'X-RateLimit-Limit': 'lots' };
    expect(await validateResponse('apiAccess', 'GET', keys, 200, { data: [], links: {} }, headers)).not.toEqual([]);
    const good = { 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '12', 'X-RateLimit-Reset': '2026-06-01T12:00:00.000Z' };
    expect(await validateResponse('apiAccess', 'GET', keys, 200, { data: [], links: {} }, good)).toEqual([]);
    expect(await declaredStatuses('apiAccess', 'GET', keys)).toEqual([200, 400, 403, 500]);
  });
});
