import { errorCodes } from '../../../src/domain/model/errors';
import { errorPolicy, errorResponse } from '../../../src/domain/policy/errorPolicy';

describe('error policy: what a job does with each error code', () => {
  it('waits out rate limits, stops on key errors and the licence limit, and fails only the item otherwise', () => {
    expect(errorResponse('RATE_LIMITED')).toBe('retry-later');
    for (const code of ['API_KEY_MISSING', 'API_KEY_REJECTED', 'API_KEY_FORBIDDEN', 'LICENSE_LIMIT_REACHED'] as const) expect(errorResponse(code)).toBe('stop-job');
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UPSTREAM_FAILED', 'INTERNAL'] as const) expect(errorResponse(code)).toBe('fail-item');
  });

  it('has an answer for every code and nothing else', () => {
    expect(Object.keys(errorPolicy).sort()).toEqual([...errorCodes].sort());
  });
});
