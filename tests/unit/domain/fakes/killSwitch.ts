/**
 * A process-wide "power switch" the fakes share: every port call goes through `tick()`. At `killAt` the consumer
 * dies: that call and every later one throw until the driver revives it (the platform re-delivers the message).
 * A fake built without one gets its own, which never kills.
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
