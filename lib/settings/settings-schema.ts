// The runtime schema of the settings: a stored value (from an older version, or
// hand-edited) becomes complete, valid settings, field by field.
// zod/mini, not zod: the full API's module set-up cost about 20 ms wherever it loads;
// the mini API tree-shakes to the few schema kinds used here.
import * as z from 'zod/mini';
import { DEFAULT_SETTINGS, KIND_NAMES, type Settings } from './settings.ts';

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
// The hand-written type (settings.ts) and this schema must describe the same thing: a
// field added to one and not the other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_TYPE: Same<z.infer<typeof settingsSchema>, Settings> = true;

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
    if (parsed.success) (out as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}
