// The popup of the built extension in Chromium: issue 6's examples typed into
// the real search box, the first result checked, the detail opened with Enter
// and closed with Esc, the mouse path, the language switch, and axe-core.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { launchWithExtension, ROOT } from '../../tools/browser-harness.ts';

let context: BrowserContext;
let page: Page;
let popupUrl: string;

/** The dataset the build bundled (npm run build runs dataset:build first). */
const dataset = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'dataset.json'), 'utf8')) as Dataset;
const newest12NQ = dataset.documents
  .filter((d) => d.symbol?.startsWith('12-NQ/'))
  .sort((a, b) => (b.issuedDate ?? '').localeCompare(a.issuedDate ?? ''))[0]?.id;

/** Issue 6's examples → the id the first result must have (and the second, where the issue names it). */
const EXAMPLES: [string, string, string?][] = [
  ['to lam', 'person:to-lam'],
  ['nd 168', 'doc:168/2024/NĐ-CP'],
  ['168/2024', 'doc:168/2024/NĐ-CP'],
  ['nghi dinh 168', 'doc:168/2024/NĐ-CP'],
  ['12-nq', newest12NQ ?? 'missing 12-NQ document'],
  ['nq 12', newest12NQ ?? 'missing 12-NQ document'],
  ['bca', 'org:bo-cong-an'],
  ['luat dat dai', 'doc:31/2024/QH15'],
  ['ha giang', 'place:ha-giang@pre-2025', 'place:tuyen-quang@2025'],
];

beforeAll(async () => {
  context = await launchWithExtension({ headless: true });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  popupUrl = `chrome-extension://${id}/popup.html`;
  page = await context.newPage();
  await page.goto(popupUrl);
});

afterAll(async () => {
  await context?.close();
});

async function typeQuery(p: Page, q: string) {
  await p.fill('input[type=search]', '');
  // Typed as a person types: one keystroke at a time, each one searched.
  await p.keyboard.type(q, { delay: 15 });
}

async function firstIds(p: Page, q: string, n: number): Promise<string[]> {
  // The list says which query it answers: wait for this one, not an answer to a shorter prefix.
  await p.waitForSelector(`[role=listbox][data-query="${q}"]`, { timeout: 5000 });
  const ids = await p.$$eval('[role=listbox] [role=option]', (els) =>
    els.map((e) => e.getAttribute('data-id') ?? ''),
  );
  return ids.slice(0, n);
}

async function axeViolations(p: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  if (!(await p.evaluate(() => 'axe' in window))) {
    // The extension page's CSP refuses injected <script> tags; evaluation through the
    // DevTools protocol is not subject to it.
    await p.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  }
  return p.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.html.slice(0, 120)),
    }));
  });
}

/** The extension API as the popup page sees it (the test's own tsconfig has no chrome types). */
type WithChrome = {
  chrome: { storage: { sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };
};

describe('the popup', () => {
  it('opens with the focus in the search box, in Vietnamese by default', async () => {
    await page.waitForSelector('input[type=search]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(await page.getAttribute('input[type=search]', 'placeholder')).toBe(
      'Tìm văn bản, nhân vật, cơ quan…',
    );
    await page.waitForFunction(() =>
      /phiên bản \d+/.test(document.querySelector('[data-testid=dataset-status]')?.textContent ?? ''),
    );
  });

  it.each(EXAMPLES)('%s → %s first', async (q, first, second) => {
    await typeQuery(page, q);
    const ids = await firstIds(page, q, 2);
    expect(ids[0]).toBe(first);
    if (second) expect(ids[1]).toBe(second);
  });

  it('shows counts per kind with their icons', async () => {
    await typeQuery(page, 'ha giang');
    await firstIds(page, 'ha giang', 1);
    const chips = await page.$$eval('.chip', (els) =>
      els.map((e) => `${e.getAttribute('data-kind')}:${e.textContent}`),
    );
    expect(chips.some((c) => c.startsWith('place:📍') && /Địa danh \d+/.test(c))).toBe(true);
    const icon = await page.textContent('[role=option] .icon');
    expect(icon).toBe('📍');
  });

  it('↑/↓ move through the results; Enter opens the detail card; Esc goes back to the box', async () => {
    await typeQuery(page, 'nd 168');
    await firstIds(page, 'nd 168', 1);
    expect(await page.getAttribute('input[type=search]', 'aria-activedescendant')).toBe('result-0');
    if ((await page.$$('[role=option]')).length > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await page.getAttribute('input[type=search]', 'aria-activedescendant')).toBe('result-1');
      await page.keyboard.press('ArrowUp');
    }
    expect(await page.getAttribute('input[type=search]', 'aria-activedescendant')).toBe('result-0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.detail .card');
    const text = (await page.textContent('.detail .card')) ?? '';
    expect(text).toContain('168/2024/NĐ-CP');
    expect(text).toContain('Văn bản');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=option]');
    expect(await page.$('.detail .card')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(await page.inputValue('input[type=search]')).toBe('nd 168');
  });

  it('works with the mouse: click a result, click back', async () => {
    await typeQuery(page, 'to lam');
    await firstIds(page, 'to lam', 1);
    await page.click('[role=option][data-id="person:to-lam"]');
    await page.waitForSelector('.detail .card');
    expect(await page.textContent('.detail .card')).toContain('Tô Lâm');
    await page.click('.back');
    await page.waitForSelector('[role=option]');
  });

  it('has no axe-core violations in the result list', async () => {
    await typeQuery(page, 'ha giang');
    await firstIds(page, 'ha giang', 1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('speaks English when the settings say so', async () => {
    const en = await context.newPage();
    await en.goto(popupUrl);
    await en.evaluate(() =>
      (globalThis as unknown as WithChrome).chrome.storage.sync.set({ settings: { lang: 'en' } }),
    );
    await en.reload();
    await en.waitForSelector('input[type=search]');
    expect(await en.getAttribute('input[type=search]', 'placeholder')).toBe(
      'Search documents, people, bodies…',
    );
    await typeQuery(en, 'bca');
    expect((await firstIds(en, 'bca', 1))[0]).toBe('org:bo-cong-an');
    expect(await en.textContent('.counts')).toMatch(/results/);
    expect(await axeViolations(en)).toEqual([]);
    await en.evaluate(() => (globalThis as unknown as WithChrome).chrome.storage.sync.remove('settings'));
    await en.close();
  });
});
