import { statusOf } from './access';
import type { SimOrg } from './model';

const DAY = 86_400_000;

/** Users who used a product this recently are regulars: they keep using it while time passes. */
export const REGULAR_WITHIN_MS = 7 * DAY;

/**
 * Lets `ms` pass in the organization: its "today" moves forward; a member still active in the directory who used a
 * product within {@link REGULAR_WITHIN_MS} before keeps using it, so that activity moves forward by `ms`; every
 * other activity stays where it was, so those users become `ms` more inactive.
 */
export function passTime(org: SimOrg, ms: number): void {
  if (ms < 0) throw new RangeError('admin-api-simulator: time only moves forward');
  const before = org.now;
  org.now = before + ms;
  const width = org.workspaces.length;
  for (const user of org.users) {
    if (statusOf(user) !== 'active') continue;
    for (let w = 0; w < width; w++) {
      const slot = user.index * width + w;
      const at = org.lastActive[slot];
      if (at !== undefined && !Number.isNaN(at) && before - at < REGULAR_WITHIN_MS) org.lastActive[slot] = at + ms;
    }
  }
}
