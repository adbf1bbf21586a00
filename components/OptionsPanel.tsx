import { useEffect, useState } from 'preact/hooks';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import {
  DEFAULT_SETTINGS,
  fitsSyncItem,
  KIND_NAMES,
  type KindName,
  type Settings,
} from '../lib/settings/settings.ts';
import { normalizeSettings, settingsSchema } from '../lib/settings/settings-schema.ts';
import { parseSiteInput } from '../lib/settings/site-input.ts';
import { DEFAULT_NEWS_SITES } from '../lib/sites.ts';
import { type DataPorts, OptionsData } from './OptionsData.tsx';
import { type SyncPorts, SyncStatus } from './SyncStatus.tsx';

export interface OptionsPorts {
  load(): Promise<Settings>;
  save(s: Settings): Promise<void>;
  /** Settings changed elsewhere (the popup's site switch, another device): calls back with them. */
  subscribe?(onSettings: (s: Settings) => void): () => void;
  /**
   * Asks the browser for access to a site the reader adds; resolves false if
   * refused. Must be called straight from the click: browsers grant optional
   * permissions only on a user gesture.
   */
  requestSite(host: string): Promise<boolean>;
  /** Gives back the access to a site the reader removed. */
  releaseSite(host: string): Promise<void>;
  /** Dataset status, page-learned documents, re-import (absent: the section is not shown). */
  data?: DataPorts;
  /** The data sync's status and "sync now" (absent: the section shows only the channel URL). */
  sync?: SyncPorts;
}

type Message = { text: string; tone: 'ok' | 'error' };
export type Say = (key: MessageKey, vars?: Record<string, string | number>, tone?: Message['tone']) => void;

