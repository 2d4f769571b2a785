import { DomainError } from '../../../src/domain/model/errors';
import { failure } from '../../../src/adapters/resolvers/envelope';

describe('what a failed answer shows the browser', () => {
  it('keeps SQL codes and statement text of a storage error out of the answer', () => {
    const error = new DomainError('STORAGE_LIMIT', 'SQL RESPONSE_SIZE_EXCEEDED: too big', { sqlCode: 'RESPONSE_SIZE_EXCEEDED', statement: 'SELECT u.account_id, u.email FROM users u' });
    const answer = failure(error);
    expect(answer).toEqual({ ok: false, error: { code: 'STORAGE_LIMIT', messageKey: 'errors.STORAGE_LIMIT' } });
    expect(JSON.stringify(answer)).not.toMatch(/SELECT|RESPONSE_SIZE|account_id/);
  });

  it('keeps what the page explains: field issues, the reason code, the limit and when to retry', () => {
    const issues = [{ path: 'url', messageKey: 'webhooks.reasons.url-not-https', message: 'url-not-https' }];
    const answer = failure(new DomainError('VALIDATION_FAILED', 'refused', { issues, reason: 'too-many', max: 3, retryAfterSeconds: 30, kvsCode: 'X', operation: 'set settings', status: 503 }));
    expect(answer).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', messageKey: 'errors.VALIDATION_FAILED', details: { issues, reason: 'too-many', max: 3, retryAfterSeconds: 30 } } });
  });

  it('says nothing of an unexpected error but that something went wrong', () => {
    expect(failure(new Error('connect ECONNREFUSED 10.0.0.1:3306 at Socket.<anonymous> (/app/node_modules/x.js:1:1)'))).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
  });
});
