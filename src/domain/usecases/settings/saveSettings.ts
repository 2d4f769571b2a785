import type { AuditActor } from '../../model/audit';
import { DomainError } from '../../model/errors';
import { settingsSchema, type Settings } from '../../model/settings';
import type { AuditLog } from '../../ports/auditLog';
import type { IdGenerator } from '../../ports/idGenerator';
import { getSettings, type SettingsDeps, type SettingsView } from './getSettings';
import { extraIssues, fromZod } from './settingsIssues';

/** A partial update (S2–S8): only the sections and fields present change; lists and price tables are replaced whole. */
export interface SettingsPatch {
  inactivity?: { warningDays?: number | undefined; overdueDays?: number | undefined } | undefined;
  access?: { allowProductAdmins?: boolean | undefined; allowUserAccessAdmins?: boolean | undefined } | undefined;
  sync?: { hour?: number | undefined; timeZone?: string | undefined } | undefined;
  statistics?: { visible?: boolean | undefined; groupIds?: string[] | undefined } | undefined;
  protectedEmails?: string[] | undefined;
  seatPrices?: Record<string, number> | undefined;
  seatCurrency?: string | undefined;
  defaultLanguage?: string | null | undefined;
}

/** What saving settings needs on top of reading them: the audit log and ids for its entry. */
export interface SaveSettingsDeps extends SettingsDeps {
  audit: AuditLog;
  ids: IdGenerator;
}

const defined = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

const merge = (current: Settings, patch: SettingsPatch): Record<string, unknown> => ({
  ...current,
  inactivity: { ...current.inactivity, ...defined(patch.inactivity) },
  access: { ...current.access, ...defined(patch.access) },
  sync: { ...current.sync, ...defined(patch.sync) },
  statistics: { ...current.statistics, ...defined(patch.statistics) },
  protectedEmails: patch.protectedEmails?.map((e) => e.trim()) ?? current.protectedEmails,
  seatPrices: patch.seatPrices ?? current.seatPrices,
  seatCurrency: patch.seatCurrency ?? current.seatCurrency,
  defaultLanguage: patch.defaultLanguage === undefined ? current.defaultLanguage : patch.defaultLanguage,
});

/**
 * Saves a partial settings update. The merged settings are validated as a whole (S2 choices and warning < overdue,
 * hour 0..23 and a known time zone, whitelist entries, prices); any problem throws VALIDATION_FAILED with
 * `details.issues` per field and nothing is saved. A successful save is audited (`settings.update`, the sections
 * changed) and answers the settings as settings.get shows them.
 */
export const saveSettings = async (patch: SettingsPatch, actor: AuditActor, deps: SaveSettingsDeps): Promise<SettingsView> => {
  const current = await deps.settings.load();
  const candidate = merge(current, patch);
  const parsed = settingsSchema.safeParse(candidate);
  const issues = [...(parsed.success ? [] : fromZod(parsed.error.issues)), ...extraIssues(candidate)];
  if (!parsed.success || issues.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid settings', { issues });
  }
  await deps.settings.save(parsed.data);
  const sections = Object.keys(patch).filter((k) => patch[k as keyof SettingsPatch] !== undefined).sort();
  await deps.audit.append([
    {
      id: deps.ids.next(),
      at: deps.clock.now(),
      actor,
      action: 'settings.update',
      targetAccountId: null,
      outcome: 'succeeded',
      reason: null,
      details: { sections: sections.join(',') },
      jobId: null,
    },
  ]);
  return getSettings(deps);
};