const KIND_LABEL: Record<KindName, MessageKey> = {
  document: 'kindDocument',
  person: 'kindPerson',
  organization: 'kindOrganization',
  place: 'kindPlace',
};

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The options page: every setting, applied to open tabs as soon as it is saved. */
export function OptionsPanel({ ports }: { ports: OptionsPorts }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  useEffect(() => {
    let live = true;
    ports.load().then(
      (s) => live && setSettings(s),
      // Unreadable storage: show the defaults rather than nothing; saving will say what goes wrong.
      () => live && setSettings(structuredClone(DEFAULT_SETTINGS)),
    );
    const unsubscribe = ports.subscribe?.((s) => live && setSettings(s));
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [ports]);

  const lang: Lang = settings?.lang ?? DEFAULT_SETTINGS.lang;
  const theme = settings?.theme ?? DEFAULT_SETTINGS.theme;
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dataset.theme = theme;
    document.title = translate(lang, 'optionsTitle');
  }, [lang, theme]);

  if (!settings) return null;
  const t = (k: MessageKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  const say: Say = (key, vars, tone = 'ok') => setMessage({ text: t(key, vars), tone });

  /** Saves a change; false (and a message saying why) when it could not be. */
  const update = async (
    patch: Partial<Settings>,
    done?: [MessageKey, Record<string, string>?],
  ): Promise<boolean> => {
    const next = normalizeSettings({ ...settings, ...patch });
    if (!fitsSyncItem(next)) {
      say('optTooManySites', {}, 'error');
      return false;
    }
    const before = settings;
    setSettings(next);
    try {
      await ports.save(next);
    } catch (e) {
      setSettings(before);
      say('optSaveFailed', { reason: reason(e) }, 'error');
      return false;
    }
    const [key, vars] = done ?? ['optSaved'];
    setMessage({ text: translate(next.lang, key, vars), tone: 'ok' });
    return true;
  };

  const setSiteOn = (site: string, on: boolean) =>
    update({
      disabledSites: on
        ? settings.disabledSites.filter((s) => s !== site)
        : [...settings.disabledSites.filter((s) => s !== site), site],
    });

  const addSite = async (input: string): Promise<boolean> => {
    const parsed = parseSiteInput(input, settings.extraSites);
    switch (parsed.kind) {
      case 'invalid':
        say('optSiteInvalid', {}, 'error');
        return false;
      case 'default':
        if (!(await setSiteOn(parsed.site, true))) return false;
        say('optSiteIsDefault', { site: parsed.site });
        return true;
      case 'known':
        if (settings.disabledSites.includes(parsed.site)) return setSiteOn(parsed.site, true);
        say('optSiteKnown', { site: parsed.site });
        return true;
      case 'new': {
        const { host } = parsed;
        const next = normalizeSettings({ ...settings, extraSites: [...settings.extraSites, host] });
        // Checked before asking: a grant the settings cannot record would leave access nobody sees.
        if (!fitsSyncItem(next)) {
          say('optTooManySites', {}, 'error');
          return false;
        }
        let granted: boolean;
        try {
          granted = await ports.requestSite(host);
        } catch (e) {
          say('optPermissionError', { site: host, reason: reason(e) }, 'error');
          return false;
        }
        if (!granted) {
          say('optPermissionDenied', { site: host }, 'error');
          return false;
        }
        const saved = await update(
          { extraSites: next.extraSites, disabledSites: settings.disabledSites.filter((s) => s !== host) },
          ['optSiteAdded', { site: host }],
        );
        // Nothing records the site: give the access back rather than keep it unused.
        if (!saved) await ports.releaseSite(host).catch(() => {});
        return saved;
      }
    }
  };

  const removeSite = async (site: string) => {
    const saved = await update({
      extraSites: settings.extraSites.filter((s) => s !== site),
      disabledSites: settings.disabledSites.filter((s) => s !== site),
    });
    if (saved) await ports.releaseSite(site).catch(() => {});
  };

  return (
    <main class="options" lang={lang}>
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="sites-h">
        <h2 id="sites-h">{t('optSites')}</h2>
        <p class="help">{t('optSitesHelp')}</p>
        <ul class="sites">
          {DEFAULT_NEWS_SITES.map((site) => (
            <li key={site}>
              <SiteToggle
                site={site}
                on={!settings.disabledSites.includes(site)}
                onChange={(on) => void setSiteOn(site, on)}
              />
            </li>
          ))}
          {settings.extraSites.map((site) => (
            <li key={site} class="extra">
              <SiteToggle
                site={site}
                on={!settings.disabledSites.includes(site)}
                onChange={(on) => void setSiteOn(site, on)}
              />
              <button
                type="button"
                class="remove"
                aria-label={t('optRemoveSite', { site })}
                onClick={() => void removeSite(site)}
              >
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
        <AddSite t={t} add={addSite} />
      </section>

      <section aria-labelledby="kinds-h">
        <h2 id="kinds-h">{t('optKinds')}</h2>
        {KIND_NAMES.map((k) => (
          <label key={k} class="row">
            <input
              type="checkbox"
              name={`kind-${k}`}
              checked={settings.kinds[k]}
              onChange={(e) => void update({ kinds: { ...settings.kinds, [k]: e.currentTarget.checked } })}
            />{' '}
            {t(KIND_LABEL[k])}
          </label>
        ))}
      </section>

      <section aria-labelledby="look-h">
        <h2 id="look-h">{t('optAppearance')}</h2>
        <Choice
          name="highlight"
          legend={t('optHighlight')}
          value={settings.highlight}
          options={[
            ['underline', t('optHighlightUnderline')],
            ['background', t('optHighlightBackground')],
            ['none', t('optHighlightNone')],
          ]}
          onChange={(v) => void update({ highlight: v as Settings['highlight'] })}
        />
        <Dwell
          t={t}
          value={settings.dwellMs}
          onError={() => say('optDwellInvalid', {}, 'error')}
          save={(dwellMs) => void update({ dwellMs })}
        />
        <Choice
          name="theme"
          legend={t('optTheme')}
          value={settings.theme}
          options={[
            ['auto', t('optThemeAuto')],
            ['light', t('optThemeLight')],
            ['dark', t('optThemeDark')],
          ]}
          onChange={(v) => void update({ theme: v as Settings['theme'] })}
        />
        <Choice
          name="lang"
          legend={t('optLanguage')}
          value={settings.lang}
          options={[
            // Each language by its own name, whatever the page's language is.
            ['vi', translate('vi', 'langVi'), 'vi'],
            ['en', translate('en', 'langEn'), 'en'],
          ]}
          onChange={(v) => void update({ lang: v as Lang })}
        />
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t('optChannel')}</h2>
        <input
          type="url"
          name="channel"
          class="wide"
          aria-labelledby="sync-h"
          aria-describedby="channel-help"
          value={settings.channelUrl}
          onChange={(e) => void update({ channelUrl: e.currentTarget.value.trim() })}
        />
        <p id="channel-help" class="help">
          {t('optChannelHelp')}
        </p>
        {ports.sync && <SyncStatus lang={lang} ports={ports.sync} compact />}
      </section>

      {ports.data && <OptionsData lang={lang} ports={ports.data} say={say} />}

      <section aria-labelledby="privacy-h" class="privacy">
        <h2 id="privacy-h">{t('optPrivacyTitle')}</h2>
        <p>{t('optPrivacy')}</p>
      </section>

      <p
        role="status"
        aria-live="polite"
        class={`message tone-${message?.tone ?? 'ok'}`}
        data-testid="options-message"
      >
        {message?.text ?? ''}
      </p>
    </main>
  );
}

type T = (k: MessageKey, vars?: Record<string, string | number>) => string;

function SiteToggle({ site, on, onChange }: { site: string; on: boolean; onChange(on: boolean): void }) {
  return (
    <label class="site">
      <input
        type="checkbox"
        name="site"
        value={site}
        checked={on}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />{' '}
      {site}
    </label>
  );
}

function AddSite({ t, add }: { t: T; add(input: string): Promise<boolean> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    // No await before add(): the permission request inside must stay in the click's user gesture.
    setBusy(true);
    void add(text)
      .then((ok) => ok && setText(''))
      .finally(() => setBusy(false));
  };
  return (
    <form onSubmit={onSubmit} class="add-site">
      <label for="add-site-input">{t('optAddSiteLabel')}</label>{' '}
      <input
        id="add-site-input"
        type="text"
        name="add-site"
        inputMode="url"
        autocomplete="off"
        spellcheck={false}
        value={text}
        placeholder={t('optAddSitePlaceholder')}
        onInput={(e) => setText(e.currentTarget.value)}
      />{' '}
      <button type="submit" disabled={busy}>
        {t('optAddSite')}
      </button>
    </form>
  );
}

const DWELL = settingsSchema.shape.dwellMs;

function Dwell({
  t,
  value,
  save,
  onError,
}: {
  t: T;
  value: number;
  save(ms: number): void;
  onError(): void;
}) {
  const [text, setText] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setText(String(value)), [value]);
  const commit = (raw: string) => {
    const parsed = DWELL.safeParse(raw.trim() === '' ? Number.NaN : Number(raw));
    setInvalid(!parsed.success);
    if (parsed.success) save(parsed.data);
    else onError();
  };
  return (
    <label class="row dwell">
      {t('optDwell')}{' '}
      <input
        type="number"
        name="dwell"
        min={0}
        max={3000}
        step={50}
        value={text}
        aria-invalid={invalid}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
    </label>
  );
}

function Choice({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: string;
  /** value, label, and the label's own language when it differs from the page's. */
  options: [string, string, string?][];
  onChange(v: string): void;
}) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map(([v, label, labelLang]) => (
        <label key={v} class="row" lang={labelLang}>
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
