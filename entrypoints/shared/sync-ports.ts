// The popup's and the options page's handle on the background's sync: status,
// "sync now", and a callback whenever the background journals a change.
import { browser } from 'wxt/browser';
import type { SyncPorts } from '../../components/SyncStatus.tsx';
import { sendMessage } from './messaging.ts';

/** storage.local key of the sync journal (lib/sync/controller.ts SyncState). */
export const SYNC_STATE_KEY = 'syncState';

export const syncPorts: SyncPorts = {
  status: () => sendMessage('syncStatus', undefined),
  syncNow: () => sendMessage('syncNow', undefined),
  subscribe(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATE_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
