import { browser } from 'wxt/browser';
import { normalizeSettings } from '../../lib/settings/settings.ts';

const SCRIPT_ID = 'reflens-extra-sites';

/**
 * Sites the reader added in the options page get the content script through a
 * dynamic registration, limited to the hosts whose permission was granted.
 */
export async function syncExtraSiteScripts(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const settings = normalizeSettings((await browser.storage.sync.get('settings')).settings);
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = settings.extraSites
    .flatMap((host) => [`https://*.${host}/*`, `http://*.${host}/*`])
    .filter((pattern) => granted.includes(pattern));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches,
      js: ['content-scripts/content.js'],
      css: ['content-scripts/content.css'],
      runAt: 'document_idle',
      allFrames: true,
    },
  ]);
}
