import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDate } from '../lib/format/dates.ts';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import type { DatasetStatus } from '../lib/protocol.ts';

interface Props {
  lang: Lang;
  status(): Promise<DatasetStatus>;
  /**
   * SYNC SLOT: the update channel's status ("sync now" and the last result)
   * goes here; the sync helper's component is passed in by the popup.
   */
  sync?: ComponentChildren;
  /** The per-site switch. */
  site?: ComponentChildren;
}

/** While an import runs, how often the popup asks how far it got. */
const POLL_MS = 1000;

/** The popup's status area: which data answers, whether an import or a problem is under way, sync, site. */
export function StatusArea({ lang, status, sync, site }: Props) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const [info, setInfo] = useState<DatasetStatus | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = () =>
      void status().then(
        (s) => {
          if (!live) return;
          setInfo(s);
          if (s.importState === 'importing') timer = setTimeout(load, POLL_MS);
        },
        () => live && setInfo(null),
      );
    load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [status]);

  const progress = info?.importProgress;
  return (
    <section class="status-area" aria-labelledby="status-area-h">
      <style>{STATUS_CSS}</style>
      {/* Headings inside (the sync status's h3) follow this h2 in order. */}
      <h2 id="status-area-h" class="sr-only">
        {t('popupStatusLabel')}
      </h2>
      <p class="dataset" data-testid="dataset-status">
        {info?.version
          ? t('datasetVersion', { version: info.version, built: formatDate(info.built) })
          : t('datasetLoading')}
        {info?.importState === 'importing' && (
          <>
            {' · '}
            {t('datasetImporting')}
            {progress && progress.total > 0 ? ` ${Math.floor((100 * progress.done) / progress.total)}%` : ''}
          </>
        )}
      </p>
      {info?.error && (
        <p class="error" role="alert">
          {info.errorCode === 'quota' ? t('errorQuota') : t('errorData', { message: info.error })}
        </p>
      )}
      {/* SYNC SLOT — the sync helper's status component ("sync now" + last result) renders here. */}
      <div class="sync-slot" data-slot="sync">
        {sync}
      </div>
      {site}
    </section>
  );
}

const STATUS_CSS = `
.status-area { margin-top: auto; border-top: 1px solid var(--border); padding-top: 8px; display: flex; flex-direction: column; gap: 6px; font-size: 12px; color: var(--muted); }
.status-area p { margin: 0; }
.status-area .error { color: var(--bad-fg); background: var(--bad-bg); border-radius: 6px; padding: 4px 8px; }
.status-area .sync-slot:empty { display: none; }
.status-area .site { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0; color: var(--fg); }
.status-area button { font: inherit; }
`;
