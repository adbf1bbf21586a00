import { existsSync, readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { toExtensionMessages } from './lib/i18n/messages.ts';
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
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'alarms'],
    // Sites beyond the default list are asked for one by one, when the user adds them.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reflens@reflens.invalid', strict_min_version: '128.0' } } }
      : {}),
  }),
});
