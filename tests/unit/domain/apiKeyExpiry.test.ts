import fc from 'fast-check';
import {
  NOTICE_DAYS,
  WARNING_WINDOW_DAYS,
  daysLeft,
  expiryStatus,
  keyRefusal,
  shouldSendSevenDayNotice,
} from '../../../src/domain/policy/apiKeyExpiry';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const EXPIRES = new Date('2025-07-01T10:00:00Z');
const before = (ms: number, from: Date = EXPIRES): Date => new Date(from.getTime() - ms);

describe('S1 days left on the API key', () => {
  it('counts whole days, rounding down', () => {
    expect(daysLeft(EXPIRES, before(10 * DAY_MS))).toBe(10);
    expect(daysLeft(EXPIRES, before(10 * DAY_MS - 1))).toBe(9);
    expect(daysLeft(EXPIRES, before(1))).toBe(0);
  });

  it('is negative once the key has expired', () => {
    expect(daysLeft(EXPIRES, EXPIRES)).toBe(0);
    expect(daysLeft(EXPIRES, before(-1))).toBe(-1);
    expect(daysLeft(EXPIRES, before(-3 * DAY_MS))).toBe(-3);
  });
});

describe('S1 expiry banner', () => {
  it('is unknown without an expiry date', () => {
    expect(expiryStatus(null, EXPIRES)).toBe('unknown');
  });

  it('is ok until 14 days are left, then warns', () => {
    expect(WARNING_WINDOW_DAYS).toBe(14);
    expect(expiryStatus(EXPIRES, before(15 * DAY_MS))).toBe('ok');
    expect(expiryStatus(EXPIRES, before(15 * DAY_MS - 1))).toBe('warning');
    expect(expiryStatus(EXPIRES, before(1))).toBe('warning');
  });

  it('is expired from the expiry instant on', () => {
    expect(expiryStatus(EXPIRES, EXPIRES)).toBe('expired');
    expect(expiryStatus(EXPIRES, before(-DAY_MS))).toBe('expired');
  });
});

describe('S7 "API key expiring in 7 days" notice', () => {
  it('is not sent with more than 7 days left', () => {
    expect(NOTICE_DAYS).toBe(7);
    expect(shouldSendSevenDayNotice(EXPIRES, before(8 * DAY_MS), null)).toBe(false);
  });

  it('is sent with 7 days left when none went out for this expiry', () => {
    expect(shouldSendSevenDayNotice(EXPIRES, before(8 * DAY_MS - 1), null)).toBe(true);
    expect(shouldSendSevenDayNotice(EXPIRES, before(HOUR_MS), null)).toBe(true);
  });

  it('is not sent twice for the same expiry', () => {
    expect(shouldSendSevenDayNotice(EXPIRES, before(DAY_MS), new Date(EXPIRES.getTime()))).toBe(false);
  });

  it('is sent again for a replaced key with a new expiry', () => {
    const replaced = new Date('2025-07-05T10:00:00Z');
    expect(shouldSendSevenDayNotice(replaced, before(DAY_MS), EXPIRES)).toBe(true);
  });

  it('is not sent for an expired or undated key', () => {
    expect(shouldSendSevenDayNotice(EXPIRES, EXPIRES, null)).toBe(false);
    expect(shouldSendSevenDayNotice(null, EXPIRES, null)).toBe(false);
  });

  it('goes out exactly once while time walks from 30 days before expiry to past it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        fc.integer({ min: HOUR_MS, max: DAY_MS }),
        (expiresMs, phase, step) => {
          const expiresAt = new Date(expiresMs);
          let lastNoticeFor: Date | null = null;
          const sent: number[] = [];
          for (let t = expiresMs - 30 * DAY_MS + phase; t <= expiresMs + 3 * DAY_MS; t += step) {
            if (shouldSendSevenDayNotice(expiresAt, new Date(t), lastNoticeFor)) {
              sent.push(t);
              lastNoticeFor = expiresAt;
            }
          }
          expect(sent).toHaveLength(1);
          const [at] = sent;
          expect(expiresMs - at!).toBeLessThan((NOTICE_DAYS + 1) * DAY_MS);
          expect(expiresMs - at!).toBeGreaterThan((NOTICE_DAYS + 1) * DAY_MS - step - 1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('S1 why the stored key is refused (a 401 says no more)', () => {
  it('expired from its expiry instant, revoked before it, unknown without an expiry', () => {
    expect(keyRefusal(EXPIRES, EXPIRES)).toBe('API_KEY_EXPIRED');
    expect(keyRefusal(EXPIRES, new Date(EXPIRES.getTime() + DAY_MS))).toBe('API_KEY_EXPIRED');
    expect(keyRefusal(EXPIRES, before(1))).toBe('API_KEY_REVOKED');
    expect(keyRefusal(null, EXPIRES)).toBe('API_KEY_REJECTED');
  });
});
