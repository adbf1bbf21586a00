// Every way a sync can fail, as a code the UI turns into plain words (both
// languages, lib/i18n/messages.ts) plus a short technical detail for the log.
// The code also decides whether backing off and retrying can help: a bad
// signature will not fix itself in a minute, a flaky network may.

export const SYNC_ERROR_CODES = [
  'no-channel',
  'bad-url',
  'no-trusted-keys',
  'offline',
  'network',
  'http',
  'stalled',
  'too-large',
  'longer-than-declared',
  'truncated',
  'hash-mismatch',
  'manifest-invalid',
  'unknown-format',
  'unsigned',
  'untrusted-key',
  'bad-signature',
  'downgrade',
  'extension-too-old',
  'records-invalid',
  'base-changed',
  'quota',
  'store',
  'interrupted',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export type SyncErrorParams = Record<string, string | number>;

/** Failures that retrying later (with backoff) may cure; the rest wait for the daily check or a "sync now". */
const RETRYABLE: ReadonlySet<SyncErrorCode> = new Set<SyncErrorCode>([
  'offline',
  'network',
  'stalled',
  'truncated',
  'hash-mismatch', // a CDN can serve a new manifest beside an old file for a while
  'base-changed',
  'quota',
  'store',
  'interrupted',
]);

export class SyncError extends Error {
  override name = 'SyncError';
  readonly code: SyncErrorCode;
  readonly params: SyncErrorParams;
  constructor(code: SyncErrorCode, params: SyncErrorParams = {}, detail?: string) {
    super(detail ?? code);
    this.code = code;
    this.params = params;
  }

  get retryable(): boolean {
    if (this.code === 'http') {
      const status = Number(this.params.status);
      return status >= 500 || status === 408 || status === 429;
    }
    return RETRYABLE.has(this.code);
  }
}

/** IndexedDB and Dexie report a full disk in several shapes; all of them mean the same to a reader. */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const { name, message, code } = e as { name?: unknown; message?: unknown; code?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 'quota')
      return true;
    if (typeof message === 'string' && /quota/i.test(message)) return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Any failure thrown while writing to the store, as a SyncError. */
export function storeError(err: unknown): SyncError {
  if (err instanceof SyncError) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return isQuotaError(err)
    ? new SyncError('quota', {}, detail)
    : new SyncError('store', {}, detail.slice(0, 300));
}
