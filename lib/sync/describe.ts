// What the popup and the options page say about syncing, in the reader's
// language: what is happening now (with progress), how the last attempt ended
// and why, in plain words, and when the next try is. Pure, so every failure's
// sentence is tested in both languages.
import { type Lang, type MessageKey, translate } from '../i18n/messages.ts';
import type { SyncState } from './controller.ts';
import type { SyncErrorCode, SyncErrorParams } from './errors.ts';

/** What the background reports to the UI. */
export interface SyncStatusView {
  state: SyncState;
  /** Whether a channel URL is set in the options. */
  channelSet: boolean;
  /** Dataset version readers see now (null: none yet). */
  installedVersion: number | null;
}

export const REASON_KEY: Record<SyncErrorCode, MessageKey> = {
  'no-channel': 'syncErrNoChannel',
  'bad-url': 'syncErrBadUrl',
  'no-trusted-keys': 'syncErrNoTrustedKeys',
  offline: 'syncErrOffline',
  network: 'syncErrNetwork',
  http: 'syncErrHttp',
  stalled: 'syncErrStalled',
  'too-large': 'syncErrTooLarge',
  'longer-than-declared': 'syncErrLongerThanDeclared',
  truncated: 'syncErrTruncated',
  'hash-mismatch': 'syncErrHashMismatch',
  'manifest-invalid': 'syncErrManifestInvalid',
  'unknown-format': 'syncErrUnknownFormat',
  unsigned: 'syncErrUnsigned',
  'untrusted-key': 'syncErrUntrustedKey',
  'bad-signature': 'syncErrBadSignature',
  downgrade: 'syncErrDowngrade',
  'extension-too-old': 'syncErrExtensionTooOld',
  'records-invalid': 'syncErrRecordsInvalid',
  'base-changed': 'syncErrBaseChanged',
  quota: 'syncErrQuota',
  store: 'syncErrStore',
  interrupted: 'syncErrInterrupted',
};

export function formatBytes(n: number, lang: Lang): string {
  const fmt = (v: number, digits: number) =>
    v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  if (n < 1024) return `${fmt(n, 0)} B`;
  if (n < 1024 * 1024) return `${fmt(n / 1024, 0)} KB`;
  return `${fmt(n / (1024 * 1024), 1)} MB`;
}

export function formatTime(at: number, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

/** The plain-words reason for a failure. */
export function syncReason(code: SyncErrorCode, params: SyncErrorParams, lang: Lang): string {
  const vars: Record<string, string | number> = { ...params };
  for (const k of ['size', 'cap', 'declared'] as const) {
    if (typeof params[k] === 'number') vars[k] = formatBytes(params[k], lang);
  }
  return translate(lang, REASON_KEY[code] ?? 'syncErrStore', vars);
}

export interface SyncDescription {
  busy: boolean;
  /** What is happening now, or null when idle. */
  now: string | null;
  progress: { value: number; max: number } | null;
  /** How the last attempt ended, or null before the first one. */
  last: string | null;
  tone: 'ok' | 'error' | 'info';
  next: string | null;
}

export function describeSync(view: SyncStatusView, lang: Lang): SyncDescription {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const { state } = view;
  const out: SyncDescription = {
    busy: false,
    now: null,
    progress: null,
    last: null,
    tone: 'info',
    next: null,
  };
  if (state.running) {
    out.busy = true;
    const p = state.progress;
    switch (p?.phase ?? state.running.phase) {
      case 'downloading':
        out.now = t('syncDownloading', {
          done: formatBytes(p?.bytes ?? 0, lang),
          total: formatBytes(p?.totalBytes ?? 0, lang),
        });
        if (p && p.totalBytes > 0) out.progress = { value: p.bytes, max: p.totalBytes };
        break;
      case 'verifying':
        out.now = t('syncVerifying');
        break;
      case 'applying':
        out.now = t('syncApplying', { done: p?.records ?? 0, total: p?.totalRecords ?? 0 });
        if (p && p.totalRecords > 0) out.progress = { value: p.records, max: p.totalRecords };
        break;
      default:
        out.now = t('syncChecking');
    }
  } else if (state.waitingOnline) {
    out.busy = true;
    out.now = t('syncWaitingOnline');
  } else if (!view.channelSet) {
    out.now = t('syncErrNoChannel');
  }
  const last = state.last;
  if (last) {
    const time = formatTime(last.at, lang);
    if (last.outcome === 'updated') {
      out.last = t('syncUpdated', { to: last.to ?? '', time });
      out.tone = 'ok';
    } else if (last.outcome === 'up-to-date') {
      out.last = t('syncUpToDate', { version: last.to ?? '', time });
      out.tone = 'ok';
    } else {
      const reason = syncReason(last.code ?? 'store', last.params ?? {}, lang);
      out.last = t('syncFailed', { time, reason });
      out.tone = last.code === 'offline' || last.code === 'interrupted' ? 'info' : 'error';
    }
  }
  if (state.nextRetryAt !== null && !state.running)
    out.next = t('syncNextTry', { time: formatTime(state.nextRetryAt, lang) });
  return out;
}
