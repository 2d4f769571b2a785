import { defaultSettings, type Settings } from '../../../../src/domain/model/settings';
import type { SettingsStore } from '../../../../src/domain/ports/settingsStore';

/** The settings in memory (defaults unless given); `saved` lists every save. */
export class FakeSettingsStore implements SettingsStore {
  saved: Settings[] = [];
  constructor(public settings: Settings = defaultSettings()) {}
  load(): Promise<Settings> {
    return Promise.resolve(structuredClone(this.settings));
  }
  save(settings: Settings): Promise<void> {
    this.settings = structuredClone(settings);
    this.saved.push(structuredClone(settings));
    return Promise.resolve();
  }
}
