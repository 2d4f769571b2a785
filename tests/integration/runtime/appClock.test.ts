import { useForgeRuntime } from '../../support/forgeRuntime';
import { followRuntimeClock, RuntimeClock } from '../../../dev/forge-runtime';
import { systemClock } from '../../../src/composition';

/** The app's clock follows the runtime's when the host asks (the preview's "+1 day"); otherwise it is real time. */
const DAY = 86_400_000;
const rt = useForgeRuntime({ sql: false });

describe('followRuntimeClock', () => {
  let undo: (() => void) | undefined;
  afterEach(() => { undo?.(); undo = undefined; });

  it('lets the app see the runtime moved a day ahead: Date.now, new Date(), Date() and the app\'s system clock', () => {
    const clock = rt.runtime.clock;
    undo = followRuntimeClock(clock);
    const before = Date.now();
    clock.advance(DAY);
    expect(Date.now() - before).toBeGreaterThanOrEqual(DAY);
    expect(Date.now() - before).toBeLessThan(DAY + 60_000);
    expect(new Date().getTime() - before).toBeGreaterThanOrEqual(DAY);
    expect(Date.parse(Date()) - before).toBeGreaterThanOrEqual(DAY - 1000);
    expect(systemClock.now().getTime() - before).toBeGreaterThanOrEqual(DAY);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1000);
  });

  it('leaves dates built from a value, Date.UTC, Date.parse and instanceof alone, and undoes itself', () => {
    const clock = new RuntimeClock();
    undo = followRuntimeClock(clock);
    clock.advance(10 * DAY);
    const fixed = new Date('2026-01-02T03:04:05Z');
    expect(fixed.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(fixed).toBeInstanceOf(Date);
    expect(new Date(0).getTime()).toBe(0);
    expect(Date.UTC(2026, 0, 2)).toBe(Date.parse('2026-01-02T00:00:00Z'));
    undo();
    undo = undefined;
    expect(Math.abs(Date.now() - (clock.now() - 10 * DAY))).toBeLessThan(1000);
    expect(Math.abs(new Date().getTime() - Date.now())).toBeLessThan(1000);
  });
});
