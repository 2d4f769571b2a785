import { auditListPayloadSchema } from '../../../src/contract/audit';
import { failure } from '../../../src/adapters/resolvers/envelope';

describe('dates in payloads', () => {
  it('refuses an instant beyond 9999 once in UTC, with a translated reason', () => {
    const parsed = auditListPayloadSchema.safeParse({ to: '9999-12-31T23:59:59-01:00' });
    expect(parsed.success).toBe(false);
    expect(parsed.error === undefined ? null : failure(parsed.error)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'to', messageKey: 'validation.date-out-of-range' }] } },
    });
  });

  it.each(['1969-12-31T23:59:59Z', '0001-01-01T00:00:00+00:00'])('refuses %s', (from) => {
    expect(auditListPayloadSchema.safeParse({ from }).success).toBe(false);
  });

  it.each(['9999-12-31T23:59:59Z', '9999-12-31T23:59:59+01:00', '1970-01-01T00:00:00Z'])('accepts %s', (to) => {
    expect(auditListPayloadSchema.safeParse({ to }).success).toBe(true);
  });
});
