import { defaultSettings, type Settings } from '../../../../src/domain/model/settings';
import type { IdGenerator } from '../../../../src/domain/ports/idGenerator';
import type { NotificationTrigger, Notifier } from '../../../../src/domain/ports/notifier';
import type { ApiKeyInfo, SecretStore } from '../../../../src/domain/ports/secretStore';
import type { SettingsStore } from '../../../../src/domain/ports/settingsStore';
import type { ProjectRoleMember, ServiceDeskCustomer, SiteDirectory } from '../../../../src/domain/ports/siteDirectory';
import type { TickState } from '../../../../src/domain/ports/tickState';
import type { KillSwitch } from './faults';

export class FakeSiteDirectory implements SiteDirectory {
  roleMembers: ProjectRoleMember[] = [];
  customers: ServiceDeskCustomer[] = [];
  calls = 0;
  fault: ((call: 'roles' | 'customers') => void) | null = null;
  constructor(private readonly power: KillSwitch) {}
  private page<T>(items: T[], cursor: string | null, call: 'roles' | 'customers'): Promise<{ items: T[]; next: string | null }> {
    this.power.tick();
    this.calls += 1;
    this.fault?.(call);
    const offset = cursor === null ? 0 : Number(cursor);
    return Promise.resolve({ items: structuredClone(items.slice(offset, offset + 100)), next: offset + 100 < items.length ? String(offset + 100) : null });
  }
  projectRoleMembers(cursor: string | null): Promise<{ items: ProjectRoleMember[]; next: string | null }> {
    return this.page(this.roleMembers, cursor, 'roles');
  }
  serviceDeskCustomers(cursor: string | null): Promise<{ items: ServiceDeskCustomer[]; next: string | null }> {
    return this.page(this.customers, cursor, 'customers');
  }
}

export class FakeSecretStore implements SecretStore {
  key: ApiKeyInfo | null = { orgId: 'org-1', orgName: 'Example Org', lastFour: 'abcd', expiresAt: null, expirySource: null };
  info(): Promise<ApiKeyInfo | null> {
    return Promise.resolve(this.key === null ? null : structuredClone(this.key));
  }
  saveKey = (): Promise<never> => Promise.reject(new Error('not used'));
  removeKey = (): Promise<never> => Promise.reject(new Error('not used'));
}

export class FakeSettingsStore implements SettingsStore {
  settings: Settings = defaultSettings();
  load(): Promise<Settings> {
    return Promise.resolve(structuredClone(this.settings));
  }
  save(settings: Settings): Promise<void> {
    this.settings = structuredClone(settings);
    return Promise.resolve();
  }
}

export class FakeTickState implements TickState {
  scheduledAt: Date | null = null;
  noticeFor: Date | null = null;
  lastScheduledSyncAt(): Promise<Date | null> {
    return Promise.resolve(this.scheduledAt);
  }
  setLastScheduledSyncAt(at: Date): Promise<void> {
    this.scheduledAt = at;
    return Promise.resolve();
  }
  lastExpiryNoticeFor(): Promise<Date | null> {
    return Promise.resolve(this.noticeFor);
  }
  setLastExpiryNoticeFor(expiresAt: Date): Promise<void> {
    this.noticeFor = expiresAt;
    return Promise.resolve();
  }
}

export class FakeNotifier implements Notifier {
  sent: { trigger: NotificationTrigger; payload: Record<string, string | number | boolean | null> }[] = [];
  failNext = 0;
  notify(trigger: NotificationTrigger, payload: Record<string, string | number | boolean | null>): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return Promise.reject(new Error('webhook failed'));
    }
    this.sent.push({ trigger, payload });
    return Promise.resolve();
  }
}

export class SequentialIds implements IdGenerator {
  private n = 0;
  next(): string {
    this.n += 1;
    return `run-${this.n}`;
  }
}
