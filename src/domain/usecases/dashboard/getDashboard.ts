import type { SyncRun } from '../../model/jobs';
import { productFamily } from '../../model/product';
import { ProtectedEmails } from '../../policy/protectedEmails';
import type { Clock } from '../../ports/clock';
import type { DashboardQueries, DashboardTotals, ProductUsage, StateCounts } from '../../ports/dashboardQueries';
import type { ProductRepository } from '../../ports/productRepository';
import type { SettingsStore } from '../../ports/settingsStore';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import { estimateSaving, type SavingView } from './saving';

/** Seats are "near" capacity from this share on. */
export const NEAR_CAPACITY = 0.9;

export interface ProductUsageView extends ProductUsage {
  family: string;
  siteUrl: string | null;
  seatPercent: number | null;
  seatLevel: 'ok' | 'near' | 'over' | 'unknown';
}

/** Everything the dashboard shows (D1–D4). */
export interface DashboardView {
  totals: DashboardTotals;
  thresholds: { warningDays: number; overdueDays: number };
  products: ProductUsageView[];
  saving: SavingView;
  freshness: { lastSyncAt: Date | null; lastSyncStatus: SyncRun['status'] | null; runningSince: Date | null };
}

/** What the dashboard reads. */
export interface DashboardDeps {
  dashboard: DashboardQueries;
  products: ProductRepository;
  settings: SettingsStore;
  runs: SyncRunRepository;
  clock: Clock;
}

const seatLevel = (used: number, capacity: number | null): ProductUsageView['seatLevel'] => {
  if (capacity === null || capacity === 0) return 'unknown';
  if (used > capacity) return 'over';
  return used >= capacity * NEAR_CAPACITY ? 'near' : 'ok';
};

const withSeats = (usage: ProductUsage, siteUrl: string | null): ProductUsageView => ({
  ...usage,
  family: productFamily(usage.productKey),
  siteUrl,
  seatPercent: usage.seatCapacity ? Math.round((usage.seatsUsed / usage.seatCapacity) * 1000) / 10 : null,
  seatLevel: seatLevel(usage.seatsUsed, usage.seatCapacity),
});

const freshnessOf = (history: readonly SyncRun[]): DashboardView['freshness'] => {
  const running = history.find((r) => r.status === 'running');
  const finished = history.find((r) => r.finishedAt !== null);
  return { lastSyncAt: finished?.finishedAt ?? null, lastSyncStatus: finished?.status ?? null, runningSince: running?.startedAt ?? null };
};

/** Empty counts, for an org not synced yet. */
export const noCounts = (): StateCounts => ({ active: 0, warning: 0, overdue: 0, 'never-active': 0, new: 0, unknown: 0 });

/**
 * D1, D2, D4: totals by inactivity state, per-product usage against seat capacity, the monthly saving estimate and
 * how fresh the data is; all computed in the database at the current thresholds and time.
 */
export const getDashboard = async (deps: DashboardDeps): Promise<DashboardView> => {
  const settings = await deps.settings.load();
  const context = { now: deps.clock.now(), thresholds: settings.inactivity };
  // Protected seats are read only when there can be an estimate to take them from, beside the other queries.
  const priced = Object.keys(settings.seatPrices).length > 0;
  const protectedEmails = ProtectedEmails.from(settings.protectedEmails);
  const [totals, usage, history, known, held] = await Promise.all([
    deps.dashboard.totals(context),
    deps.dashboard.productUsage(context),
    deps.runs.history(5),
    deps.products.list(),
    priced ? deps.dashboard.protectedOverdueSeats({ ...context, protectedEmails }) : Promise.resolve([]),
  ]);
  const siteUrls = new Map(known.map((p) => [`${p.key} ${p.resourceId}`, p.siteUrl]));
  const products = usage.map((u) => withSeats(u, siteUrls.get(`${u.productKey} ${u.resourceId}`) ?? null));
  return {
    totals,
    thresholds: settings.inactivity,
    products,
    saving: estimateSaving(products, settings, held),
    freshness: freshnessOf(history),
  };
};
