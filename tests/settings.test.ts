import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  fitsSyncItem,
  isSiteEnabled,
  type Settings,
  SYNC_ITEM_BYTES,
  settingsBytes,
  siteKey,
  untilSiteEnabled,
} from '../lib/settings/settings.ts';
import { normalizeSettings } from '../lib/settings/settings-schema.ts';
import { originsFor, parseSiteInput } from '../lib/settings/site-input.ts';

describe('settings', () => {
  it('fills defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and drops invalid ones one by one', () => {
    const s = normalizeSettings({
      dwellMs: 500,
      highlight: 'blink',
      kinds: { person: false, place: 'no' },
      lang: 'en',
    });
    expect(s.dwellMs).toBe(500);
    expect(s.highlight).toBe('underline');
    expect(s.kinds).toEqual({ document: true, person: false, organization: true, place: true });
    expect(s.lang).toBe('en');
  });

  it('round-trips through JSON (what storage keeps)', () => {
    const s = normalizeSettings({
      disabledSites: ['vnexpress.net'],
      extraSites: ['example.vn'],
      theme: 'dark',
    });
    expect(normalizeSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('refuses values outside their range', () => {
    expect(normalizeSettings({ dwellMs: -5 }).dwellMs).toBe(300);
    expect(normalizeSettings({ dwellMs: 1e9 }).dwellMs).toBe(300);
    expect(normalizeSettings({ extraSites: ['not a host!'] }).extraSites).toEqual([]);
  });

  it.each([
    ['vnexpress.net', 'vnexpress.net'],
    ['www.vnexpress.net', 'vnexpress.net'],
    ['e.vnexpress.net', 'vnexpress.net'],
    ['notvnexpress.net', null],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com', null],
  ])('site key of %s', (host, key) => {
    expect(siteKey(host)).toBe(key);
  });

  it('a switched-off site is off, an added site is on', () => {
    const s = normalizeSettings({ disabledSites: ['tuoitre.vn'], extraSites: ['baohatinh.vn'] });
    expect(isSiteEnabled(s, 'tuoitre.vn')).toBe(false);
    expect(isSiteEnabled(s, 'thanhnien.vn')).toBe(true);
    expect(isSiteEnabled(s, 'www.baohatinh.vn')).toBe(true);
    expect(isSiteEnabled(s, 'example.com')).toBe(false);
  });
});

describe('settings round trip', () => {
  // Every field away from its default, so a field the storage path dropped or reset would show.
  const changed: Settings = {
    disabledSites: ['vnexpress.net', 'tuoitre.vn'],
    extraSites: ['baohatinh.vn', 'xn--bo-hng-yen-8ya.vn'],
    kinds: { document: true, person: false, organization: true, place: false },
    highlight: 'background',
    dwellMs: 750,
    theme: 'dark',
    lang: 'en',
    channelUrl: 'https://data.example.vn/reflens/manifest.json',
  };

  it('differs from the defaults in every field', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      expect(changed[key], key).not.toEqual(DEFAULT_SETTINGS[key]);
    }
  });

  it('comes back unchanged from what storage keeps (structured clone and JSON)', () => {
    expect(normalizeSettings(structuredClone(changed))).toEqual(changed);
    expect(normalizeSettings(JSON.parse(JSON.stringify(changed)))).toEqual(changed);
  });

  it('fits one storage.sync item, and a list of hundreds of added sites does not', () => {
    expect(fitsSyncItem(changed)).toBe(true);
    expect(settingsBytes(DEFAULT_SETTINGS)).toBeLessThan(400);
    const many = normalizeSettings({
      ...changed,
      extraSites: Array.from({ length: 400 }, (_, i) => `bao-dia-phuong-so-${i}.vn`),
    });
    expect(many.extraSites).toHaveLength(400);
    expect(fitsSyncItem(many)).toBe(false);
    expect(settingsBytes(many)).toBeGreaterThan(SYNC_ITEM_BYTES);
  });
});

describe('what "add a site" makes of the input', () => {
  it.each([
    ['baohatinh.vn', { kind: 'new', host: 'baohatinh.vn' }],
    ['  BaoHaTinh.VN  ', { kind: 'new', host: 'baohatinh.vn' }],
    ['https://www.baohatinh.vn/thoi-su/bai-1.html', { kind: 'new', host: 'baohatinh.vn' }],
    ['http://tin.baohatinh.vn', { kind: 'new', host: 'tin.baohatinh.vn' }],
    // The punycode form match patterns use (python3 -c "print('báohàtĩnh.vn'.encode('idna'))" agrees).
    ['báohàtĩnh.vn', { kind: 'new', host: 'xn--bohtnh-ktaf66d.vn' }],
    ['vnexpress.net', { kind: 'default', site: 'vnexpress.net' }],
    ['https://e.vnexpress.net/news', { kind: 'default', site: 'vnexpress.net' }],
    ['m.baoquangninh.vn', { kind: 'known', site: 'baoquangninh.vn' }],
    ['', { kind: 'invalid' }],
    ['not a site', { kind: 'invalid' }],
    ['localhost', { kind: 'invalid' }],
    ['127.0.0.1', { kind: 'invalid' }],
    ['ftp://baohatinh.vn', { kind: 'invalid' }],
    ['javascript:alert(1)', { kind: 'invalid' }],
    ['bao..vn', { kind: 'invalid' }],
    ['-bao.vn', { kind: 'invalid' }],
  ])('%j', (input, want) => {
    expect(parseSiteInput(input, ['baoquangninh.vn'])).toEqual(want);
  });

  it('asks for the site and its subdomains, https and http, nothing wider', () => {
    expect(originsFor('baohatinh.vn')).toEqual(['https://*.baohatinh.vn/*', 'http://*.baohatinh.vn/*']);
  });

  it('keeps what it makes valid for the settings schema', () => {
    const parsed = parseSiteInput('báohàtĩnh.vn', []);
    if (parsed.kind !== 'new') throw new Error('expected a new site');
    expect(normalizeSettings({ extraSites: [parsed.host] }).extraSites).toEqual([parsed.host]);
  });
});

describe('a tab waiting for its site to be switched on', () => {
  function channel() {
    const listeners = new Set<(s: Settings) => void>();
    return {
      subscribe(fn: (s: Settings) => void) {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
      emit: (s: unknown) => {
        for (const fn of [...listeners]) fn(normalizeSettings(s));
      },
      get size() {
        return listeners.size;
      },
    };
  }

  it('wakes up with the settings that switch its host on, and stops listening', async () => {
    const c = channel();
    const waiting = untilSiteEnabled('www.tuoitre.vn', c.subscribe);
    c.emit({ disabledSites: ['tuoitre.vn', 'vnexpress.net'] });
    c.emit({ disabledSites: ['tuoitre.vn'], lang: 'en' });
    expect(c.size).toBe(1);
    c.emit({ disabledSites: ['vnexpress.net'], lang: 'en' });
    const s = await waiting;
    expect(s?.lang).toBe('en');
    expect(c.size).toBe(0);
  });

  it('gives up with null when the page goes away first', async () => {
    const c = channel();
    const ctl = new AbortController();
    const waiting = untilSiteEnabled('tuoitre.vn', c.subscribe, ctl.signal);
    ctl.abort();
    expect(await waiting).toBeNull();
    expect(c.size).toBe(0);
    c.emit({});
  });

  it('an added site wakes up when it is added', async () => {
    const c = channel();
    const waiting = untilSiteEnabled('tin.baohatinh.vn', c.subscribe);
    c.emit({ extraSites: ['baohatinh.vn'] });
    expect((await waiting)?.extraSites).toEqual(['baohatinh.vn']);
  });
});
