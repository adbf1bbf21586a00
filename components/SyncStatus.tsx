import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type Lang, translate } from '../lib/i18n/messages.ts';
import { describeSync, type SyncStatusView } from '../lib/sync/describe.ts';

export interface SyncPorts {
  status(): Promise<SyncStatusView>;
  /** Starts a sync (or joins the one running) and answers at once with the state. */
  syncNow(): Promise<SyncStatusView>;
  /** Calls back whenever the background records a change (so progress shows without waiting for a poll). */
  subscribe?(onChange: () => void): () => void;
}

/** Polls often while a sync runs (progress moves), rarely otherwise (the daily check may start one). */
const BUSY_POLL_MS = 400;
const IDLE_POLL_MS = 15_000;

/**
 * Where the sync stands: progress while it runs, how the last attempt ended and
 * why, the next retry, and "sync now". Shown in the popup and the options page.
 */
export function SyncStatus({
  lang,
  ports,
  compact = false,
}: {
  lang: Lang;
  ports: SyncPorts;
  compact?: boolean;
}) {
  const [view, setView] = useState<SyncStatusView | null>(null);
  const [asked, setAsked] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refresh = useCallback(
    async (fetcher: () => Promise<SyncStatusView>) => {
      if (timer.current) clearTimeout(timer.current);
      let next: SyncStatusView | null = null;
      try {
        next = await fetcher();
        setView(next);
      } catch {
        // The worker may be starting; ask again shortly.
      }
      const busy = next ? describeSync(next, lang).busy : true;
      timer.current = setTimeout(() => void refresh(ports.status), busy ? BUSY_POLL_MS : IDLE_POLL_MS);
    },
    [lang, ports],
  );

  useEffect(() => {
    void refresh(ports.status);
    const unsubscribe = ports.subscribe?.(() => void refresh(ports.status));
    return () => {
      unsubscribe?.();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [ports, refresh]);

  if (!view) return null;
  const d = describeSync(view, lang);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const onSync = () => {
    setAsked(true);
    void refresh(ports.syncNow).finally(() => setAsked(false));
  };
  const Heading = compact ? 'h3' : 'h2';
  return (
    <section
      class={`sync-status tone-${d.tone}`}
      aria-labelledby="sync-status-h"
      data-busy={d.busy ? '1' : '0'}
    >
      <Heading id="sync-status-h">{t('syncTitle')}</Heading>
      <div role="status" aria-live="polite" class="sync-lines">
        {d.now && <p class="sync-now">{d.now}</p>}
        {d.progress && <progress max={d.progress.max} value={d.progress.value} />}
        {d.last && <p class={`sync-last tone-${d.tone}`}>{d.last}</p>}
        {d.next && <p class="sync-next">{d.next}</p>}
      </div>
      <button
        type="button"
        class="sync-button"
        onClick={onSync}
        disabled={d.busy || asked || !view.channelSet}
      >
        {t('syncNow')}
      </button>
    </section>
  );
}
