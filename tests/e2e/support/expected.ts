/**
 * What the page must show, computed from the Admin API simulator's own state (the truth the sync read).
 */
import type { SimulatorState } from '../../../dev/admin-api-simulator';

/** One product row of the dashboard, as the simulator sees it. */
export interface ExpectedProduct {
  /** The name the page shows: with one site, the simulator's workspace name without its "(site)". */
  name: string;
  usersWithAccess: number;
  seatsUsed: number;
  capacity: number | null;
}

/** Dashboard figures the simulator determines. */
export interface ExpectedDashboard {
  users: number;
  billable: number;
  products: ExpectedProduct[];
}

/**
 * Members; billable members, i.e. those holding a seat on at least one product (an active account and membership
 * and a billable role there, as the simulator counts seats); and per product the members with access and the seats.
 */
export const expectedDashboard = (state: SimulatorState): ExpectedDashboard => {
  const entries = state.directoryEntries();
  const seatHolder = (e: (typeof entries)[number]): boolean => e.status === 'active' && e.products.some((p) => p.billable);
  return {
    users: entries.length,
    billable: entries.filter(seatHolder).length,
    products: state.org.workspaces.map((w, index) => ({
      name: w.name.replace(/\s*\([^()]*\)$/, ''),
      usersWithAccess: entries.filter((e) => e.products.some((p) => p.resourceId === w.id)).length,
      seatsUsed: state.seats(index),
      capacity: w.capacity,
    })),
  };
};

/** The simulator's user with this display name (names in a seeded org are unique enough for a journey). */
export const simUserNamed = (state: SimulatorState, name: string): SimulatorState['org']['users'][number] => {
  const user = state.org.users.find((u) => u.name === name);
  if (user === undefined) throw new Error(`No simulated user named ${name}`);
  return user;
};
