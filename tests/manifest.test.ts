// The built manifests (Chrome MV3 and Firefox MV2) ask for exactly the
// permissions RefLens uses, each listed with why in the README; the
// extension's name and description come from _locales in both languages; the
// icons they name exist at their sizes. Reads the builds in REFLENS_OUT_DIR
// (default .output), which `npm test` makes first (tests/browser/global-setup.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentMatches } from '../lib/sites.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, process.env.REFLENS_OUT_DIR || '.output');
const BUILDS = { chrome: join(OUT, 'chrome-mv3'), firefox: join(OUT, 'firefox-mv2') } as const;
type Browser = keyof typeof BUILDS;

/** Every API permission, and code in entrypoints/ that uses it (the README says why). */
const ALLOWED: Record<string, RegExp> = {
  storage: /browser\.storage\.(sync|local)/,
  // No API of its own: it lifts the quota and eviction from the IndexedDB the dataset lives in.
  unlimitedStorage: /\bindexedDB\b/,
  // No API of its own: the popup's click lets it script the active tab once.
  activeTab: /browser\.scripting\.executeScript\(\{\s*target: \{ tabId: tab\.id/,
  scripting: /browser\.scripting\.registerContentScripts/,
  alarms: /browser\.alarms\.create/,
};
const ADDED_SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/** Sources whose change changes the manifest: a build older than any of them is stale. */
const MANIFEST_INPUTS = ['wxt.config.ts', 'lib/sites.ts', 'lib/i18n/messages.ts', 'package.json'];

function manifest(browser: Browser): Record<string, unknown> {
  const file = join(BUILDS[browser], 'manifest.json');
  const build = browser === 'chrome' ? 'npm run build' : 'npm run build:firefox';
  if (!existsSync(file))
    throw new Error(`No ${browser} build at ${file}: run \`${build}\` (or \`npm test\`) first.`);
  const built = statSync(file).mtimeMs;
  const newer = MANIFEST_INPUTS.filter((f) => statSync(join(ROOT, f)).mtimeMs > built);
  if (newer.length > 0) {
    throw new Error(`The ${browser} build is older than ${newer.join(', ')}: run \`${build}\` again.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function entrypointSources(): string {
  const dir = join(ROOT, 'entrypoints');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe.each(['chrome', 'firefox'] as const)('the %s build manifest', (browser) => {
  it('asks for exactly the API permissions RefLens uses', () => {
    const m = manifest(browser);
    const api = (m.permissions as string[]).filter((p) => !p.includes('://'));
    expect(api.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it('has no host permission beyond the news sites its content script reads; others are asked for one by one', () => {
    const m = manifest(browser);
    // The background injects the card's code into these pages on the first hover (entrypoints/card-ui.ts),
    // which a content script's match patterns alone do not allow; Manifest V2 lists origins in permissions.
    const hosts =
      browser === 'chrome'
        ? (m.host_permissions as string[])
        : (m.permissions as string[]).filter((p) => p.includes('://'));
    expect([...hosts].sort()).toEqual([...contentMatches].sort());
    if (browser === 'firefox') expect(m.host_permissions).toBeUndefined();
    const scripts = m.content_scripts as { matches: string[] }[];
    expect(scripts).toHaveLength(1);
    expect([...(scripts[0]?.matches ?? [])].sort()).toEqual([...contentMatches].sort());
    for (const pattern of scripts[0]?.matches ?? []) expect(pattern).not.toMatch(/^\*:|<all_urls>|:\/\/\*\//);
    if (browser === 'chrome') {
      expect(m.optional_host_permissions).toEqual(ADDED_SITE_ORIGINS);
      expect(m.optional_permissions).toBeUndefined();
    } else {
      // Manifest V2 has no optional_host_permissions: Firefox reads optional origins from optional_permissions.
      expect(m.optional_permissions).toEqual(ADDED_SITE_ORIGINS);
      expect(m.optional_host_permissions).toBeUndefined();
    }
  });

  it('opens nothing to web pages or other extensions', () => {
    const m = manifest(browser);
    for (const key of [
      'web_accessible_resources',
      'externally_connectable',
      'content_security_policy',
      'update_url',
    ]) {
      expect(m[key], key).toBeUndefined();
    }
  });

  it('takes its name and description from _locales, Vietnamese by default, English too', () => {
    const m = manifest(browser);
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    expect(m.default_locale).toBe('vi');
    for (const lang of ['vi', 'en']) {
      const messages = JSON.parse(
        readFileSync(join(BUILDS[browser], '_locales', lang, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
      expect(messages.extName?.message).toBe('RefLens');
      expect(messages.extDescription?.message.length).toBeGreaterThan(20);
    }
  });

  it('names icons that exist at the sizes it claims', () => {
    const icons = manifest(browser).icons as Record<string, string>;
    expect(
      Object.keys(icons)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([16, 32, 48, 96, 128]);
    for (const [size, path] of Object.entries(icons)) {
      expect(pngSize(join(BUILDS[browser], path))).toEqual([Number(size), Number(size)]);
    }
  });
});

describe('the Firefox build', () => {
  it('declares its add-on id, the first Firefox with the Highlight API, and that it collects no data', () => {
    const gecko = (manifest('firefox').browser_specific_settings as Record<string, Record<string, unknown>>)
      .gecko;
    expect(gecko).toEqual({
      id: 'reflens@reflens.invalid',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
  });
});

describe('each permission', () => {
  const sources = entrypointSources();
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions'));

  it.each(Object.keys(ALLOWED))('%s is used by the code and explained in the README', (permission) => {
    expect(sources).toMatch(ALLOWED[permission] as RegExp);
    expect(readme).toContain('## Permissions');
    expect(section).toMatch(new RegExp(`\\|\\s*\`${permission}\`\\s*\\|[^|\\n]{20,}\\|`));
  });

  it('the README lists the optional site access too', () => {
    expect(section).toMatch(/\|\s*`https:\/\/\*\/\*`, `http:\/\/\*\/\*`[^\n]*\|[^|\n]{20,}\|/);
  });
});
