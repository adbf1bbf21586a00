import '../shared/no-eval.ts';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SearchPanel } from '../../components/SearchPanel.tsx';
import { type SitePorts, SiteSwitch } from '../../components/SiteSwitch.tsx';
import { StatusArea } from '../../components/StatusArea.tsx';
import { SyncStatus } from '../../components/SyncStatus.tsx';
import { siteKey } from '../../lib/settings/settings.ts';
import { normalizeSettings } from '../../lib/settings/settings-schema.ts';
import { sendMessage } from '../shared/messaging.ts';
import { syncPorts } from '../shared/sync-ports.ts';
import './popup.css';

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

const sitePorts: SitePorts = {
  async state() {
    const tab = await activeTab();
    let host: string | null = null;
    try {
      const url = new URL(tab?.url ?? '');
      if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
    } catch {
      host = null;
    }
    if (!host) return { host: null, known: false, enabled: false };
    const settings = normalizeSettings((await browser.storage.sync.get('settings')).settings);
    const key = siteKey(host, settings.extraSites);
    return {
      host: key ?? host,
      known: key !== null,
      enabled: key !== null && !settings.disabledSites.includes(key),
    };
  },
  async setEnabled(on) {
    const { host } = await this.state();
    if (!host) return;
    const settings = normalizeSettings((await browser.storage.sync.get('settings')).settings);
    const disabledSites = on
      ? settings.disabledSites.filter((s) => s !== host)
      : [...settings.disabledSites, host];
    await browser.storage.sync.set({ settings: { ...settings, disabledSites } });
  },
  async runHere() {
    const tab = await activeTab();
    if (tab?.id === undefined) return;
    // The popup click grants activeTab: inject into this tab once, with no lasting host permission.
    // The flag tells the content script that the reader asked for it on a site outside the list.
    await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: () => {
        (globalThis as { __reflensRequested?: boolean }).__reflensRequested = true;
      },
    });
    await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: ['content-scripts/content.css'] });
    await browser.scripting.executeScript({
      target: { tabId: tab.id },
      files: ['/content-scripts/content.js'],
    });
  },
  openOptions() {
    void browser.runtime.openOptionsPage();
  },
};

// Stable references: the panel re-runs effects when these change.
const search = (query: string) => sendMessage('search', { query, limit: 20 });
const open = (id: string) => sendMessage('lookup', { query: { kind: 'id', id }, date: null });
const status = () => sendMessage('status', undefined);

async function start(app: HTMLElement) {
  // Language and theme come from the settings; a failed read falls back to the defaults.
  const settings = normalizeSettings(
    await browser.storage.sync.get('settings').then(
      (r) => r.settings,
      () => undefined,
    ),
  );
  const { lang, theme } = settings;
  document.documentElement.lang = lang;
  render(
    <SearchPanel
      lang={lang}
      theme={theme}
      search={search}
      open={open}
      footer={
        <StatusArea
          lang={lang}
          status={status}
          sync={<SyncStatus lang={lang} ports={syncPorts} compact />}
          site={<SiteSwitch lang={lang} ports={sitePorts} />}
        />
      }
    />,
    app,
  );
}

const app = document.getElementById('app');
if (app) void start(app);
