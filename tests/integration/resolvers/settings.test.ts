import { useAppRig } from './support/harness';
import enUS from '../../../locales/en-US.json';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import type { SettingsDto } from '../../../src/contract';
import { aUser } from '../../unit/domain/fixtures';

const rig = useAppRig(5);
const ADMIN = 'settings-admin';

type Failure = { ok: false; error: { code: string; messageKey: string; details: { issues: { path: string; messageKey: string }[] } } };

const auditLog = new SqlAuditLog();
const auditEntries = async () => (await auditLog.query({ limit: 100, after: null })).items;

beforeAll(async () => {
  rig.jiraAdmins.add(ADMIN);
  await ensureSchema();
  const emails = ['a@example.com', 'b@example.com', 'boss@corp.test', 'other@corp.test'];
  await new SqlUserRepository().upsertMany(emails.map((email) => aUser({ email })), 1);
});

/** Bootstrap: no key yet, so any Jira administrator may use Settings. */
describe('settings.get / settings.save (S2–S8, P4)', () => {
  it('shows the defaults of a fresh install, with no next sync until a key is saved', async () => {
    const settings = (await rig.ok(ADMIN, 'settings.get')) as SettingsDto;
    expect(settings).toMatchObject({
      inactivity: { warningDays: 90, overdueDays: 180 },
      access: { allowProductAdmins: false, allowUserAccessAdmins: false },
      sync: { hour: 3, timeZone: 'UTC', lastSync: null },
      statistics: { visible: true },
      protectedEmails: [],
      apiKey: null,
      thresholdDayChoices: [3, 7, 14, 30, 60, 90, 120, 180],
    });
    expect(settings.sync).toMatchObject({ nextSyncAt: null, nextSyncCatchUp: false });
  });

  it.each([
    [{ inactivity: { warningDays: 45 } }, 'inactivity.warningDays', 'validation.threshold.not-a-choice'],
    [{ inactivity: { warningDays: 180, overdueDays: 90 } }, 'inactivity', 'validation.threshold.warning-not-below-overdue'],
    [{ sync: { hour: 24 } }, 'sync.hour', 'validation.sync.hour-out-of-range'],
    [{ sync: { timeZone: 'Mars/Olympus' } }, 'sync.timeZone', 'validation.sync.unknown-time-zone'],
    [{ protectedEmails: ['ok@example.com', 'not-an-email'] }, 'protectedEmails.1', 'validation.protectedEmail.missing-at'],
    [{ seatPrices: { jira: -5 } }, 'seatPrices.jira', 'validation.seatPrice.out-of-range'],
    [{ defaultLanguage: 'xx-XX' }, 'defaultLanguage', 'validation.invalid_value'],
  ])('refuses %j with a translated error and per-field issue, saving nothing', async (patch, path, messageKey) => {
    const before = await rig.ok(ADMIN, 'settings.get');
    const auditBefore = await auditEntries();
    const result = (await rig.invoke(ADMIN, 'settings.save', { ...patch, statistics: { visible: false } })) as Failure;
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ code: 'VALIDATION_FAILED', messageKey: 'errors.VALIDATION_FAILED' });
    expect(result.error.details.issues).toContainEqual(expect.objectContaining({ path, messageKey }));
    expect(enUS.errors.VALIDATION_FAILED).toEqual(expect.any(String));
    expect(await rig.ok(ADMIN, 'settings.get')).toEqual(before);
    expect(await auditEntries()).toEqual(auditBefore);
  });

  it('saves a partial update, keeps the rest, counts protected users per entry and audits the change', async () => {
    const saved = (await rig.ok(ADMIN, 'settings.save', {
      inactivity: { warningDays: 30 },
      protectedEmails: ['@example.com', 'boss@corp.test'],
      seatPrices: { jira: 8.6 },
      defaultLanguage: 'de-DE',
    })) as SettingsDto;
    expect(saved.inactivity).toEqual({ warningDays: 30, overdueDays: 180 });
    expect(saved.access).toEqual({ allowProductAdmins: false, allowUserAccessAdmins: false });
    expect(saved.protectedEmails).toEqual([
      { entry: '@example.com', kind: 'domain', protectedUsers: 2 },
      { entry: 'boss@corp.test', kind: 'exact', protectedUsers: 1 },
    ]);
    expect(saved).toMatchObject({ seatPrices: { jira: 8.6 }, defaultLanguage: 'de-DE' });
    expect(await rig.ok(ADMIN, 'settings.get')).toEqual(saved);
    expect((await auditEntries())[0]).toMatchObject({
      action: 'settings.update',
      outcome: 'succeeded',
      actor: { kind: 'admin', accountId: ADMIN },
      details: { sections: 'defaultLanguage,inactivity,protectedEmails,seatPrices' },
    });
  });
});
