/**
 * A process-wide "power switch" the fakes share: every port call goes through `tick()`. At `killAt` the consumer
 * dies: that call and every later one throw until the driver revives it (the platform re-delivers the message).
 */
export class KillSwitch {
  calls = 0;
  killAt: number | null = null;
  dead = false;

  tick(): void {
    this.calls += 1;
    if (this.killAt !== null && this.calls >= this.killAt) {
      this.killAt = null;
      this.dead = true;
    }
    if (this.dead) throw new Error('consumer killed');
  }

  revive(): void {
    this.dead = false;
  }
}

/** A small deterministic PRNG (mulberry32) for generated directories. */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
