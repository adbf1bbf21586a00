import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPanel, type OptionsPorts } from '../../components/OptionsPanel.tsx';
import { normalizeSettings } from '../../lib/settings/settings.ts';
import { syncPorts } from '../shared/sync-ports.ts';
import './options.css';

const ports: OptionsPorts = {
  async load() {
    return normalizeSettings((await browser.storage.sync.get('settings')).settings);
  },
  async save(s) {
    await browser.storage.sync.set({ settings: s });
  },
  async requestSite(host) {
    // Asked from the click itself: browsers grant optional permissions only on a user gesture.
    return browser.permissions.request({ origins: [`https://*.${host}/*`, `http://*.${host}/*`] });
  },
  sync: syncPorts,
};

const app = document.getElementById('app');
if (app) render(<OptionsPanel ports={ports} />, app);
