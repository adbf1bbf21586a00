// The options page of the built extension in Chromium, driven like a reader
// would: each setting changed with the mouse and seen taking effect in a tab
// that is already open (no reload), the settings kept across a reload of the
// page, the data section against the real background, and axe-core in the
// light and dark themes. News sites are served by Playwright's router, so a
// "vnexpress.net" article here is the fixture page, and the real content script
// matches it exactly as it would the real site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset/schema.ts';
import { translate } from '../../lib/i18n/messages.ts';
import { DEFAULT_NEWS_SITES } from '../../lib/sites.ts';
import { hoverText, launchWithExtension, ROOT, waitForCard } from '../../tools/browser-harness.ts';

const ARTICLE = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'settings-article.html'), 'utf8');
const dataset = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'dataset.json'), 'utf8')) as Dataset;

let context: BrowserContext;
let extensionId: string;
let options: Page;

/** What the code evaluated in the options page uses of the extension API. */
declare const chrome: {
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
};

beforeAll(async () => {
  context = await launchWithExtension({ headless: true });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  await context.route(/^https:\/\/(www\.)?(vnexpress\.net|tuoitre\.vn)\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ARTICLE }),
  );
  options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('h1');
});

afterAll(async () => {
  await context?.close();
});

/** Ranges per kind and style the content script has painted in this page. */
async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const [name, h] of CSS.highlights) if (name !== 'reflens-active') out[name] = h.size;
    return out;
  });
}

const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

/** Polls until `check` holds for the page's marks (they follow storage changes asynchronously). */
async function marksUntil(page: Page, check: (m: Record<string, number>) => boolean, ms = 5000) {
  const until = Date.now() + ms;
  for (;;) {
    const m = await marks(page);
    if (check(m)) return m;
    if (Date.now() > until) throw new Error(`Marks never matched; last seen ${JSON.stringify(m)}`);
    await page.waitForTimeout(50);
  }
}

async function openArticle(url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function scanned(page: Page): Promise<boolean> {
  return page.evaluate(() => performance.getEntriesByName('reflens-scan').length > 0);
}

async function storedSettings(): Promise<Record<string, unknown>> {
  return (await options.evaluate(() => chrome.storage.sync.get('settings'))).settings as Record<
    string,
    unknown
  >;
}

/** Waits until the stored settings have `field` = `value` (a save is asynchronous). */
async function stored(field: string, value: unknown): Promise<void> {
  await options.waitForFunction(
    async ([f, v]) => {
      const s = (await chrome.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
      return JSON.stringify(s?.[f as string]) === JSON.stringify(v);
    },
    [field, value] as const,
    { timeout: 3000 },
  );
}

async function axeViolations(p: Page): Promise<{ id: string; nodes: string[] }[]> {
  if (!(await p.evaluate(() => 'axe' in window))) {
    // The extension page's CSP refuses injected <script> tags; evaluation through CDP is not subject to it.
    await p.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  }
  return p.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { html: string }[] }[] };
    const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
    const r = await axe.run();
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 160)) }));
  });
}

