// A page that changes after load: a live blog adds entries and rewrites one, then
// navigates like a single-page app to an article of another date. RefLens must mark
// what arrives, read only what is new, drop marks of text that changed, answer for
// the new article's date, skip editable and code text, and change nothing itself.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import { waitForMarks } from '../../tools/browser-harness.ts';
import {
  cardFor,
  closeCard,
  expectBodyUnchanged,
  fixtureBrowser,
  openSnapshotted,
} from './reading-helpers.ts';

const env = fixtureBrowser();
let page: Page;

/** Every text RefLens has read so far (lengths), and the ranges it has marked, by text. */
async function state(p: Page) {
  return p.evaluate(() => {
    const reads = performance
      .getEntriesByName('reflens-detect')
      .map((e) => ((e as PerformanceMark).detail as { chars: number }).chars);
    const marked: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('reflens-u-')) continue;
      for (const r of h as unknown as Set<Range>) marked.push(r.toString());
    }
    return { reads, marked: marked.sort() };
  });
}

/** Waits until RefLens has read `n` texts and the marks settle. */
async function readsReach(p: Page, n: number): Promise<void> {
  await p.waitForFunction((want) => performance.getEntriesByName('reflens-detect').length >= want, n, {
    timeout: 5000,
  });
  await p.waitForTimeout(300);
}

beforeAll(async () => {
  page = await openSnapshotted(env.context, `${env.site.url}/reading-dynamic.html`);
  await waitForMarks(page);
});

/** The page's own record of its body after its last change, against the body now. */
async function expectOnlyThePagesChanges(p: Page): Promise<void> {
  const expected = await p.evaluate(() => (window as unknown as { __expected: string }).__expected);
  await expectBodyUnchanged(p, expected);
}

describe('a page that changes after load', () => {
  it('marks the article but nothing in inputs, textareas, contenteditable or code', async () => {
    const { reads, marked } = await state(page);
    expect(reads).toHaveLength(1);
    expect(marked).toEqual(['Bộ Chính trị', 'Nghị quyết số 57-NQ/TW', 'Tô Lâm']);
    await expectOnlyThePagesChanges(page);
  });

  it('marks entries added later, reading only the new text', async () => {
    const before = (await state(page)).reads.length;
    await page.evaluate(() => (window as unknown as { addEntry(): void }).addEntry());
    await readsReach(page, before + 1);
    const { reads, marked } = await state(page);
    expect(reads).toHaveLength(before + 1);
    const entry = 'Cập nhật: Bộ Công an triển khai Nghị định 168/2024/NĐ-CP từ đầu năm.';
    expect(reads.at(-1)).toBe(entry.length);
    expect(marked).toContain('Nghị định 168/2024/NĐ-CP');
    expect(marked).toContain('Bộ Công an');
    await page.evaluate(() => (window as unknown as { addEntry(): void }).addEntry());
    await readsReach(page, before + 2);
    expect((await state(page)).marked).toContain('tỉnh Hà Giang');
    expect((await state(page)).reads).toHaveLength(before + 2);
    await expectOnlyThePagesChanges(page);
  });

  it('answers for the article date of the page as loaded', async () => {
    const text = await cardFor(page, 'Tô Lâm');
    expect(text).toContain(translate('vi', 'fieldPostOnDate', { date: '20/3/2023' }));
    expect(text).toContain('Bộ trưởng Bộ Công an');
  });

  it('drops the marks of text the page rewrote, and marks the new text', async () => {
    await closeCard(page);
    const before = (await state(page)).reads.length;
    await page.evaluate(() => (window as unknown as { rewriteFirst(): void }).rewriteFirst());
    await readsReach(page, before + 1);
    const { marked } = await state(page);
    expect(marked).not.toContain('Nghị quyết số 57-NQ/TW');
    expect(marked).not.toContain('Tô Lâm');
    expect(marked).toContain('Quy định số 80-QĐ/TW');
    await expectOnlyThePagesChanges(page);
  });

  it('follows a single-page navigation: new article, new date, old marks gone', async () => {
    const before = (await state(page)).reads.length;
    await page.evaluate(() => (window as unknown as { navigate(): void }).navigate());
    await readsReach(page, before + 1);
    const { marked } = await state(page);
    expect(marked).toEqual(['Bộ Chính trị', 'Tô Lâm']);
    const text = await cardFor(page, 'Tô Lâm');
    expect(text).toContain(translate('vi', 'fieldPostOnDate', { date: '10/3/2025' }));
    expect(text).toContain('Tổng Bí thư');
    await closeCard(page);
    await expectOnlyThePagesChanges(page);
  });
});
