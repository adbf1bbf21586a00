// What the reader types into "add a site" → the site it means, or why not.
import { DEFAULT_NEWS_SITES } from '../sites.ts';

export type SiteInput =
  /** Not a host name a site could have. */
  | { kind: 'invalid' }
  /** One of the default news sites (or a subdomain of one): switch it on, ask for nothing. */
  | { kind: 'default'; site: string }
  /** A site the reader already added (or a subdomain of one). */
  | { kind: 'known'; site: string }
  /** A new site: its host permission must be asked for. */
  | { kind: 'new'; host: string };

// Labels of letters, digits and inner hyphens; at least two labels; a top-level label that starts with a letter
// (so an IP address or "localhost" is not a site to ask for: those are the dev hosts every build already has).
const HOST = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "https://www.BaoHaTinh.vn/thoi-su/" or "baohatinh.vn" → "baohatinh.vn"; null when it is no host name. */
export function hostOf(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed || /\s/.test(trimmed)) return null;
  let host: string;
  try {
    // URL turns a Vietnamese-letter domain into its punycode form, which is what match patterns use.
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    host = url.hostname.replace(/\.$/, '').replace(/^www\./, '');
  } catch {
    return null;
  }
  return HOST.test(host) ? host : null;
}

const within = (host: string, site: string) => host === site || host.endsWith(`.${site}`);

export function parseSiteInput(input: string, extraSites: readonly string[]): SiteInput {
  const host = hostOf(input);
  if (!host) return { kind: 'invalid' };
  const preset = DEFAULT_NEWS_SITES.find((s) => within(host, s));
  if (preset) return { kind: 'default', site: preset };
  const known = extraSites.find((s) => within(host, s));
  if (known) return { kind: 'known', site: known };
  return { kind: 'new', host };
}

/** The host permissions one added site needs: the site and its subdomains, over https and http. */
export function originsFor(host: string): string[] {
  return [`https://*.${host}/*`, `http://*.${host}/*`];
}
