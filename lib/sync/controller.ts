// When syncs run and what the reader is told about them. One run at a time;
// its phase and progress are journalled to storage so that a service worker
// stopped mid-run knows, when it starts again, that it was interrupted — and
// starts over (the store discards the half-written staging; verified files are
// reused from the file cache). Failures that may cure themselves are retried
// with exponential backoff and jitter; offline waits for `online`.
import type { OnlinePort } from './download.ts';
import { SyncError, type SyncErrorCode, type SyncErrorParams, storeError } from './errors.ts';
import type { SyncOutcome, SyncPhase, SyncProgress } from './sync-run.ts';

export const DAILY_ALARM = 'reflens-sync-daily';
export const RETRY_ALARM = 'reflens-sync-retry';

export type SyncTrigger = 'manual' | 'alarm' | 'retry' | 'online' | 'resume' | 'settings';

export interface SyncResult {
  at: number;
  outcome: 'updated' | 'up-to-date' | 'failed';
  trigger: SyncTrigger;
  durationMs: number;
  /** Version before and after (updated), or the version checked (up-to-date). */
  from: number | null;
  to: number | null;
  via: 'snapshot' | 'delta' | null;
  downloaded: number;
  records: number;
  /** Operations a stopped run had written that this one continued from. */
  resumedAt: number;
  code: SyncErrorCode | null;
  params: SyncErrorParams;
  /** Technical detail for the log and bug reports; the UI shows the plain-words reason. */
  detail: string | null;
}

export interface SyncState {
  running: { trigger: SyncTrigger; startedAt: number; phase: SyncPhase; target: number | null } | null;
  progress: SyncProgress | null;
  last: SyncResult | null;
  /** Consecutive retryable failures (drives the backoff). */
  attempt: number;
  nextRetryAt: number | null;
  waitingOnline: boolean;
}

export const EMPTY_STATE: SyncState = {
  running: null,
  progress: null,
  last: null,
  attempt: 0,
  nextRetryAt: null,
  waitingOnline: false,
};

export interface StatePort {
  load(): Promise<unknown>;
  save(state: SyncState): Promise<void>;
}

export interface AlarmPort {
  /** Creates the periodic alarm unless one with that name exists. */
  ensurePeriodic(name: string, periodMinutes: number): Promise<void>;
  once(name: string, when: number): Promise<void>;
  clear(name: string): Promise<void>;
}

export interface RunHooks {
  onProgress(p: SyncProgress): void;
  onPhase(phase: SyncPhase, target: number | null): Promise<void>;
}

export interface SyncControllerDeps {
  run(channelUrl: string, hooks: RunHooks): Promise<SyncOutcome>;
  channelUrl(): Promise<string>;
  state: StatePort;
  alarms: AlarmPort;
  online: OnlinePort;
  now(): number;
  random(): number;
  /** Awaited before each run (the background waits for its bundle import here). */
  beforeRun?(): Promise<void>;
  /** After a new version is committed (the background drops caches built from the old one). */
  afterUpdate?(outcome: SyncOutcome): Promise<void> | void;
  backoff?: { baseMs: number; maxMs: number };
  dailyMinutes?: number;
  /** How often progress is written to storage at most. */
  progressEveryMs?: number;
  log?(message: string): void;
}

export interface SyncController {
  /** Worker start: make sure the daily alarm exists, and pick up a run the worker was stopped in. */
  start(): Promise<void>;
  /** Runs now (or joins the run in progress); resolves with the state after it. */
  syncNow(trigger: SyncTrigger): Promise<SyncState>;
  onAlarm(name: string): Promise<void>;
  state(): Promise<SyncState>;
}

/** A stored value → a complete state; anything unreadable falls back to empty. */
export function normalizeState(raw: unknown): SyncState {
  if (!raw || typeof raw !== 'object') return structuredClone(EMPTY_STATE);
  const r = raw as Partial<SyncState>;
  return {
    running: r.running && typeof r.running === 'object' ? r.running : null,
    progress: r.progress && typeof r.progress === 'object' ? r.progress : null,
    last: r.last && typeof r.last === 'object' ? r.last : null,
    attempt: typeof r.attempt === 'number' && r.attempt >= 0 ? r.attempt : 0,
    nextRetryAt: typeof r.nextRetryAt === 'number' ? r.nextRetryAt : null,
    waitingOnline: r.waitingOnline === true,
  };
}

/** Full-range jitter over the upper half: delay ∈ [d/2, d], d = base·2^(attempt−1) capped at max. */
export function backoffDelay(attempt: number, random: number, baseMs: number, maxMs: number): number {
  const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(d / 2 + (random * d) / 2);
}

function failed(trigger: SyncTrigger, startedAt: number, now: number, err: SyncError): SyncResult {
  return {
    at: now,
    outcome: 'failed',
    trigger,
    durationMs: now - startedAt,
    from: null,
    to: null,
    via: null,
    downloaded: 0,
    records: 0,
    resumedAt: 0,
    code: err.code,
    params: err.params,
    detail: err.message,
  };
}

