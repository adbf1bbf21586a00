import { browser } from 'wxt/browser';
import { originsFor } from '../../lib/settings/site-input.ts';
import { readSettings } from './settings-storage.ts';

const SCRIPT_ID = 'reflens-extra-sites';
const CONTENT_JS = 'content-scripts/content.js' as const;
const CONTENT_CSS = 'content-scripts/content.css';

async function register(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  const settings = await readSettings();
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const matches = settings.extraSites.flatMap(originsFor).filter((pattern) => granted.includes(pattern));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches, js: [CONTENT_JS], css: [CONTENT_CSS], runAt: 'document_idle', allFrames: true },
  ]);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Sites the reader added in the options page get the content script through a
 * dynamic registration, limited to the hosts whose permission was granted.
 * Runs one at a time: a grant and the settings write that follows it arrive
 * together, and two overlapping re-registrations would collide on the id.
 */
export function syncExtraSiteScripts(): Promise<void> {
  queue = queue.catch(() => {}).then(register);
  return queue;
}

/**
 * Tabs already open on a site whose permission was just granted get the
 * content script now, so the reader sees marks without reloading. (Where it
 * already runs, the new copy takes over: WXT stops the older one as it starts.)
 */
export async function injectIntoOpenTabs(origins: readonly string[]): Promise<void> {
  if (!browser.scripting?.executeScript || origins.length === 0) return;
  // Querying by URL needs no "tabs" permission: the host permission just granted covers these tabs.
  const tabs = await browser.tabs.query({ url: [...origins] });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      const target = { tabId: tab.id, allFrames: true };
      try {
        await browser.scripting.insertCSS({ target, files: [CONTENT_CSS] });
        await browser.scripting.executeScript({ target, files: [`/${CONTENT_JS}` as const] });
      } catch (e) {
        // A tab that navigated away meanwhile, or an error page: nothing to do there.
        console.info('RefLens: could not start on an open tab', e);
      }
    }),
  );
}
