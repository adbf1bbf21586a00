// User settings: what they are, their defaults, and how a stored value (which
// may be from an older version, or hand-edited) becomes a complete, valid one.
// zod/mini, not zod: the content script validates settings on every page load, and the
// full zod API's module set-up alone cost the page about 20 ms; the mini API tree-shakes
// to the few schema kinds used here.
import * as z from 'zod/mini';
import { DEFAULT_NEWS_SITES } from '../sites.ts';

export const KIND_NAMES = ['document', 'person', 'organization', 'place'] as const;
export type KindName = (typeof KIND_NAMES)[number];

const hostname = z
  .string()
  .check(z.minLength(1), z.maxLength(253), z.regex(/^[a-z0-9.-]+$/i, 'a host name like example.vn'));

export const settingsSchema = z.object({
  /** Default news sites switched off by the user (all others stay on). */
  disabledSites: z.array(hostname).check(z.maxLength(500)),
  /** Sites the user added (their host permission is requested at runtime). */
  extraSites: z.array(hostname).check(z.maxLength(500)),
  kinds: z.object({
    document: z.boolean(),
    person: z.boolean(),
    organization: z.boolean(),
    place: z.boolean(),
  }),
  highlight: z.enum(['underline', 'background', 'none']),
  dwellMs: z.number().check(z.int(), z.minimum(0), z.maximum(3000)),
  theme: z.enum(['auto', 'light', 'dark']),
  lang: z.enum(['vi', 'en']),
  /** Update channel manifest URL; empty = no sync. */
  channelUrl: z.string().check(z.maxLength(2000)),
});
export type Settings = z.infer<typeof settingsSchema>;

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

/**
 * A stored value → complete settings. Fields that are missing or invalid fall
 * back to their defaults one by one, so one bad field never resets the rest.
 */
export function normalizeSettings(stored: unknown): Settings {
  const out: Settings = structuredClone(DEFAULT_SETTINGS);
  if (!stored || typeof stored !== 'object') return out;
  const rec = stored as Record<string, unknown>;
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!(key in rec)) continue;
    if (key === 'kinds') {
      const kinds = rec.kinds;
      if (kinds && typeof kinds === 'object') {
        for (const k of KIND_NAMES) {
          const v = (kinds as Record<string, unknown>)[k];
          if (typeof v === 'boolean') out.kinds[k] = v;
        }
      }
      continue;
    }
    const parsed = shape[key].safeParse(rec[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

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
