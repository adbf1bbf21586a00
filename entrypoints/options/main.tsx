import '../shared/no-eval.ts';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { DataPorts } from '../../components/OptionsData.tsx';
import { OptionsPanel, type OptionsPorts } from '../../components/OptionsPanel.tsx';
import { todayIso } from '../../lib/format/dates.ts';
import { originsFor } from '../../lib/settings/site-input.ts';
import { sendMessage } from '../shared/messaging.ts';
import { onSettingsChanged, readSettings, saveSettings } from '../shared/settings-storage.ts';
import { syncPorts } from '../shared/sync-ports.ts';
import './options.css';

/** Hands the reader a file without the downloads permission: a link to a blob, clicked. */
function offerFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const data: DataPorts = {
  status: () => sendMessage('status', undefined),
  learnedCount: async () => (await sendMessage('learnedCount', undefined)).count,
  async exportLearned() {
    const file = `reflens-learned-${todayIso()}.json`;
    const exported = await sendMessage('learnedExport', undefined);
    offerFile(file, `${JSON.stringify(exported, null, 2)}\n`);
    return { file, count: exported.documents.length };
  },
  clearLearned: async () => (await sendMessage('clearLearned', undefined)).cleared,
  reimport: () => sendMessage('datasetReimport', undefined),
};

const ports: OptionsPorts = {
  load: readSettings,
  save: saveSettings,
  subscribe: onSettingsChanged,
  requestSite: (host) => browser.permissions.request({ origins: originsFor(host) }),
  async releaseSite(host) {
    await browser.permissions.remove({ origins: originsFor(host) });
  },
  data,
  sync: syncPorts,
};

const app = document.getElementById('app');
if (app) render(<OptionsPanel ports={ports} />, app);
