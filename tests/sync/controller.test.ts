// The controller with a scripted run: scheduling, backoff with jitter, waiting
// for the network, one run at a time, and picking up after a worker was stopped.
import { describe, expect, it } from 'vitest';
import {
  type AlarmPort,
  backoffDelay,
  createSyncController,
  DAILY_ALARM,
  RETRY_ALARM,
  type RunHooks,
  type SyncControllerDeps,
  type SyncState,
} from '../../lib/sync/controller.ts';
import { SyncError } from '../../lib/sync/errors.ts';
import type { SyncOutcome } from '../../lib/sync/sync-run.ts';
import { FakeOnline } from './helpers.ts';

class Alarms implements AlarmPort {
  periodic = new Map<string, number>();
  once_ = new Map<string, number>();
  async ensurePeriodic(name: string, minutes: number) {
    if (!this.periodic.has(name)) this.periodic.set(name, minutes);
  }
  async once(name: string, when: number) {
    this.once_.set(name, when);
  }
  async clear(name: string) {
    this.once_.delete(name);
  }
}

type Step = SyncOutcome | SyncError | ((hooks: RunHooks) => Promise<SyncOutcome>);

function setup(steps: Step[], o: { url?: string; stored?: unknown; random?: number } = {}) {
  let now = 1_000_000;
  let stored: unknown = o.stored ?? null;
  const saved: SyncState[] = [];
  const alarms = new Alarms();
  const online = new FakeOnline();
  const runs: string[] = [];
  const updates: SyncOutcome[] = [];
  const deps: SyncControllerDeps = {
    async run(url, hooks) {
      runs.push(url);
      const step = steps.shift();
      if (!step) throw new Error('no more scripted runs');
      now += 1000;
      if (typeof step === 'function') return step(hooks);
      if (step instanceof SyncError) throw step;
      return step;
    },
    channelUrl: async () => o.url ?? 'https://channel.example/manifest.json',
    state: {
      load: async () => stored,
      save: async (s) => {
        stored = structuredClone(s);
        saved.push(structuredClone(s));
      },
    },
    alarms,
    online,
    now: () => now,
    random: () => o.random ?? 0.5,
    afterUpdate: (out) => void updates.push(out),
    progressEveryMs: 0,
  };
  return {
    controller: createSyncController(deps),
    alarms,
    online,
    runs,
    updates,
    saved,
    stored: () => stored as SyncState,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const updated: SyncOutcome = {
  kind: 'updated',
  from: 1,
  to: 2,
  via: 'delta',
  downloaded: 1234,
  records: 3,
  resumedAt: 0,
};

describe('backoffDelay', () => {
  it.each([
    [1, 0, 30_000],
    [1, 1, 60_000],
    [2, 0.5, 90_000],
    [3, 0, 120_000],
    [10, 1, 3_600_000], // capped
    [40, 0, 1_800_000],
  ])('attempt %i with random %d waits %i ms', (attempt, random, ms) => {
    expect(backoffDelay(attempt, random, 60_000, 3_600_000)).toBe(ms);
  });
});

describe('the sync controller', () => {
  it('creates the daily alarm once and runs on it', async () => {
    const t = setup([updated]);
    await t.controller.start();
    await t.controller.start();
    expect([...t.alarms.periodic]).toEqual([[DAILY_ALARM, 1440]]);
    await t.controller.onAlarm(DAILY_ALARM);
    expect(t.runs).toHaveLength(1);
    expect(t.stored().last).toMatchObject({
      outcome: 'updated',
      from: 1,
      to: 2,
      trigger: 'alarm',
      records: 3,
    });
    expect(t.updates).toEqual([updated]);
    expect(t.stored().running).toBeNull();
  });

  it('does nothing on a schedule without a channel, but tells a reader who asks', async () => {
    const t = setup([], { url: '' });
    await t.controller.onAlarm(DAILY_ALARM);
    expect(t.stored()).toBeNull();
    const s = await t.controller.syncNow('manual');
    expect(t.runs).toEqual([]);
    expect(s.last).toMatchObject({ outcome: 'failed', code: 'no-channel' });
  });

  it('runs one sync at a time: a second "sync now" joins the first', async () => {
    let release: (o: SyncOutcome) => void = () => {};
    const t = setup([() => new Promise<SyncOutcome>((ok) => (release = ok))]);
    const a = t.controller.syncNow('manual');
    const b = t.controller.syncNow('manual');
    await new Promise((r) => setTimeout(r, 0));
    expect(t.runs).toHaveLength(1);
    expect(t.stored().running).toMatchObject({ trigger: 'manual', phase: 'checking' });
    release(updated);
    expect(await a).toEqual(await b);
  });

  it('backs off with jitter on retryable errors, and resets on success', async () => {
    const t = setup([new SyncError('network'), new SyncError('http', { status: 503 }), updated], {
      random: 0,
    });
    const s1 = await t.controller.syncNow('manual');
    expect(s1.attempt).toBe(1);
    expect(s1.nextRetryAt).toBe((s1.last?.at ?? 0) + 30_000);
    expect(t.alarms.once_.get(RETRY_ALARM)).toBe(s1.nextRetryAt);
    const s2 = await t.controller.onAlarm(RETRY_ALARM).then(() => t.stored());
    expect(s2.attempt).toBe(2);
    expect(s2.nextRetryAt).toBe((s2.last?.at ?? 0) + 60_000);
    expect(s2.last).toMatchObject({
      outcome: 'failed',
      code: 'http',
      params: { status: 503 },
      trigger: 'retry',
    });
    await t.controller.onAlarm(RETRY_ALARM);
    expect(t.stored()).toMatchObject({ attempt: 0, nextRetryAt: null });
    expect(t.alarms.once_.has(RETRY_ALARM)).toBe(false);
  });

  it.each(['bad-signature', 'downgrade', 'records-invalid', 'too-large', 'unknown-format'] as const)(
    'does not hammer the channel after %s: no retry until the next daily check',
    async (code) => {
      const t = setup([new SyncError(code)]);
      const s = await t.controller.syncNow('manual');
      expect(s.last).toMatchObject({ outcome: 'failed', code });
      expect(s.nextRetryAt).toBeNull();
      expect(t.alarms.once_.has(RETRY_ALARM)).toBe(false);
    },
  );

  it('waits for the network when offline, then runs', async () => {
    const t = setup([updated]);
    t.online.set(false);
    const s = await t.controller.syncNow('manual');
    expect(s.waitingOnline).toBe(true);
    expect(s.last).toMatchObject({ outcome: 'failed', code: 'offline' });
    expect(t.runs).toHaveLength(0);
    // Should the worker stop while waiting, the retry alarm still comes.
    expect(t.alarms.once_.get(RETRY_ALARM)).toBe(s.nextRetryAt);
    t.online.set(true);
    for (let i = 0; i < 20 && t.runs.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => setTimeout(r, 5));
    expect(t.runs).toHaveLength(1);
    expect(t.stored()).toMatchObject({
      waitingOnline: false,
      last: { outcome: 'updated', trigger: 'online' },
    });
  });

  it('journals the phase before the first write, so a stopped worker is noticed', async () => {
    const t = setup([
      async (hooks) => {
        await hooks.onPhase('applying', 2);
        return new Promise<SyncOutcome>(() => {}); // the worker is stopped here
      },
    ]);
    void t.controller.syncNow('manual');
    for (let i = 0; i < 20 && t.stored()?.running?.phase !== 'applying'; i++)
      await new Promise((r) => setTimeout(r, 1));
    const journal = t.stored();
    expect(journal.running).toMatchObject({ phase: 'applying', target: 2 });

    // A new worker starts with the same storage: it reports the interruption and starts over.
    const again = setup([updated], { stored: journal });
    await again.controller.start();
    expect(again.saved[0]?.last).toMatchObject({
      outcome: 'failed',
      code: 'interrupted',
      params: { phase: 'applying' },
    });
    for (let i = 0; i < 20 && again.stored().last?.outcome !== 'updated'; i++)
      await new Promise((r) => setTimeout(r, 1));
    expect(again.runs).toHaveLength(1);
    expect(again.stored().last).toMatchObject({ outcome: 'updated', trigger: 'resume' });
  });

  it('runs a retry that came due while the worker was not running', async () => {
    const t = setup([updated], { stored: { attempt: 2, nextRetryAt: 10 } });
    await t.controller.start();
    for (let i = 0; i < 20 && t.runs.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
    expect(t.runs).toHaveLength(1);
  });

  it('survives a state that is garbage', async () => {
    const t = setup([updated], { stored: 'nonsense' });
    await t.controller.start();
    expect(await t.controller.state()).toMatchObject({ running: null, attempt: 0, last: null });
  });

  it('turns an unexpected store error into a reason and keeps going', async () => {
    const t = setup([
      async () => {
        throw Object.assign(new Error('Transaction aborted'), {
          name: 'AbortError',
          inner: { name: 'QuotaExceededError' },
        });
      },
    ]);
    const s = await t.controller.syncNow('manual');
    expect(s.last).toMatchObject({ outcome: 'failed', code: 'quota' });
    expect(s.nextRetryAt).not.toBeNull();
  });
});
