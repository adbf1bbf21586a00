// A full disk is the most common "unknown error" in the trackers of tools like
// this one. Say it in plain words, and say that nothing was lost.

export class StoreFullError extends Error {
  override name = 'StoreFullError';
  readonly code = 'quota';
  constructor(cause?: unknown) {
    super(
      "The browser has no room left for RefLens's data: free disk space, then RefLens will try again. " +
        'Nothing was lost: the data RefLens had before stays in use.',
      { cause },
    );
  }
}

/** Whether an error (or one it wraps, as Dexie does) is the browser refusing a write for lack of space. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
