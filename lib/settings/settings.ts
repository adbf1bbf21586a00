// User settings: what they are, their defaults, and the pure rules read from
// them. The runtime schema that turns a stored value into valid settings is in
// settings-schema.ts, apart, so the content script (which gets its settings from
// the background, already validated) does not load a schema library on every page.
import { DEFAULT_NEWS_SITES } from '../sites.ts';

export const KIND_NAMES = ['document', 'person', 'organization', 'place'] as const;
export type KindName = (typeof KIND_NAMES)[number];

export interface Settings {
  /** Default news sites switched off by the user (all others stay on). */
  disabledSites: string[];
  /** Sites the user added (their host permission is requested at runtime). */
  extraSites: string[];
  kinds: Record<KindName, boolean>;
  highlight: 'underline' | 'background' | 'none';
  dwellMs: number;
  theme: 'auto' | 'light' | 'dark';
  lang: 'vi' | 'en';
  /** Update channel manifest URL; empty = no sync. */
  channelUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  extraSites: [],
  kinds: { document: true, person: true, organization: true, place: true },
  highlight: 'underline',
  dwellMs: 300,
  theme: 'auto',
  lang: 'vi',
  channelUrl: '',
};

/** The registrable part a site switch is keyed on: "www.vnexpress.net" → "vnexpress.net" when that is a default site. */
export function siteKey(host: string, extra: readonly string[] = []): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const site of [...DEFAULT_NEWS_SITES, ...extra]) {
    if (h === site || h.endsWith(`.${site}`)) return site;
  }
  if (h === 'localhost' || h === '127.0.0.1') return h;
  return null;
}

/** Whether RefLens should run on a page of this host. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  const key = siteKey(host, settings.extraSites);
  if (key === null) return false;
  return !settings.disabledSites.includes(key);
}

/** The storage key the settings live under (storage.sync). */
export const SETTINGS_KEY = 'settings';

/**
 * storage.sync takes at most 8192 bytes per item (Chrome's QUOTA_BYTES_PER_ITEM,
 * Firefox's too), counted as the key plus the value's JSON in UTF-8.
 */
export const SYNC_ITEM_BYTES = 8192;

export function settingsBytes(s: Settings): number {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(s)).length;
}

/** Whether these settings fit one storage.sync item (a very long list of added sites may not). */
export function fitsSyncItem(s: Settings): boolean {
  return settingsBytes(s) <= SYNC_ITEM_BYTES;
}

/**
 * Resolves with the settings as soon as they switch `host` on, or null once
 * `signal` aborts first: a tab opened while its site was off wakes up when the
 * reader switches the site on, with no reload.
 */
export function untilSiteEnabled(
  host: string,
  subscribe: (onSettings: (s: Settings) => void) => () => void,
  signal?: AbortSignal,
): Promise<Settings | null> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(null);
      return;
    }
    let settled = false;
    let unsubscribe: (() => void) | null = null;
    const finish = (value: Settings | null) => {
      if (settled) return;
      settled = true;
      unsubscribe?.();
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(null);
    signal?.addEventListener('abort', onAbort, { once: true });
    unsubscribe = subscribe((s) => {
      if (isSiteEnabled(s, host)) finish(s);
    });
    // A subscription that answered at once has already finished: drop it now that it is known.
    if (settled) unsubscribe();
  });
}
