import { useEffect, useState } from 'preact/hooks';
import { type Lang, translate } from '../lib/i18n/messages.ts';

export interface SiteState {
  /** Host of the current tab, or null for pages an extension cannot read (chrome://, the store). */
  host: string | null;
  /** A site RefLens knows (default list or added): it can be switched on and off. */
  known: boolean;
  enabled: boolean;
}

export interface SitePorts {
  state(): Promise<SiteState>;
  /** Switch a known site on or off in the settings. */
  setEnabled(on: boolean): Promise<void>;
  /** Run once on this tab only, through activeTab: no host permission is kept. */
  runHere(): Promise<void>;
  openOptions(): void;
}

export function SiteSwitch({ lang, ports }: { lang: Lang; ports: SitePorts }) {
  const [state, setState] = useState<SiteState | null>(null);
  const [ranHere, setRanHere] = useState(false);
  useEffect(() => {
    void ports.state().then(setState, () => setState(null));
  }, [ports]);
  if (!state) return null;
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string>) => translate(lang, k, v);
  if (!state.host) return <p class="site">{t('popupNoSite')}</p>;
  const site = state.host;
  return (
    <div class="site">
      {state.known ? (
        <>
          <span>{t(state.enabled ? 'popupSiteOn' : 'popupSiteOff', { site })}</span>{' '}
          <button
            type="button"
            onClick={() =>
              void ports
                .setEnabled(!state.enabled)
                .then(() => setState({ ...state, enabled: !state.enabled }))
            }
          >
            {t(state.enabled ? 'popupDisableHere' : 'popupEnableSite', { site })}
          </button>
        </>
      ) : (
        <button
          type="button"
          disabled={ranHere}
          onClick={() => void ports.runHere().then(() => setRanHere(true))}
        >
          {t('popupEnableHere')}
        </button>
      )}{' '}
      <button type="button" class="link" onClick={() => ports.openOptions()}>
        {t('popupOptions')}
      </button>
    </div>
  );
}
