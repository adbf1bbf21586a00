// The message table: every key in Vietnamese and English with the same
// placeholders, actually translated, and valid in the extension i18n format the
// build writes to _locales (which the manifest's name and description read).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Lang, type MessageKey, toExtensionMessages, translate } from '../lib/i18n/messages.ts';

const LANGS: Lang[] = ['vi', 'en'];
const tables = Object.fromEntries(LANGS.map((l) => [l, toExtensionMessages(l)])) as Record<
  Lang,
  ReturnType<typeof toExtensionMessages>
>;
const keys = Object.keys(tables.vi) as MessageKey[];

/** Placeholder names as written in the source table ("{site}"), read back through translate(). */
function placeholders(lang: Lang, key: MessageKey): string[] {
  const marked = translate(lang, key, new Proxy({}, { get: (_, name) => `⟦${String(name)}⟧` }));
  return [...marked.matchAll(/⟦(\w+)⟧/g)].map((m) => m[1] as string).sort();
}

/** Keys whose text is the same in both languages on purpose. */
const SAME_IN_BOTH = new Set<MessageKey>(['extName', 'langVi', 'langEn']);

describe('the message table', () => {
  it('has the same keys in both languages', () => {
    expect(Object.keys(tables.en).sort()).toEqual([...keys].sort());
    expect(keys.length).toBeGreaterThan(100);
  });

  it.each(keys)('%s: both languages, same placeholders, translated', (key) => {
    for (const lang of LANGS) expect(tables[lang][key]?.message.trim(), `${lang}.${key}`).not.toBe('');
    expect(placeholders('en', key)).toEqual(placeholders('vi', key));
    if (!SAME_IN_BOTH.has(key)) expect(tables.en[key]?.message).not.toBe(tables.vi[key]?.message);
  });

  it('fills placeholders and leaves no braces behind', () => {
    expect(translate('vi', 'optSiteAdded', { site: 'baohatinh.vn' })).toBe(
      'Đã thêm baohatinh.vn: RefLens chạy ở đó từ bây giờ, kể cả các thẻ đang mở.',
    );
    expect(translate('en', 'optDataCounts', { documents: 3, persons: 2, organizations: 1 })).toBe(
      '3 documents, 2 people, 1 bodies and places.',
    );
    for (const lang of LANGS) {
      for (const key of keys) {
        const filled = translate(lang, key, Object.fromEntries(placeholders(lang, key).map((p) => [p, 'x'])));
        expect(filled, `${lang}.${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe('the _locales files the build writes', () => {
  it.each(LANGS)('%s: key names and placeholders are valid for browser.i18n', (lang) => {
    for (const [key, entry] of Object.entries(tables[lang])) {
      // Chrome and Firefox accept ASCII letters, digits, "_" and "@" in message names.
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      // "$" starts a placeholder in this format: a literal one would be eaten.
      const literal = entry.message.replace(/\$(\w+)\$/g, '');
      expect(literal, key).not.toContain('$');
      const used = [...entry.message.matchAll(/\$(\w+)\$/g)].map((m) => m[1] as string);
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([...new Set(used)].sort());
      for (const p of Object.values(entry.placeholders ?? {})) expect(p.content).toMatch(/^\$[1-9]$/);
    }
  });

  it.each(LANGS)('%s: the manifest name and description fit the stores', (lang) => {
    // Chrome Web Store: description at most 132 characters; AMO names at most 50.
    expect(tables[lang].extName?.message.length).toBeLessThanOrEqual(45);
    const description = tables[lang].extDescription?.message ?? '';
    expect(description.length).toBeGreaterThan(20);
    expect(description.length).toBeLessThanOrEqual(132);
  });
});

describe('substitutions by position (browser.i18n.getMessage)', () => {
  it('mean the same placeholder in every language, even where word order differs', () => {
    for (const key of keys) {
      const contents = (lang: Lang) =>
        Object.entries(tables[lang][key]?.placeholders ?? {})
          .map(([name, p]) => `${name}=${p.content}`)
          .sort();
      expect(contents('en'), key).toEqual(contents('vi'));
    }
    expect(tables.vi.syncFailed?.placeholders).toEqual({
      reason: { content: '$1' },
      time: { content: '$2' },
    });
  });
});

describe('the store listing (assets/store)', () => {
  it.each(LANGS)(
    '%s: the summary is the manifest description, and the privacy section matches the options page',
    (lang) => {
      const text = readFileSync(join(import.meta.dirname, '..', 'assets', 'store', `${lang}.md`), 'utf8');
      const section = (title: RegExp) =>
        text.split(/^## /m).find((s) => title.test(s.split('\n')[0] ?? '')) ?? '';
      const body = (s: string) => s.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
      expect(body(section(/^(Tóm tắt|Summary)/))).toBe(translate(lang, 'extDescription'));
      expect(body(section(/^(Tên|Name)$/))).toBe(translate(lang, 'extName'));
      // Same promise in both places: page text stays, one network request, no analytics.
      const privacy = body(section(/^(Quyền riêng tư|Privacy)$/));
      expect(privacy.length).toBeGreaterThan(100);
      expect(privacy).toContain(
        lang === 'vi' ? 'không bao giờ rời khỏi trình duyệt' : 'never leaves your browser',
      );
      expect(translate(lang, 'optPrivacy')).toContain(
        lang === 'vi' ? 'không bao giờ rời khỏi trình duyệt' : 'never leaves your browser',
      );
    },
  );
});
