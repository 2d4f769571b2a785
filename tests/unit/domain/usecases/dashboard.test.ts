import { defaultSettings } from '../../../../src/domain/model/settings';
import type { SyncRun } from '../../../../src/domain/model/jobs';
import type { ProductUsage } from '../../../../src/domain/ports/dashboardQueries';
import { getDashboard, noCounts } from '../../../../src/domain/usecases/dashboard/getDashboard';
import { estimateSaving } from '../../../../src/domain/usecases/dashboard/saving';
import { JIRA_SITE, NOW } from '../fixtures';
import { FakeClock, FakeProductRepository, FakeSettingsStore, Tables } from '../fakes';

const usage = (productKey: string, seatsUsed: number, seatCapacity: number | null, overdue: number): ProductUsage => ({
  productKey,
  resourceId: `${JIRA_SITE}-${productKey}`,
  name: productKey,
  usersWithAccess: seatsUsed,
  seatsUsed,
  seatCapacity,
  byState: { ...noCounts(), overdue },
  overdueSeats: overdue,
});

const run = (status: SyncRun['status'], finishedAt: Date | null): SyncRun => ({ status, finishedAt, startedAt: NOW } as SyncRun);

describe('dashboard (D1, D2, D4)', () => {
  it('classifies seat usage, estimates the saving and reports data freshness', async () => {
    const settings = new FakeSettingsStore({ ...defaultSettings(), seatPrices: { jira: 7.5 }, seatCurrency: 'EUR' });
    const totals = { users: 10, billable: 8, byState: noCounts(), billableByState: noCounts() };
    const view = await getDashboard({
      settings,
      clock: new FakeClock(),
      products: new FakeProductRepository(new Tables(), [{ key: 'jira-software', resourceId: `${JIRA_SITE}-jira-software`, name: 'Jira', siteUrl: 'https://a.net', seatCapacity: 10 }]),
      dashboard: {
        totals: () => Promise.resolve(totals),
        productUsage: () => Promise.resolve([usage('jira-software', 9, 10, 3), usage('jira-core', 2, 10, 1), usage('confluence', 11, 10, 2), usage('bitbucket', 1, null, 0)]),
        protectedOverdueSeats: () => Promise.resolve([]),
      },
      runs: { history: () => Promise.resolve([run('running', null), run('succeeded', NOW)]) } as never,
    });
    expect(view.totals).toBe(totals);
    expect(view.products.map((p) => [p.family, p.seatLevel, p.seatPercent, p.siteUrl])).toEqual([
      ['jira', 'near', 90, 'https://a.net'],
      ['jira', 'ok', 20, null],
      ['confluence', 'over', 110, null],
      ['bitbucket', 'unknown', null, null],
    ]);
    expect(view.saving.totalMonthly).toBe(30);
    expect(view.saving.currency).toBe('EUR');
    expect(view.saving.lines).toEqual([{ family: 'jira', name: 'jira-software', overdueSeats: 4, pricePerSeat: 7.5, monthly: 30 }]);
    expect(view.freshness).toEqual({ lastSyncAt: NOW, lastSyncStatus: 'succeeded', runningSince: NOW });
  });

  it('is empty but valid before the first sync', () => {
    expect(estimateSaving([], { seatPrices: {}, seatCurrency: 'USD' })).toEqual({ currency: 'USD', totalMonthly: 0, lines: [], assumptionKeys: expect.any(Array) as unknown });
  });

  it('estimates per product with a price only, from the seats protected users do not hold, and says what it assumes (D4)', () => {
    const products = [
      { ...usage('jira-software', 50, 60, 20), family: 'jira' },
      { ...usage('confluence', 40, 40, 10), family: 'confluence' },
    ];
    const held = [{ productKey: 'jira-software', resourceId: products[0]!.resourceId, seats: 8 }];
    const saving = estimateSaving(products, { seatPrices: { jira: 8.15 }, seatCurrency: 'GBP' }, held);
    expect(saving.lines).toEqual([{ family: 'jira', name: 'jira-software', overdueSeats: 12, pricePerSeat: 8.15, monthly: 97.8 }]);
    expect(saving).toMatchObject({ currency: 'GBP', totalMonthly: 97.8 });
    expect(saving.assumptionKeys).toContain('dashboard.saving.assumptions.protectedExcluded');
    expect(estimateSaving(products, { seatPrices: {}, seatCurrency: 'USD' }).lines).toEqual([]);
  });

  it('reads the seats protected users hold with the whitelist, and only once a price is set (D4)', async () => {
    const seen: string[][] = [];
    const view = (seatPrices: Record<string, number>) =>
      getDashboard({
        settings: new FakeSettingsStore({ ...defaultSettings(), protectedEmails: ['@vip.example'], seatPrices }),
        clock: new FakeClock(),
        products: new FakeProductRepository(new Tables(), []),
        dashboard: {
          totals: () => Promise.resolve({ users: 0, billable: 0, byState: noCounts(), billableByState: noCounts() }),
          productUsage: () => Promise.resolve([usage('jira-software', 9, 10, 5)]),
          protectedOverdueSeats: (context) => {
            seen.push(context.protectedEmails.entries.map((e) => e.raw));
            return Promise.resolve([{ productKey: 'jira-software', resourceId: `${JIRA_SITE}-jira-software`, seats: 2 }]);
          },
        },
        runs: { history: () => Promise.resolve([]) } as never,
      });
    expect((await view({})).saving.lines).toEqual([]);
    expect(seen).toEqual([]);
    expect((await view({ confluence: 5 })).saving.lines).toEqual([]);
    seen.length = 0;
    expect((await view({ jira: 10 })).saving.lines).toEqual([{ family: 'jira', name: 'jira-software', overdueSeats: 3, pricePerSeat: 10, monthly: 30 }]);
    expect(seen).toEqual([['@vip.example']]);
  });
});