export function createSyncController(deps: SyncControllerDeps): SyncController {
  const base = deps.backoff?.baseMs ?? 60_000;
  const max = deps.backoff?.maxMs ?? 6 * 60 * 60_000;
  const progressEvery = deps.progressEveryMs ?? 250;
  const log = deps.log ?? (() => {});
  let cached: SyncState | null = null;
  let writes: Promise<void> = Promise.resolve();
  let current: Promise<SyncState> | null = null;
  let onlineWaiter = false;

  const load = async (): Promise<SyncState> => {
    cached ??= normalizeState(await deps.state.load().catch(() => null));
    return cached;
  };
  // Writes go out in order; a failed write (full disk) must not break the run it reports on.
  const save = (s: SyncState): Promise<void> => {
    const snapshot = structuredClone(s);
    writes = writes
      .then(() => deps.state.save(snapshot))
      .catch((e: unknown) => log(`could not save sync state: ${String(e)}`));
    return writes;
  };

  const waitOnlineThenRun = (s: SyncState) => {
    if (onlineWaiter) return;
    onlineWaiter = true;
    void deps.online.waitForOnline().then(async () => {
      onlineWaiter = false;
      s.waitingOnline = false;
      await save(s);
      void syncNow('online');
    });
  };

  const runOnce = async (trigger: SyncTrigger): Promise<SyncState> => {
    const s = await load();
    const url = (await deps.channelUrl()).trim();
    const startedAt = deps.now();
    if (!url) {
      // On a schedule there is simply nothing to check; a reader who asked is told why nothing happened.
      if (trigger !== 'manual') return s;
      s.last = failed(
        trigger,
        startedAt,
        startedAt,
        new SyncError('no-channel', {}, 'no channel URL is set'),
      );
      await save(s);
      return s;
    }
    if (!deps.online.isOnline()) {
      s.waitingOnline = true;
      s.last = failed(trigger, startedAt, startedAt, new SyncError('offline', {}, 'waiting for the network'));
      // The `online` listener dies with the worker; the retry alarm does not.
      s.attempt += 1;
      s.nextRetryAt = startedAt + backoffDelay(s.attempt, deps.random(), base, max);
      await deps.alarms.once(RETRY_ALARM, s.nextRetryAt).catch(() => {});
      await save(s);
      waitOnlineThenRun(s);
      return s;
    }
    s.running = { trigger, startedAt, phase: 'checking', target: null };
    s.progress = null;
    s.waitingOnline = false;
    await save(s);
    let lastWrite = 0;
    const hooks: RunHooks = {
      onProgress(p) {
        s.progress = p;
        const t = deps.now();
        if (t - lastWrite >= progressEvery) {
          lastWrite = t;
          void save(s);
        }
      },
      async onPhase(phase, target) {
        if (s.running) s.running = { ...s.running, phase, target };
        lastWrite = deps.now();
        await save(s);
      },
    };
    try {
      await deps.beforeRun?.();
      const outcome = await deps.run(url, hooks);
      const now = deps.now();
      s.last = {
        at: now,
        outcome: outcome.kind,
        trigger,
        durationMs: now - startedAt,
        from: outcome.kind === 'updated' ? outcome.from : outcome.version,
        to: outcome.kind === 'updated' ? outcome.to : outcome.version,
        via: outcome.kind === 'updated' ? outcome.via : null,
        downloaded: outcome.kind === 'updated' ? outcome.downloaded : 0,
        records: outcome.kind === 'updated' ? outcome.records : 0,
        resumedAt: outcome.kind === 'updated' ? outcome.resumedAt : 0,
        code: null,
        params: {},
        detail: null,
      };
      s.attempt = 0;
      s.nextRetryAt = null;
      await deps.alarms.clear(RETRY_ALARM).catch(() => {});
      if (outcome.kind === 'updated') {
        log(`dataset ${outcome.from ?? 'none'} → ${outcome.to} via ${outcome.via} in ${now - startedAt} ms`);
        await deps.afterUpdate?.(outcome);
      }
    } catch (err) {
      const e = err instanceof SyncError ? err : storeError(err);
      const now = deps.now();
      s.last = failed(trigger, startedAt, now, e);
      log(`sync failed (${e.code}): ${e.message}`);
      if (e.retryable) {
        s.attempt += 1;
        s.nextRetryAt = now + backoffDelay(s.attempt, deps.random(), base, max);
        await deps.alarms.once(RETRY_ALARM, s.nextRetryAt).catch(() => {});
        if (e.code === 'offline') {
          s.waitingOnline = true;
          waitOnlineThenRun(s);
        }
      } else {
        // Retrying cannot help (bad signature, downgrade…): the daily check or the reader tries again.
        s.attempt = 0;
        s.nextRetryAt = null;
        await deps.alarms.clear(RETRY_ALARM).catch(() => {});
      }
    } finally {
      s.running = null;
      s.progress = null;
      await save(s);
    }
    return s;
  };

  const syncNow = (trigger: SyncTrigger): Promise<SyncState> => {
    current ??= runOnce(trigger).finally(() => {
      current = null;
    });
    return current;
  };

  return {
    async start() {
      await deps.alarms.ensurePeriodic(DAILY_ALARM, deps.dailyMinutes ?? 24 * 60).catch(() => {});
      const s = await load();
      if (s.running) {
        const phase = s.running.phase;
        const err = new SyncError('interrupted', { phase }, `the worker stopped while ${phase}`);
        s.last = failed(s.running.trigger, s.running.startedAt, deps.now(), err);
        s.running = null;
        s.progress = null;
        await save(s);
        log(`the last sync was interrupted while ${phase}; starting it over`);
        void syncNow('resume');
      } else if (s.nextRetryAt !== null && s.nextRetryAt <= deps.now()) {
        void syncNow('retry');
      }
    },
    syncNow,
    async onAlarm(name) {
      if (name === DAILY_ALARM) await syncNow('alarm');
      else if (name === RETRY_ALARM) await syncNow('retry');
    },
    async state() {
      return structuredClone(await load());
    },
  };
}
