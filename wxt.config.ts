import { existsSync, readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { toExtensionMessages } from './lib/i18n/messages.ts';
import { contentMatches } from './lib/sites.ts';
import type { TrustedKey } from './lib/sync/keys.ts';
import { RELEASE_KEYS, trustedKeysFromSpec } from './lib/sync/trusted-keys.ts';

// The background compares this with the database's version on every start,
// so it knows whether to import without reading the whole bundle.
function bundledDatasetVersion(): number | null {
  const file = 'public/data/dataset.json';
  if (!existsSync(file)) return null;
  const meta = (JSON.parse(readFileSync(file, 'utf8')) as { meta?: { version?: unknown } }).meta;
  return typeof meta?.version === 'number' ? meta.version : null;
}

// The sync channel keys this build trusts: the release keys, or exactly the ones
// REFLENS_TRUSTED_KEYS names (hex public keys or dataset:keygen public key files,
// comma-separated) — how a test build trusts a test key the release never ships.
function trustedChannelKeys(): TrustedKey[] {
  const spec = process.env.REFLENS_TRUSTED_KEYS;
  return spec ? trustedKeysFromSpec(spec, (p) => readFileSync(p, 'utf8')) : RELEASE_KEYS;
}

/** What "add a site" may ask for at runtime (one host at a time, lib/settings/site-input.ts). */
const ADDED_SITE_ORIGINS = ['https://*/*', 'http://*/*'] as const;

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  // Parallel work on one checkout (a second build while tests run) can build elsewhere.
  outDir: process.env.REFLENS_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact()],
    define: {
      __BUNDLED_DATASET_VERSION__: JSON.stringify(bundledDatasetVersion()),
      __REFLENS_TRUSTED_KEYS__: JSON.stringify(trustedChannelKeys()),
    },
  }),
  zip: {
    // The sources AMO reviewers rebuild the Firefox zip from: only what the build reads. An allow-list, so a
    // local file (the release signing key in keys/, a build, test output) can never ride along.
    includeSources: [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'biome.json',
      'README.md',
      'entrypoints/**',
      'components/**',
      'lib/**',
      'assets/**',
      'public/icon/**',
      'tools/**',
    ],
    excludeSources: ['keys/**', '**/*.secret.json', 'public/data/**'],
  },
  hooks: {
    // The plain JSON beside the bundle is for tools and reviewers; the extension ships only the gzip.
    'build:publicAssets': (_wxt, files) => {
      const i = files.findIndex((f) => f.relativeDest === 'data/dataset.json');
      if (i >= 0) files.splice(i, 1);
      for (const lang of ['vi', 'en'] as const) {
        files.push({
          relativeDest: `_locales/${lang}/messages.json`,
          contents: JSON.stringify(toExtensionMessages(lang), null, 2),
        });
      }
    },
  },
  // Every permission is used and listed with why in the README; tests/manifest.test.ts holds both built
  // manifests to exactly this list.
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms'],
    // The sites the content script reads, and no others: a content script's match patterns do not
    // let the background script the page, and the card's code is injected on the first hover
    // (entrypoints/card-ui.ts). The reader is asked nothing more than the content script asks.
    host_permissions: [...contentMatches],
    // Sites beyond the default list are asked for one by one, when the reader adds them in the options.
    // Manifest V2 (the Firefox build) has no optional_host_permissions: origins go in optional_permissions.
    ...(browser === 'firefox'
      ? {
          optional_permissions: [...ADDED_SITE_ORIGINS],
          browser_specific_settings: {
            gecko: {
              id: 'reflens@reflens.invalid',
              // The marks are drawn with the CSS Custom Highlight API, which Firefox has from 140 on;
              // 140 is also the first to read data_collection_permissions.
              strict_min_version: '140.0',
              // Firefox's own consent record: RefLens collects and transmits no data.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { optional_host_permissions: [...ADDED_SITE_ORIGINS] }),
  }),
});