describe('the options page in Chromium', () => {
  it('opens in Vietnamese with every default news site switched on', async () => {
    expect(await options.textContent('h1')).toBe(translate('vi', 'optionsTitle'));
    const sites = await options.$$eval('input[name=site]', (els) =>
      (els as HTMLInputElement[]).map((e) => [e.value, e.checked]),
    );
    expect(sites).toEqual(DEFAULT_NEWS_SITES.map((s) => [s, true]));
    expect(await options.textContent('.privacy')).toContain(translate('vi', 'optPrivacy'));
    // The sync helper's status and "sync now" are there, and say no channel is set yet.
    expect(await options.textContent('.sync-status')).toContain(translate('vi', 'syncErrNoChannel'));
    expect(await options.isDisabled('.sync-button')).toBe(true);
  });

  it('a site switched off gets no marks — in an open tab at once, and in a new tab', async () => {
    const open = await openArticle('https://vnexpress.net/thoi-su/bai-thu.html');
    expect(total(await marksUntil(open, (m) => total(m) >= 3))).toBeGreaterThanOrEqual(3);

    await options.uncheck('input[name=site][value="vnexpress.net"]');
    await stored('disabledSites', ['vnexpress.net']);
    await marksUntil(open, (m) => total(m) === 0);

    // A fresh tab of the switched-off site, beside one of a site still on: once the other is marked, this one is not.
    const off = await openArticle('https://vnexpress.net/thoi-su/bai-khac.html');
    const on = await openArticle('https://tuoitre.vn/bai-thu.html');
    await marksUntil(on, (m) => total(m) >= 3);
    await off.waitForTimeout(300);
    expect(total(await marks(off))).toBe(0);
    expect(await scanned(off)).toBe(false);

    // Switched back on: both vnexpress tabs mark their citations, with no reload.
    await options.check('input[name=site][value="vnexpress.net"]');
    await stored('disabledSites', []);
    await marksUntil(off, (m) => total(m) >= 3);
    await marksUntil(open, (m) => total(m) >= 3);
    await Promise.all([open.close(), off.close(), on.close()]);
  });

  it('kinds and the mark style apply to an open tab without a reload', async () => {
    const page = await openArticle('https://vnexpress.net/bai-kieu.html');
    const before = await marksUntil(
      page,
      (m) => (m['reflens-u-document'] ?? 0) > 0 && (m['reflens-u-person'] ?? 0) > 0,
    );
    await options.uncheck('input[name=kind-document]');
    await marksUntil(page, (m) => !m['reflens-u-document'] && (m['reflens-u-person'] ?? 0) > 0);
    await options.check('input[name=kind-document]');
    await marksUntil(page, (m) => m['reflens-u-document'] === before['reflens-u-document']);

    await options.check('input[name=highlight][value=background]');
    const background = await marksUntil(page, (m) => (m['reflens-b-document'] ?? 0) > 0);
    expect(Object.keys(background).some((k) => k.startsWith('reflens-u-'))).toBe(false);
    await options.check('input[name=highlight][value=none]');
    await marksUntil(page, (m) => total(m) === 0);
    await options.check('input[name=highlight][value=underline]');
    await marksUntil(page, (m) => m['reflens-u-document'] === before['reflens-u-document']);
    await page.close();
  });

  it('the dwell delay applies to an open tab: no card before it, a card after it', async () => {
    const page = await openArticle('https://vnexpress.net/bai-dung.html');
    await marksUntil(page, (m) => total(m) >= 3);
    await options.fill('input[name=dwell]', '1500');
    await options.press('input[name=dwell]', 'Enter');
    await stored('dwellMs', 1500);
    const started = Date.now();
    await hoverText(page, 'Nghị định 168/2024/NĐ-CP');
    const text = await waitForCard(page, 4000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(text).toContain('168/2024/NĐ-CP');
    await options.fill('input[name=dwell]', '300');
    await options.press('input[name=dwell]', 'Enter');
    await stored('dwellMs', 300);
    await page.close();
  });

  it('switching the language changes the options page and the card labels in an open tab', async () => {
    const page = await openArticle('https://vnexpress.net/bai-ngon-ngu.html');
    await marksUntil(page, (m) => total(m) >= 3);
    await hoverText(page, 'Nghị định 168/2024/NĐ-CP');
    const vi = await waitForCard(page);
    // Card field labels and the card's own controls, all from the message table.
    for (const key of ['kindDocument', 'fieldEffective', 'cardCopyCitation'] as const) {
      expect(vi).toContain(translate('vi', key));
    }
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    await options.check('input[name=lang][value=en]');
    await options.waitForFunction(() => document.querySelector('h1')?.textContent === 'RefLens settings');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await options.textContent('.privacy')).toContain(translate('en', 'optPrivacy'));
    expect(await options.textContent('[data-testid=options-message]')).toBe('Saved');
    expect(await options.textContent('.sync-button')).toBe(translate('en', 'syncNow'));

    await page.waitForTimeout(400);
    await hoverText(page, 'Nghị định 168/2024/NĐ-CP');
    const en = await waitForCard(page);
    for (const key of ['kindDocument', 'fieldEffective', 'cardCopyCitation'] as const) {
      expect(en).toContain(translate('en', key));
      expect(en).not.toContain(translate('vi', key));
    }
    await page.close();
    await options.check('input[name=lang][value=vi]');
    await options.waitForFunction(
      (h1) => document.querySelector('h1')?.textContent === h1,
      translate('vi', 'optionsTitle'),
    );
  });

  it('keeps every setting across a reload of the page (storage.sync round trip)', async () => {
    await options.uncheck('input[name=site][value="tuoitre.vn"]');
    await options.uncheck('input[name=kind-place]');
    await options.check('input[name=highlight][value=background]');
    await options.fill('input[name=dwell]', '450');
    await options.press('input[name=dwell]', 'Enter');
    await options.check('input[name=theme][value=light]');
    await options.fill('input[name=channel]', 'https://data.example.vn/reflens/manifest.json');
    await options.press('input[name=channel]', 'Enter');
    const want = {
      disabledSites: ['tuoitre.vn'],
      extraSites: [],
      kinds: { document: true, person: true, organization: true, place: false },
      highlight: 'background',
      dwellMs: 450,
      theme: 'light',
      lang: 'vi',
      channelUrl: 'https://data.example.vn/reflens/manifest.json',
    };
    await stored('channelUrl', want.channelUrl);
    expect(await storedSettings()).toEqual(want);

    await options.reload();
    await options.waitForSelector('input[name=site]');
    expect(await options.isChecked('input[name=site][value="tuoitre.vn"]')).toBe(false);
    expect(await options.isChecked('input[name=site][value="vnexpress.net"]')).toBe(true);
    expect(await options.isChecked('input[name=kind-place]')).toBe(false);
    expect(await options.isChecked('input[name=highlight][value=background]')).toBe(true);
    expect(await options.inputValue('input[name=dwell]')).toBe('450');
    expect(await options.isChecked('input[name=theme][value=light]')).toBe(true);
    expect(await options.inputValue('input[name=channel]')).toBe(want.channelUrl);
    // The sync helper's "sync now" is live once a channel is set.
    await options.waitForFunction(
      () => !(document.querySelector('.sync-button') as HTMLButtonElement | null)?.disabled,
    );

    await options.evaluate(() => chrome.storage.sync.clear());
    await options.reload();
    await options.waitForSelector('input[name=site]');
    expect(await options.isChecked('input[name=site][value="tuoitre.vn"]')).toBe(true);
  });

  it('shows the dataset version and counts, exports and clears page-learned documents, re-imports', async () => {
    // Reading a page with a full citation the dataset lacks teaches RefLens that document.
    const page = await openArticle('https://vnexpress.net/bai-hoc.html');
    await marksUntil(page, (m) => total(m) >= 3);
    await page.close();
    await options.reload();
    const status = options.locator('[data-testid=data-status]');
    await options.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-testid=data-counts]')?.textContent ?? ''),
    );
    expect(await status.textContent()).toContain(
      translate('vi', 'optDataCounts', {
        documents: dataset.documents.length,
        persons: dataset.persons.length,
        organizations: dataset.organizations.length,
      }),
    );
    expect(await status.textContent()).toMatch(new RegExp(`phiên bản ${dataset.meta.version}\\b`));

    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=learned-count]')?.textContent === want,
      translate('vi', 'optLearnedCount', { n: 1 }),
      { timeout: 5000 },
    );
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.click('button[name=export-learned]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^reflens-learned-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      format: string;
      documents: { symbol: string; pages: { url: string }[] }[];
    };
    expect(exported.format).toBe('reflens-learned');
    expect(exported.documents.map((d) => d.symbol)).toEqual(['4321/QĐ-TTg']);
    // Remembered from the (routed) news pages this test read, and from nowhere else.
    const urls = exported.documents[0]?.pages.map((p) => p.url) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/(vnexpress\.net|tuoitre\.vn)\//);

    await options.click('button[name=clear-learned]');
    expect(await options.textContent('fieldset.confirm legend')).toBe(
      translate('vi', 'optLearnedClearConfirm', { n: 1 }),
    );
    await options.click('fieldset.confirm button.danger');
    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=options-message]')?.textContent === want,
      translate('vi', 'optLearnedCleared', { n: 1 }),
    );
    await options.reload();
    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=learned-count]')?.textContent === want,
      translate('vi', 'optLearnedCount', { n: 0 }),
    );

    await options.click('button[name=reimport]');
    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=options-message]')?.textContent === want,
      translate('vi', 'optReimportDone', { version: dataset.meta.version }),
      { timeout: 30_000 },
    );
    expect(await status.textContent()).toContain(translate('vi', 'optDataFromDatabase'));
    // Lookups still answer from the re-imported data.
    const again = await openArticle('https://vnexpress.net/bai-sau.html');
    await marksUntil(again, (m) => total(m) >= 3);
    await hoverText(again, 'Nghị định 168/2024/NĐ-CP');
    expect(await waitForCard(again)).toContain('168/2024/NĐ-CP');
    await again.close();
  });

  it.each(['light', 'dark'] as const)('has no axe-core violations in the %s theme', async (theme) => {
    await options.check(`input[name=theme][value=${theme}]`);
    await options.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
    const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(theme === 'dark' ? 'rgb(31, 35, 40)' : 'rgb(255, 255, 255)');
    // A message and the confirmation are part of the page too.
    await options.fill('#add-site-input', 'không phải trang');
    await options.press('#add-site-input', 'Enter');
    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=options-message]')?.textContent === want,
      translate('vi', 'optSiteInvalid'),
    );
    expect(await axeViolations(options)).toEqual([]);
  });
});
