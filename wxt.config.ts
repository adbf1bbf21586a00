import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'RefLens',
    description: 'Hover cards for documents, officials and bodies cited in Vietnamese news.',
    permissions: ['storage', 'unlimitedStorage'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'reflens@reflens.invalid', strict_min_version: '128.0' } } }
      : {}),
  }),
});
