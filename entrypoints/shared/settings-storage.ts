// Where the settings live: one small item in storage.sync (it follows the
// reader's browser account and fits the per-item quota, see lib/settings). The
// big things are elsewhere: the sync journal in storage.local, the dataset
// and page-learned documents in IndexedDB.
import { browser } from 'wxt/browser';
import { SETTINGS_KEY, type Settings } from '../../lib/settings/settings.ts';
import { normalizeSettings } from '../../lib/settings/settings-schema.ts';

export async function readSettings(): Promise<Settings> {
  return normalizeSettings((await browser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: s });
}

/** Calls back with the new settings whenever any context changes them; returns the unsubscribe. */
export function onSettingsChanged(onSettings: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes)
      onSettings(normalizeSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
