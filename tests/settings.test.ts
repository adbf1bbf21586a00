import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, normalizeSettings, siteKey } from '../lib/settings/settings.ts';

describe('settings', () => {
  it('fills defaults for nothing stored', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid fields and drops invalid ones one by one', () => {
    const s = normalizeSettings({ dwellMs: 500, highlight: 'blink', kinds: { person: false, place: 'no' }, lang: 'en' });
    expect(s.dwellMs).toBe(500);
    expect(s.highlight).toBe('underline');
    expect(s.kinds).toEqual({ document: true, person: false, organization: true, place: true });
    expect(s.lang).toBe('en');
  });

  it('round-trips through JSON (what storage keeps)', () => {
    const s = normalizeSettings({ disabledSites: ['vnexpress.net'], extraSites: ['example.vn'], theme: 'dark' });
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
