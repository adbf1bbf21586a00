import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatDate } from '../lib/format/dates.ts';
import { type Lang, type MessageKey, translate } from '../lib/i18n/messages.ts';
import type { DatasetStatus } from '../lib/protocol.ts';
import type { Say } from './OptionsPanel.tsx';

export interface DataPorts {
  status(): Promise<DatasetStatus>;
  learnedCount(): Promise<number>;
  /** Saves the page-learned documents as a file the reader keeps; answers the file's name and how many. */
  exportLearned(): Promise<{ file: string; count: number }>;
  /** Answers how many were cleared. */
  clearLearned(): Promise<number>;
  /** Starts the re-import of the bundled dataset; answers the status at once. */
  reimport(): Promise<DatasetStatus>;
}

/** While an import runs, how often the page asks how far it got. */
const POLL_MS = 500;

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The options page's data section: which dataset answers, page-learned documents, re-import. */
export function OptionsData({ lang, ports, say }: { lang: Lang; ports: DataPorts; say: Say }) {
  const t = (k: MessageKey, vars?: Record<string, string | number>) => translate(lang, k, vars);
  const [status, setStatus] = useState<DatasetStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [learned, setLearned] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reimporting = useRef(false);
  // The panel makes a new `say` on every render; the poll reads the latest one.
  const sayRef = useRef(say);
  sayRef.current = say;

  const refresh = useCallback(
    async (first?: Promise<DatasetStatus>) => {
      if (timer.current) clearTimeout(timer.current);
      try {
        const s = await (first ?? ports.status());
        setStatus(s);
        setStatusError(null);
        if (s.importState === 'importing') {
          timer.current = setTimeout(() => void refresh(), POLL_MS);
        } else if (reimporting.current) {
          reimporting.current = false;
          setBusy(false);
          if (s.importState === 'done') sayRef.current('optReimportDone', { version: s.version ?? '' });
        }
      } catch (e) {
        setStatusError(reason(e));
        reimporting.current = false;
        setBusy(false);
      }
    },
    [ports],
  );

  useEffect(() => {
    void refresh();
    ports.learnedCount().then(setLearned, () => setLearned(null));
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [ports, refresh]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      say('optActionFailed', { reason: reason(e) }, 'error');
    } finally {
      setBusy(false);
    }
  };

  const onExport = () =>
    run(async () => {
      const { file, count } = await ports.exportLearned();
      say('optLearnedExported', { n: count, file });
    });

  const onClear = () =>
    run(async () => {
      const n = await ports.clearLearned();
      setConfirming(false);
      setLearned(0);
      say('optLearnedCleared', { n });
    });

  const onReimport = () => {
    setBusy(true);
    reimporting.current = true;
    void refresh(ports.reimport()).catch((e: unknown) =>
      say('optActionFailed', { reason: reason(e) }, 'error'),
    );
  };

  const progress = status?.importProgress;
  return (
    <section aria-labelledby="data-h">
      <h2 id="data-h">{t('optData')}</h2>
      <div data-testid="data-status">
        {statusError !== null && <p class="error">{t('optDataUnavailable', { reason: statusError })}</p>}
        {status && (
          <>
            <p>
              {status.version !== null
                ? t('datasetVersion', { version: status.version, built: formatDate(status.built) })
                : t('datasetLoading')}
            </p>
            {status.version !== null && <p data-testid="data-counts">{t('optDataCounts', status.counts)}</p>}
            {status.source !== 'none' && (
              <p class="help">
                {t(status.source === 'database' ? 'optDataFromDatabase' : 'optDataFromBundle')}
              </p>
            )}
            {status.importState === 'importing' && (
              <p>
                {t('datasetImporting')}
                {progress && progress.total > 0
                  ? ` ${t('optImportProgress', { percent: Math.floor((100 * progress.done) / progress.total) })}`
                  : ''}
              </p>
            )}
            {status.error && (
              <p class="error">
                {status.errorCode === 'quota' ? t('errorQuota') : t('errorData', { message: status.error })}
              </p>
            )}
          </>
        )}
      </div>

      <h3 id="learned-h">{t('optLearned')}</h3>
      <p class="help">{t('optLearnedHelp')}</p>
      <p data-testid="learned-count">{learned === null ? '' : t('optLearnedCount', { n: learned })}</p>
      {confirming ? (
        <fieldset class="confirm">
          <legend>{t('optLearnedClearConfirm', { n: learned ?? 0 })}</legend>
          <button type="button" class="danger" disabled={busy} onClick={() => void onClear()}>
            {t('optConfirmClear')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('optCancel')}
          </button>
        </fieldset>
      ) : (
        <div class="buttons">
          <button
            type="button"
            name="export-learned"
            disabled={busy || !learned}
            onClick={() => void onExport()}
          >
            {t('optLearnedExport')}
          </button>{' '}
          <button
            type="button"
            name="clear-learned"
            disabled={busy || !learned}
            onClick={() => setConfirming(true)}
          >
            {t('optLearnedClear')}
          </button>
        </div>
      )}

      <h3 id="reimport-h">{t('optReimport')}</h3>
      <p class="help" id="reimport-help">
        {t('optReimportHelp')}
      </p>
      <button
        type="button"
        name="reimport"
        aria-describedby="reimport-help"
        disabled={busy || status?.importState === 'importing'}
        onClick={onReimport}
      >
        {t('optReimport')}
      </button>
    </section>
  );
}
