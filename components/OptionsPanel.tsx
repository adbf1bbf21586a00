import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, translate } from '../lib/i18n/messages.ts';
import { KIND_NAMES, type KindName, normalizeSettings, type Settings } from '../lib/settings/settings.ts';
import { DEFAULT_NEWS_SITES } from '../lib/sites.ts';
import { type SyncPorts, SyncStatus } from './SyncStatus.tsx';

export interface OptionsPorts {
  load(): Promise<Settings>;
  save(s: Settings): Promise<void>;
  /** Asks the browser for access to a site the user adds; resolves false if refused. */
  requestSite(host: string): Promise<boolean>;
  /** The data sync's status and "sync now" (absent: the section shows only the channel URL). */
  sync?: SyncPorts;
}

const KIND_LABEL: Record<KindName, MessageKey> = {
  document: 'kindDocument',
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
};

function cleanHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname.replace(
      /^www\./,
      '',
    );
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

export function OptionsPanel({ ports }: { ports: OptionsPorts }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    void ports.load().then(setSettings);
  }, [ports]);

  if (!settings) return null;
  const lang = settings.lang;
  const t = (k: MessageKey) => translate(lang, k);

  const update = (patch: Partial<Settings>) => {
    const next = normalizeSettings({ ...settings, ...patch });
    setSettings(next);
    void ports.save(next).then(() => setMessage(translate(next.lang, 'optSaved')));
  };

  const toggleSite = (site: string, on: boolean) =>
    update({
      disabledSites: on
        ? settings.disabledSites.filter((s) => s !== site)
        : [...settings.disabledSites, site],
    });

  const addSite = async (e: Event) => {
    e.preventDefault();
    const host = cleanHost(newSite);
    if (!host) return;
    if (!(await ports.requestSite(host))) {
      setMessage(t('optPermissionDenied'));
      return;
    }
    setNewSite('');
    if (!settings.extraSites.includes(host)) update({ extraSites: [...settings.extraSites, host] });
  };

  return (
    <main class={`options theme-${settings.theme}`} lang={lang}>
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t('optSites')}</h2>
        <p>{t('optSitesHelp')}</p>
        <ul class="sites">
          {DEFAULT_NEWS_SITES.map((site) => (
            <li key={site}>
              <label>
                <input
                  type="checkbox"
                  checked={!settings.disabledSites.includes(site)}
                  onChange={(e) => toggleSite(site, (e.target as HTMLInputElement).checked)}
                />{' '}
                {site}
              </label>
            </li>
          ))}
          {settings.extraSites.map((site) => (
            <li key={site}>
              <label>
                <input
                  type="checkbox"
                  checked={!settings.disabledSites.includes(site)}
                  onChange={(e) => toggleSite(site, (e.target as HTMLInputElement).checked)}
                />{' '}
                {site}
              </label>{' '}
              <button
                type="button"
                onClick={() => update({ extraSites: settings.extraSites.filter((s) => s !== site) })}
              >
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={addSite} class="add-site">
          <label>
            {t('optAddSite')}{' '}
            <input
              type="text"
              value={newSite}
              placeholder={t('optAddSitePlaceholder')}
              onInput={(e) => setNewSite((e.target as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit">{t('optAddSite')}</button>
        </form>
      </section>

      <section aria-labelledby="kinds-h">
        <h2 id="kinds-h">{t('optKinds')}</h2>
        {KIND_NAMES.map((k) => (
          <label key={k} class="row">
            <input
              type="checkbox"
              checked={settings.kinds[k]}
              onChange={(e) =>
                update({ kinds: { ...settings.kinds, [k]: (e.target as HTMLInputElement).checked } })
              }
            />{' '}
            {t(KIND_LABEL[k])}
          </label>
        ))}
      </section>

      <section aria-labelledby="look-h">
        <h2 id="look-h">{t('optHighlight')}</h2>
        <Choice
          name="highlight"
          value={settings.highlight}
          options={[
            ['underline', t('optHighlightUnderline')],
            ['background', t('optHighlightBackground')],
            ['none', t('optHighlightNone')],
          ]}
          onChange={(v) => update({ highlight: v as Settings['highlight'] })}
        />
        <label class="row">
          {t('optDwell')}{' '}
          <input
            type="number"
            min={0}
            max={3000}
            step={50}
            value={settings.dwellMs}
            onChange={(e) => update({ dwellMs: Number((e.target as HTMLInputElement).value) })}
          />
        </label>
        <h2 id="theme-h">{t('optTheme')}</h2>
        <Choice
          name="theme"
          value={settings.theme}
          options={[
            ['auto', t('optThemeAuto')],
            ['light', t('optThemeLight')],
            ['dark', t('optThemeDark')],
          ]}
          onChange={(v) => update({ theme: v as Settings['theme'] })}
        />
        <h2 id="lang-h">{t('optLanguage')}</h2>
        <Choice
          name="lang"
          value={settings.lang}
          options={[
            ['vi', 'Tiếng Việt'],
            ['en', 'English'],
          ]}
          onChange={(v) => update({ lang: v as Settings['lang'] })}
        />
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t('optChannel')}</h2>
        <input
          type="url"
          class="wide"
          aria-labelledby="sync-h"
          value={settings.channelUrl}
          onChange={(e) => update({ channelUrl: (e.target as HTMLInputElement).value.trim() })}
        />
        {ports.sync && <SyncStatus lang={lang} ports={ports.sync} compact />}
      </section>

      <p class="privacy">{t('optPrivacy')}</p>
      <p role="status" aria-live="polite" class="message">
        {message}
      </p>
    </main>
  );
}

function Choice({
  name,
  value,
  options,
  onChange,
}: {
  name: string;
  value: string;
  options: [string, string][];
  onChange(v: string): void;
}) {
  return (
    <div role="radiogroup" class="choice">
      {options.map(([v, label]) => (
        <label key={v} class="row">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />{' '}
          {label}
        </label>
      ))}
    </div>
  );
}
