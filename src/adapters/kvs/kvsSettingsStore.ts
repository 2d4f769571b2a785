import { kvs } from '@forge/kvs';
import { DomainError } from '../../domain/model/errors';
import { defaultSettings, settingsSchema, type Settings } from '../../domain/model/settings';
import { validateProtectedEntries } from '../../domain/policy/protectedEmails';
import type { SettingsStore } from '../../domain/ports/settingsStore';
import { kvsCall } from './kvsErrors';
import { kvsKeys, MAX_VALUE_BYTES } from './kvsKeys';

const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/**
 * Settings in KVS under one key. Absent → defaults; a value that does not parse is an error, never silently
 * replaced by defaults (that would drop the protected-email whitelist). There are no migrations before 1.0.
 */
export class KvsSettingsStore implements SettingsStore {
  async load(): Promise<Settings> {
    const raw = await kvsCall('get settings', () => kvs.get<unknown>(kvsKeys.settings));
    if (raw === undefined) return defaultSettings();
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) {
      throw new DomainError('INTERNAL', 'Stored settings cannot be read', { issues: issuesOf(parsed.error) });
    }
    return parsed.data;
  }

  async save(settings: Settings): Promise<void> {
    const parsed = settingsSchema.safeParse(settings);
    if (!parsed.success) {
      throw new DomainError('VALIDATION_FAILED', 'Invalid settings', { issues: issuesOf(parsed.error) });
    }
    const problems = validateProtectedEntries(parsed.data.protectedEmails);
    if (problems.length > 0) {
      throw new DomainError('PROTECTED_EMAIL_INVALID', 'Invalid protected email entries', { problems });
    }
    await this.write(parsed.data);
  }

  private async write(settings: Settings): Promise<void> {
    const bytes = Buffer.byteLength(JSON.stringify(settings), 'utf8');
    if (bytes > MAX_VALUE_BYTES) {
      throw new DomainError('STORAGE_LIMIT', 'Settings exceed the KVS value limit', { bytes, limit: MAX_VALUE_BYTES });
    }
    await kvsCall('set settings', () => kvs.set(kvsKeys.settings, settings));
  }
}
