// `npm run bench:page`: RefLens in real Chromium on a 20 KB article and a 1 MB page.
//
// For each page (loaded three times, medians reported):
//   - navigation → all marks drawn: when the scan ended, on the page's clock;
//   - RefLens main-thread work: the content script's start-up (evaluating its
//     code, from a DevTools trace; the detector is built in the background), the
//     scan (the sum of its slices, which the scanner counts itself), and every
//     main-thread task that ran RefLens's code, in wall time and in thread (CPU) time
//     from the trace;
//   - the longest RefLens slice, and the longest main-thread task while it scanned
//     (PerformanceObserver 'longtask', which also sees the page's own layout work);
// then, on the 20 KB page: hover dwell end → card painted, p50/p95, with a warm
// service worker and a stopped one (cold), and the page's JS heap with and without
// RefLens. Needs a build (`npm run build`); prints a table and a machine-readable line.

import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import {
  boxOfText,
  gotoAwaitingScan,
  launchWithExtension,
  ROOT,
  samplePage,
  serveDirectory,
  waitForCard,
  waitForMarks,
} from './browser-harness.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const LONGTASK_PROBE = () => {
  const w = window as unknown as { __tasks: { start: number; duration: number }[] };
  w.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

interface LoadResult {
  marksDrawnMs: number;
  evaluateMs: number;
  /** Thread (CPU) time of evaluating the content script. */
  evaluateCpuMs: number;
  /** Every main-thread task that ran RefLens's code, start-up included: wall and thread (CPU) time. */
  refLensTasksMs: number;
  refLensTasksCpuMs: number;
  scanWorkMs: number;
  longestSliceMs: number;
  longestTaskWhileScanningMs: number;
  marks: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread time: what the thread spent running, without the time the OS gave the core to others. */
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

const SCRIPT_EVENT =
  /^(?:EvaluateScript|FunctionCall|RunMicrotasks|V8\.Execute|TimerFire|FireAnimationFrame)$/;

/**
 * The page's main-thread tasks that ran script from the content script's evaluation on. The
 * benchmark pages run no script of their own; the long-task probe's callback is left out. A
 * task's thread time is its CPU time: on a 2-core machine shared with the browser's other
 * processes, wall time also counts the stretches the thread waited for a core.
 */
function refLensTasks(events: TraceEvent[], evaluate: TraceEvent): { wall: number; cpu: number } {
  const onThread = events.filter((e) => e.tid === evaluate.tid && e.pid === evaluate.pid && e.ph === 'X');
  let wall = 0;
  let cpu = 0;
  for (const task of onThread) {
    if (!task.name.includes('RunTask') || task.ts + (task.dur ?? 0) < evaluate.ts) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts <= end);
    if (!inside.some((e) => SCRIPT_EVENT.test(e.name))) continue;
    if (inside.some((e) => (e.args?.data?.functionName ?? '').includes('PerformanceObserver'))) continue;
    wall += task.dur ?? 0;
    cpu += task.tdur ?? 0;
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  // toplevel: the tasks themselves (with thread time); v8.execute: script run inside them.
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await run();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

async function load(context: BrowserContext, url: string): Promise<LoadResult> {
  const p = await context.newPage();
  await p.addInitScript(LONGTASK_PROBE);
  const cdp = await context.newCDPSession(p);
  const events = await trace(cdp, async () => {
    await gotoAwaitingScan(p, url, 120_000);
    await p.waitForTimeout(1000); // the frames that paint the marks, and the long-task observer's delivery
  });
  const evaluate = events.find(
    (e) =>
      e.name === 'EvaluateScript' &&
      e.ph === 'X' &&
      e.args?.data?.url?.endsWith('content-scripts/content.js'),
  );
  const r = await p.evaluate(() => {
    const scan = performance.getEntriesByName('reflens-scan')[0] as PerformanceMeasure;
    const detail = scan.detail as {
      marks: Record<string, number>;
      work: { totalMs: number; longestMs: number };
    };
    const end = scan.startTime + scan.duration;
    const tasks = (window as unknown as { __tasks: { start: number; duration: number }[] }).__tasks;
    const during = tasks.filter((t) => t.start + t.duration > scan.startTime && t.start < end + 1000);
    return {
      marksDrawnMs: end,
      scanWorkMs: detail.work.totalMs,
      longestSliceMs: detail.work.longestMs,
      longestTaskWhileScanningMs: Math.max(0, ...during.map((t) => t.duration)),
      marks: Object.values(detail.marks).reduce((a, b) => a + b, 0),
    };
  });
  await cdp.detach();
  await p.close();
  const tasks = evaluate ? refLensTasks(events, evaluate) : { wall: Number.NaN, cpu: Number.NaN };
  return {
    ...r,
    evaluateMs: (evaluate?.dur ?? Number.NaN) / 1000,
    evaluateCpuMs: (evaluate?.tdur ?? Number.NaN) / 1000,
    refLensTasksMs: tasks.wall,
    refLensTasksCpuMs: tasks.cpu,
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function pct(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

async function loads(context: BrowserContext, url: string): Promise<LoadResult> {
  const runs: LoadResult[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await load(context, url));
  const m = (k: keyof LoadResult) => median(runs.map((r) => r[k]));
  return {
    marksDrawnMs: m('marksDrawnMs'),
    evaluateMs: m('evaluateMs'),
    evaluateCpuMs: m('evaluateCpuMs'),
    refLensTasksMs: m('refLensTasksMs'),
    refLensTasksCpuMs: m('refLensTasksCpuMs'),
    scanWorkMs: m('scanWorkMs'),
    longestSliceMs: m('longestSliceMs'),
    longestTaskWhileScanningMs: m('longestTaskWhileScanningMs'),
    marks: m('marks'),
  };
}

async function cardTimes(
  p: Page,
  targets: string[],
  coldWorker: () => Promise<void>,
  cold: boolean,
): Promise<number[]> {
  const out: number[] = [];
  for (const text of targets) {
    await p.keyboard.press('Escape');
    await p.mouse.move(2, 2);
    await p.waitForTimeout(400);
    if (cold) await coldWorker();
    const before = await p.evaluate(() => performance.getEntriesByName('reflens-card').length);
    const b = await boxOfText(p, text);
    await p.mouse.move(b.x + Math.min(b.width / 2, 30), b.y + b.height / 2, { steps: 2 });
    await waitForCard(p, 10_000);
    await p.waitForFunction((n) => performance.getEntriesByName('reflens-card').length > n, before, {
      timeout: 10_000,
    });
    out.push(
      await p.evaluate(
        () => (performance.getEntriesByName('reflens-card').at(-1) as PerformanceMeasure).duration,
      ),
    );
  }
  return out;
}

const load1 = loadavg()[0] ?? 0;
const site = await serveDirectory(join(ROOT, 'assets', 'sample'), {
  '/bench-20k.html': samplePage(20_000, 'bench'),
  '/bench-1m.html': samplePage(1_000_000, 'bench'),
});
const context = await launchWithExtension({ headless: true });
try {
  // One page first, so the service worker has imported and warmed up as a reader's has.
  const warm = await context.newPage();
  await warm.goto(`${site.url}/bench-20k.html`);
  await waitForMarks(warm, 60_000);
  await warm.close();

  const small = await loads(context, `${site.url}/bench-20k.html`);
  const large = await loads(context, `${site.url}/bench-1m.html`);

  const p = await context.newPage();
  await p.goto(`${site.url}/bench-20k.html`);
  await waitForMarks(p, 60_000);
  const cdp = await context.newCDPSession(p);
  await cdp.send('ServiceWorker.enable');
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await p.waitForTimeout(200);
  };
  const targets = [
    'Nghị quyết số 12-NQ/TW',
    'Nghị định 168/2024/NĐ-CP',
    'Quyết định số 90-QĐ/TW',
    'Nghị quyết số 57-NQ/TW',
  ];
  const warmCards: number[] = [];
  for (let round = 0; round < 5; round++) warmCards.push(...(await cardTimes(p, targets, stopWorker, false)));
  const coldCards = await cardTimes(p, [...targets, ...targets.slice(0, 2)], stopWorker, true);

  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const plain = await context.browser()?.newContext();
  let baseline = Number.NaN;
  if (plain) {
    const bp = await plain.newPage();
    await bp.goto(`${site.url}/bench-20k.html`);
    const s = await plain.newCDPSession(bp);
    baseline = ((await s.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await plain.close();
  }

  const rows: [string, number, string][] = [
    ['20 KB: navigation → all marks drawn', small.marksDrawnMs, 'ms'],
    ['20 KB: RefLens start-up: evaluate content script (wall)', small.evaluateMs, 'ms'],
    ['20 KB: RefLens start-up: evaluate content script (thread time)', small.evaluateCpuMs, 'ms'],
    ['20 KB: RefLens scan, main-thread work (sum of its slices, wall)', small.scanWorkMs, 'ms'],
    ['20 KB: every RefLens main-thread task, start-up included (wall)', small.refLensTasksMs, 'ms'],
    ['20 KB: every RefLens main-thread task, start-up included (thread time)', small.refLensTasksCpuMs, 'ms'],
    ['20 KB: longest RefLens slice', small.longestSliceMs, 'ms'],
    ['20 KB: longest task while scanning (longtask)', small.longestTaskWhileScanningMs, 'ms'],
    ['20 KB: marks', small.marks, ''],
    ['1 MB: navigation → all marks drawn', large.marksDrawnMs, 'ms'],
    ['1 MB: RefLens scan, main-thread work (sum of its slices, wall)', large.scanWorkMs, 'ms'],
    ['1 MB: every RefLens main-thread task (thread time)', large.refLensTasksCpuMs, 'ms'],
    ['1 MB: longest RefLens slice', large.longestSliceMs, 'ms'],
    ['1 MB: longest task while scanning (longtask)', large.longestTaskWhileScanningMs, 'ms'],
    ['1 MB: marks', large.marks, ''],
    [`dwell end → card painted, warm p50 (n=${warmCards.length})`, pct(warmCards, 0.5), 'ms'],
    [`dwell end → card painted, warm p95 (n=${warmCards.length})`, pct(warmCards, 0.95), 'ms'],
    [`dwell end → card painted, cold p50 (n=${coldCards.length})`, pct(coldCards, 0.5), 'ms'],
    [`dwell end → card painted, cold p95 (n=${coldCards.length})`, pct(coldCards, 0.95), 'ms'],
    ['page JS heap with RefLens (20 KB page)', heap.usedSize / 1e6, 'MB'],
    ['page JS heap without RefLens (same page)', baseline / 1e6, 'MB'],
  ];
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `RefLens page benchmark: headless Chromium, built extension; ${cpu}, ${cpus().length} cores, load average ${load1.toFixed(1)} at start; medians of ${ROUNDS} loads`,
  );
  console.log('| measure | value |\n| --- | ---: |');
  for (const [name, v, unit] of rows) console.log(`| ${name} | ${v.toFixed(1)}${unit ? ` ${unit}` : ''} |`);
  console.log(
    `main_thread_20k_cpu_ms=${small.refLensTasksCpuMs.toFixed(1)} main_thread_20k_wall_ms=${small.refLensTasksMs.toFixed(1)} scan_20k_ms=${small.scanWorkMs.toFixed(1)} startup_ms=${small.evaluateMs.toFixed(1)} slice_1m_ms=${large.longestSliceMs.toFixed(1)} longtask_1m_ms=${large.longestTaskWhileScanningMs.toFixed(1)} card_warm_p95_ms=${pct(warmCards, 0.95).toFixed(1)} card_cold_p95_ms=${pct(coldCards, 0.95).toFixed(1)}`,
  );
} finally {
  await context.close();
  await site.close();
}
