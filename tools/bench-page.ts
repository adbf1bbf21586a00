// `npm run bench:page`: RefLens in real Chromium on a 20 KB article and a 1 MB page.
// Measures navigation → all marks drawn, the longest main-thread task, hover dwell end
// → card painted (warm and cold service worker) and the page heap RefLens adds.
// Needs a build (`npm run build`); prints a table and a last machine-readable line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { boxOfText, launchWithExtension, ROOT, serveDirectory, waitForCard, waitForMarks } from './browser-harness.ts';

const SAMPLE = readFileSync(join(ROOT, 'assets', 'sample', 'article.html'), 'utf8');
const PARAGRAPHS = [...SAMPLE.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] as string);

function page(bytes: number): string {
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>\n`;
    body.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>bench</title>
<meta property="article:published_time" content="2025-03-10T08:00:00+07:00"></head><body><article>${body.join('')}</article></body></html>`;
}

const LONGTASK_PROBE = () => {
  const w = window as unknown as { __longest: number };
  w.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
};

interface LoadResult {
  marksDrawnMs: number;
  scanMs: number;
  longestTaskMs: number;
  marks: number;
}

async function load(context: BrowserContext, url: string): Promise<{ page: Page; r: LoadResult }> {
  const p = await context.newPage();
  await p.addInitScript(LONGTASK_PROBE);
  await p.goto(url);
  const counts = await waitForMarks(p, 60_000);
  await p.waitForTimeout(300); // let the long-task observer deliver
  const timing = await p.evaluate(() => {
    const scan = performance.getEntriesByName('reflens-scan')[0] as PerformanceMeasure;
    return {
      marksDrawnMs: scan.startTime + scan.duration,
      scanMs: scan.duration,
      longestTaskMs: (window as unknown as { __longest: number }).__longest,
    };
  });
  return { page: p, r: { ...timing, marks: Object.values(counts).reduce((a, b) => a + b, 0) } };
}

function pct(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function cardTimes(p: Page, targets: string[], coldWorker: () => Promise<void>, cold: boolean): Promise<number[]> {
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
    await p.waitForFunction((n) => performance.getEntriesByName('reflens-card').length > n, before, { timeout: 10_000 });
    out.push(await p.evaluate(() => (performance.getEntriesByName('reflens-card').at(-1) as PerformanceMeasure).duration));
  }
  return out;
}

const site = await serveDirectory(join(ROOT, 'assets', 'sample'), {
  '/bench-20k.html': page(20_000),
  '/bench-1m.html': page(1_000_000),
});
const context = await launchWithExtension({ headless: true });
try {
  const small = await load(context, `${site.url}/bench-20k.html`);
  const large = await load(context, `${site.url}/bench-1m.html`);
  await large.page.close();

  const p = small.page;
  const cdp = await context.newCDPSession(p);
  await cdp.send('ServiceWorker.enable');
  const stopWorker = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await p.waitForTimeout(200);
  };
  const targets = ['Nghị quyết số 12-NQ/TW', 'Nghị định 168/2024/NĐ-CP', 'Quyết định số 90-QĐ/TW', 'Nghị quyết số 57-NQ/TW'];
  const warm: number[] = [];
  for (let round = 0; round < 5; round++) warm.push(...(await cardTimes(p, targets, stopWorker, false)));
  const cold = await cardTimes(p, targets.slice(0, 3), stopWorker, true);

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

  const row = (name: string, v: number, unit = 'ms') => console.log(`${name.padEnd(46)} ${v.toFixed(1).padStart(9)} ${unit}`);
  console.log('RefLens page benchmark (Chromium, headless, built extension)');
  row('20 KB: navigation → all marks drawn', small.r.marksDrawnMs);
  row('20 KB: RefLens scan (content script work)', small.r.scanMs);
  row('20 KB: longest main-thread task', small.r.longestTaskMs);
  row('20 KB: marks', small.r.marks, '');
  row('1 MB: navigation → all marks drawn', large.r.marksDrawnMs);
  row('1 MB: RefLens scan (content script work)', large.r.scanMs);
  row('1 MB: longest main-thread task', large.r.longestTaskMs);
  row('1 MB: marks', large.r.marks, '');
  row(`dwell end → card painted, warm p50 (n=${warm.length})`, pct(warm, 0.5));
  row(`dwell end → card painted, warm p95 (n=${warm.length})`, pct(warm, 0.95));
  row(`dwell end → card painted, cold p50 (n=${cold.length})`, pct(cold, 0.5));
  row(`dwell end → card painted, cold p95 (n=${cold.length})`, pct(cold, 0.95));
  row('page JS heap with RefLens', heap.usedSize / 1e6, 'MB');
  if (!Number.isNaN(baseline)) row('page JS heap without RefLens (same page)', baseline / 1e6, 'MB');
  console.log(
    `scan_20k_ms=${small.r.scanMs.toFixed(1)} longtask_1m_ms=${large.r.longestTaskMs.toFixed(1)} card_warm_p95_ms=${pct(warm, 0.95).toFixed(1)} card_cold_p95_ms=${pct(cold, 0.95).toFixed(1)}`,
  );
} finally {
  await context.close();
  await site.close();
}
