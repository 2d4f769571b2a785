/** Contract-shaped answers for the UI tests (validated by the UI against the contract's zod schemas). */
import type { AuditEntryDto, BulkJobDto, DashboardDto, ProductUsageDto, SettingsDto, UserRowDto } from '../../src/contract';

export const user = (n: number, overrides: Partial<UserRowDto> = {}): UserRowDto => ({
  accountId: `acc-${n}`,
  name: `User ${n}`,
  email: `user${n}@example.com`,
  accountType: 'atlassian',
  accountStatus: 'active',
  membershipStatus: 'active',
  managed: true,
  billable: true,
  addedToOrgAt: '2024-01-10T09:00:00.000Z',
  activityProduct: null,
  lastActiveAt: '2025-06-01T12:00:00.000Z',
  inactivity: 'overdue',
  inactiveDays: 200,
  products: [
    { productKey: 'jira-software', resourceId: 'res-jira', productName: 'Jira', lastActiveAt: '2025-06-01T12:00:00.000Z', inactivity: 'overdue' },
  ],
  groups: [{ id: 'g-1', name: 'jira-users' }],
  protected: false,
  adminUrl: `https://admin.atlassian.com/o/org-1/users/acc-${n}`,
  ...overrides,
});

const counts = (active: number, warning: number, overdue: number, never: number, unknown: number, newcomers = 0) => ({
  active,
  warning,
  overdue,
  'never-active': never,
  new: newcomers,
  unknown,
});

export const dashboard = (overrides: Partial<DashboardDto> = {}): DashboardDto => ({
  totals: { users: 1234, billable: 1100, byState: counts(900, 150, 120, 40, 24), billableByState: counts(850, 140, 70, 30, 10) },
  thresholds: { warningDays: 90, overdueDays: 180 },
  products: [
    product(),
    product({
      productKey: 'confluence',
      family: 'confluence',
      resourceId: 'res-conf',
      name: 'Confluence',
      usersWithAccess: 300,
      seatsUsed: 310,
      seatCapacity: 300,
      seatPercent: 103,
      seatLevel: 'over',
      byState: counts(250, 20, 20, 5, 5),
    }),
  ],
  saving: {
    currency: 'USD',
    totalMonthly: 1562.5,
    lines: [{ family: 'jira', name: 'Jira', overdueSeats: 100, pricePerSeat: 15.625, monthly: 1562.5 }],
    assumptionKeys: ['dashboard.saving.assumptions.overdueOnly', 'dashboard.saving.assumptions.protectedExcluded'],
  },
  freshness: { lastSyncAt: '2026-01-31T12:00:00.000Z', lastSyncStatus: 'succeeded', runningSince: null },
  ...overrides,
});

/** One product on one site for dashboard.get; Jira on acme.atlassian.net unless overridden. */
export const product = (overrides: Partial<ProductUsageDto> = {}): ProductUsageDto => ({
  productKey: 'jira-software',
  family: 'jira',
  resourceId: 'res-jira',
  name: 'Jira',
  siteUrl: 'https://acme.atlassian.net',
  usersWithAccess: 1000,
  seatsUsed: 95,
  seatCapacity: 100,
  seatPercent: 95,
  seatLevel: 'near',
  byState: counts(700, 150, 100, 30, 20),
  ...overrides,
});

/**
 * Two Jira sites (Jira on both, Confluence on the first) and a Bitbucket workspace, named as Atlassian names
 * workspaces: with their site in parentheses.
 */
export const multiSiteDashboard = (): DashboardDto =>
  dashboard({
    products: [
      product({ name: 'Jira (acme)' }),
      product({ productKey: 'confluence', family: 'confluence', resourceId: 'res-conf', name: 'Confluence (acme)', seatsUsed: 310 }),
      product({ resourceId: 'res-jira-eu', name: 'Jira (acme-eu)', siteUrl: 'https://acme-eu.atlassian.net', seatsUsed: 40, seatCapacity: 50, seatPercent: 80, seatLevel: 'ok' }),
      product({ productKey: 'bitbucket', family: 'bitbucket', resourceId: 'res-bb', name: 'Bitbucket (acme)', siteUrl: 'https://bitbucket.org/acme', seatsUsed: 5, seatCapacity: null, seatPercent: null, seatLevel: 'unknown' }),
    ],
    saving: { currency: 'USD', totalMonthly: 1200, lines: [{ family: 'jira', name: 'Jira (acme)', overdueSeats: 120, pricePerSeat: 10, monthly: 1200 }], assumptionKeys: [] },
  });

export const settings = (overrides: Partial<SettingsDto> = {}): SettingsDto => ({
  inactivity: { warningDays: 90, overdueDays: 180 },
  access: { allowProductAdmins: false, allowUserAccessAdmins: false },
  sync: {
    hour: 2,
    timeZone: 'Europe/Berlin',
    nextSyncAt: '2026-02-01T01:00:00.000Z',
    nextSyncCatchUp: false,
    lastSync: { startedAt: '2026-01-31T01:00:00.000Z', finishedAt: '2026-01-31T01:05:00.000Z', status: 'succeeded' },
  },
  statistics: { visible: false, groupIds: [] },
  protectedEmails: [{ entry: '@example.org', kind: 'domain', protectedUsers: 12 }],
  seatPrices: { jira: 15 },
  seatCurrency: 'USD',
  productFamilies: [{ family: 'jira', name: 'Jira', siteUrl: 'https://acme.atlassian.net' }],
  defaultLanguage: null,
  apiKey: {
    orgId: 'org-1',
    orgName: 'Acme Corp',
    lastFour: 'x9Qz',
    expiresAt: '2026-12-31T00:00:00.000Z',
    expirySource: 'api',
    daysLeft: 120,
    expiryStatus: 'ok',
  },
  thresholdDayChoices: [3, 7, 14, 30, 60, 90, 120, 180],
  ...overrides,
});

export const auditEntry = (n: number, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
  id: `audit-${n}`,
  at: '2026-01-30T10:00:00.000Z',
  actor: { kind: 'admin', accountId: 'admin-1', name: 'Ada Admin' },
  action: 'user.deactivate',
  actionKey: 'audit.actions.user.deactivate',
  targetAccountId: `acc-${n}`,
  targetName: `User ${n}`,
  targetEmail: `user${n}@example.com`,
  outcome: 'succeeded',
  reason: null,
  reasonKey: null,
  details: { method: 'lifecycle-disable' },
  summary: null,
  jobId: 'job-1',
  ...overrides,
});

export const bulkJob = (overrides: Partial<BulkJobDto> = {}): BulkJobDto => ({
  jobId: 'job-1',
  action: { type: 'deactivate' },
  status: 'running',
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:05.000Z',
  createdBy: 'admin-1',
  total: 3,
  processed: 1,
  succeeded: 1,
  failed: 0,
  skipped: 0,
  percent: 33,
  ...overrides,
});

export const page = <T,>(items: T[], next: string | null = null) => ({ items, next });
