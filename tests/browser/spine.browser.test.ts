import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  boxOfText,
  hoverText,
  readCardText,
  waitForCard,
  waitForMarks,
} from '../../tools/browser-harness.ts';
import { fixtureBrowser } from './reading-helpers.ts';

const env = fixtureBrowser();
let page: Page;

beforeAll(async () => {});

describe('the spine in Chromium', () => {
  it('marks citations without changing the body DOM', async () => {
    page = await env.context.newPage();
    // Snapshot the body as parsed, before the content script (document_idle) can run.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __before: string }).__before = document.body.innerHTML;
      });
    });
    await page.goto(`${env.site.url}/plain.html`);
    const counts = await waitForMarks(page);
    expect(counts.document).toBeGreaterThanOrEqual(3);
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: string }).__before,
      after: document.body.innerHTML,
    }));
    expect(before.length).toBeGreaterThan(100);
    expect(after).toBe(before);
  });

  it('shows the card for Nghị quyết số 12-NQ/TW within a second of the hover', async () => {
    const started = Date.now();
    await hoverText(page, 'Nghị quyết số 12-NQ/TW');
    const text = await waitForCard(page, 3000);
    expect(Date.now() - started).toBeLessThan(1000 + 500); // dwell 300 ms + lookup; slack for CI
    expect(text).toContain('12-NQ/TW');
    expect(text).toContain('Bộ Chính trị');
    expect(text).toContain('16/3/2022');
    expect(text).toMatch(/Công an nhân dân/);
    // The open card must not have touched the body either.
    const { before, after } = await page.evaluate(() => ({
      before: (window as unknown as { __before: string }).__before,
      after: document.body.innerHTML,
    }));
    expect(after).toBe(before);
  });

  it('keeps the card open while the pointer moves into it, and Esc closes it', async () => {
    // The card sits below the mark: travel straight down into it within the grace period.
    const mark = await boxOfText(page, 'Nghị quyết số 12-NQ/TW');
    await page.mouse.move(mark.x + mark.width / 2, mark.y + mark.height + 40, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await readCardText(page)).toContain('12-NQ/TW');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    expect(await readCardText(page)).toBeNull();
  });

  it('resolves the short form to the same document', async () => {
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    await hoverText(page, 'Nghị quyết 12');
    const text = await waitForCard(page, 3000);
    expect(text).toContain('12-NQ/TW');
    expect(text).toContain('16/3/2022');
  });

  it('does not mark article numbers, clauses or road names', async () => {
    const marked = await page.evaluate(() => {
      const out: string[] = [];
      for (const kind of ['document', 'person', 'organization', 'place']) {
        const h = CSS.highlights.get(`reflens-u-${kind}`);
        if (!h) continue;
        for (const r of h) out.push((r as Range).toString());
      }
      return out;
    });
    expect(marked).toContain('Nghị quyết số 12-NQ/TW');
    expect(marked).toContain('Nghị định 168/2024/NĐ-CP');
    for (const bad of ['Điều 5', 'khoản 2', 'Quốc lộ 1A']) expect(marked.join('|')).not.toContain(bad);
  });
});
