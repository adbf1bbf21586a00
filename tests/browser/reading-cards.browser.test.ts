// The reading experience in Chromium, eyecite-style: a fixture page of hover
// targets, each with the card text it must produce (from the real bundled
// dataset), then what a reader does with a card: follow a relation and come
// back, switch among documents of one number, copy the citation, keep the card
// open by hovering it, close it with Esc, open it from the keyboard and by a tap.
// Every page ends with its body markup exactly as the page made it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import {
  boxOfText,
  hoverText,
  readCardText,
  waitForCard,
  waitForMarks,
} from '../../tools/browser-harness.ts';
import {
  cardElements,
  cardFor,
  clickCardButton,
  closeCard,
  expectBodyUnchanged,
  fixtureBrowser,
  openSnapshotted,
  waitForCardText,
} from './reading-helpers.ts';

const vi = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) =>
  translate('vi', key, vars);

/** Hover target → texts its card must contain (and must not). */
const TARGETS: [target: string, expected: string[], unexpected?: string[]][] = [
  [
    'Nghị quyết số 57-NQ/TW',
    [
      vi('kindDocument'),
      'Nghị quyết số 57-NQ/TW',
      'Bộ Chính trị',
      '22/12/2024',
      'về đột phá phát triển khoa học',
      vi('cardCopyCitation'),
    ],
  ],
  [
    'Quy định số 80-QĐ/TW',
    [
      vi('statusExpired'),
      'Võ Văn Thưởng',
      `${vi('relReplaces')} Quy định số 105-QĐ/TW`,
      `${vi('relReplacedBy')} Quy định số 377-QĐ/TW`,
    ],
  ],
  ['Nghị định 168/2024/NĐ-CP', ['Nghị định số 168/2024/NĐ-CP', vi('fieldEffective'), '1/1/2025', 'trừ điểm']],
  // No full citation of a "Nghị quyết 12" on the page: two dataset entries fit, the likelier first.
  ['Nghị quyết 12', [vi('sameNumber', { n: 2 }), 'Nghị quyết số 12-NQ/TW', '12-NQ/TW (2022)', '12-NQ/ĐUCA']],
  [
    'Nghị định 321/2024/NĐ-CP',
    [vi('fromPage'), 'Nghị định số 321/2024/NĐ-CP', 'Chính phủ', '30/12/2024'],
    [vi('notFound')],
  ],
  [
    'Tô Lâm',
    [
      vi('kindPerson'),
      vi('fieldPostOnDate', { date: '10/3/2025' }),
      vi('fieldDateArticle'),
      'Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam',
      `${vi('fieldTitlesInArticle')} Tổng Bí thư`,
      vi('fieldTimeline', { n: 6 }),
      'Bộ trưởng Bộ Công an',
    ],
    [vi('fieldDateToday')],
  ],
  [
    'Bộ Công an',
    [
      vi('kindOrganization'),
      `${vi('fieldAbbreviations')} BCA`,
      `${vi('fieldParent')} Chính phủ`,
      // Head on the article's date (10/3/2025), from the officials' posts.
      `${vi('fieldHead')} Lương Tam Quang`,
      'Bộ trưởng Bộ Công an',
    ],
  ],
  [
    'tỉnh Hà Giang',
    [vi('kindPlace'), 'Tỉnh Hà Giang', vi('placeMergedInto', { date: '1/7/2025' }), 'Tỉnh Tuyên Quang'],
  ],
];

/** Text that looks like a reference and is not one: hovering it shows nothing. */
const NON_TARGETS = ['Điều 5', 'Quốc lộ 1A'];

const env = fixtureBrowser();
let page: Page;
let extensionPage: Page;

/** A message to the background in the protocol's wire format (@webext-core/messaging), from an extension page. */
async function message<T>(type: string, data?: unknown): Promise<T> {
  const reply = (await extensionPage.evaluate(
    ([type, data]) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({
        id: 1,
        type,
        data,
        timestamp: Date.now(),
      }),
    [type, data] as const,
  )) as { res?: T; err?: unknown };
  if (reply.err) throw new Error(JSON.stringify(reply.err));
  return reply.res as T;
}

async function setSettings(settings: Record<string, unknown> | null): Promise<void> {
  await extensionPage.evaluate((s) => {
    const storage = (
      globalThis as unknown as {
        chrome: { storage: { sync: { set(v: object): Promise<void>; remove(k: string): Promise<void> } } };
      }
    ).chrome.storage.sync;
    return s ? storage.set({ settings: s }) : storage.remove('settings');
  }, settings);
}

beforeAll(async () => {
  const worker = env.context.serviceWorkers()[0] ?? (await env.context.waitForEvent('serviceworker'));
  extensionPage = await env.context.newPage();
  await extensionPage.goto(`chrome-extension://${new URL(worker.url()).host}/popup.html`);
  // Answers come from the bundle until the first import into IndexedDB ends; bodies' heads
  // and remembered citations live in the database, so wait for it as a reader's browser would have.
  for (let i = 0; i < 300; i++) {
    if ((await message<{ source: string }>('status')).source === 'database') break;
    await extensionPage.waitForTimeout(100);
  }
  page = await openSnapshotted(env.context, `${env.site.url}/reading-targets.html`);
  await waitForMarks(page);
});

describe('hover targets and their cards', () => {
  it.each(TARGETS)('%s', async (target, expected, unexpected = []) => {
    const text = await cardFor(page, target);
    for (const want of expected) expect(text).toContain(want);
    for (const not of unexpected) expect(text).not.toContain(not);
  });

  it.each(NON_TARGETS)('%s is not marked and shows no card', async (target) => {
    await closeCard(page);
    await hoverText(page, target);
    await page.waitForTimeout(700);
    expect(await readCardText(page)).toBeNull();
  });

  it('left the page DOM as it was', async () => {
    await expectBodyUnchanged(page);
  });
});

describe('what a reader does with a card', () => {
  it('follows a relation to a further card and comes back', async () => {
    await cardFor(page, 'Quy định số 80-QĐ/TW');
    await clickCardButton(page, 'Quy định số 377-QĐ/TW');
    const next = await waitForCardText(page, (t) => t.includes(vi('cardBack')));
    expect(next).toContain('Quy định số 377-QĐ/TW');
    expect(next).toContain('8/10/2025');
    await clickCardButton(page, vi('cardBack'));
    const back = await waitForCardText(page, (t) => !t.includes(vi('cardBack')));
    expect(back).toContain('Quy định số 80-QĐ/TW');
  });

  it('switches among documents sharing a number', async () => {
    await cardFor(page, 'Nghị quyết 12');
    const pressed = async () =>
      (await cardElements(page, (tag, _t, a) => tag === 'BUTTON' && a['aria-pressed'] === 'true')).map(
        (b) => b.text,
      );
    expect(await pressed()).toEqual(['12-NQ/TW (2022)']);
    await clickCardButton(page, '12-NQ/ĐUCA');
    const other = await waitForCardText(page, (t) => t.includes('Nghị quyết số 12-NQ/ĐUCA'));
    expect(other).toContain('Đảng ủy Công an Trung ương');
    // The switcher stays, in the same order, with the choice marked.
    expect(other).toContain(vi('sameNumber', { n: 2 }));
    expect(await pressed()).toEqual(['12-NQ/ĐUCA']);
    await clickCardButton(page, '12-NQ/TW (2022)');
    expect(await waitForCardText(page, (t) => t.includes('16/3/2022'))).toContain('Nghị quyết số 12-NQ/TW');
  });

  it('copies the citation', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.url });
    await cardFor(page, 'Nghị quyết số 57-NQ/TW');
    await clickCardButton(page, vi('cardCopyCitation'));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    );
  });

  it('is a labelled dialog, and the live region says what opened', async () => {
    await cardFor(page, 'Bộ Công an');
    const [dialog] = await cardElements(page, (_tag, _t, a) => a.role === 'dialog');
    const labelId = dialog?.attrs['aria-labelledby'];
    expect(labelId).toBeTruthy();
    const [title] = await cardElements(page, (_tag, _t, a) => a.id === labelId);
    expect(title?.text).toBe('Bộ Công an');
    await page.waitForTimeout(100);
    const [live] = await cardElements(page, (_tag, _t, a) => a['aria-live'] === 'polite');
    expect(live?.text).toBe('Bộ Công an');
  });

  it('stays open while hovered (WCAG 1.4.13), and Esc closes it without moving the pointer', async () => {
    await cardFor(page, 'Nghị định 168/2024/NĐ-CP');
    const [title] = await cardElements(page, (tag) => tag === 'H2');
    if (!title) throw new Error('no card title');
    await page.mouse.move(title.x, title.y, { steps: 6 });
    await page.waitForTimeout(1500);
    expect(await readCardText(page)).toContain('168/2024/NĐ-CP');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    expect(await readCardText(page)).toBeNull();
  });

  it('closes after the grace period when the pointer leaves mark and card', async () => {
    await cardFor(page, 'Bộ Công an');
    await page.mouse.move(900, 760, { steps: 2 });
    await page.waitForTimeout(700);
    expect(await readCardText(page)).toBeNull();
  });

  it('opens from the keyboard, takes the focus, and gives it back on Esc', async () => {
    await closeCard(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Alt+Shift+KeyN');
    const first = await waitForCard(page);
    expect(first).toContain('Nghị quyết số 57-NQ/TW');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('REFLENS-CARD');
    await page.keyboard.press('Alt+Shift+KeyN');
    expect(await waitForCardText(page, (t) => !t.includes('57-NQ/TW'))).toContain('Bộ Chính trị');
    await page.keyboard.press('Alt+Shift+KeyP');
    expect(await waitForCardText(page, (t) => t.includes('57-NQ/TW'))).toContain('22/12/2024');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    expect(await readCardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('REFLENS-CARD');
  });

  it('Tab goes from the card to its first control (the close button), and Enter presses it', async () => {
    await closeCard(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Alt+Shift+KeyN');
    await waitForCard(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(150);
    expect(await readCardText(page)).toBeNull();
  });

  it('opens on a tap and closes on a tap elsewhere', async () => {
    await closeCard(page);
    const cdp = await env.context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const b = await boxOfText(page, 'Bộ Công an');
    await tap(b.x + b.width / 2, b.y + b.height / 2);
    expect(await waitForCard(page)).toContain(`${vi('fieldAbbreviations')} BCA`);
    // A tap on the card itself keeps it; a tap on the page closes it.
    const [title] = await cardElements(page, (tag) => tag === 'H2');
    if (!title) throw new Error('no card title');
    await tap(title.x, title.y);
    await page.waitForTimeout(300);
    expect(await readCardText(page)).toContain('Bộ Công an');
    await tap(5, 5);
    await page.waitForTimeout(200);
    expect(await readCardText(page)).toBeNull();
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
  });

  it('waits the dwell time the settings give', async () => {
    await setSettings({ dwellMs: 1000 });
    await page.waitForTimeout(200);
    await closeCard(page);
    await hoverText(page, 'Bộ Công an');
    await page.waitForTimeout(600);
    expect(await readCardText(page)).toBeNull();
    expect(await waitForCard(page, 2000)).toContain('Bộ Công an');
    await setSettings(null);
    await page.waitForTimeout(200);
  });

  it('left the page DOM as it was', async () => {
    await closeCard(page);
    await expectBodyUnchanged(page);
  });
});

describe('the article date and what pages taught', () => {
  it('a province formed on 1 July 2025 shows what it was formed from', async () => {
    const later = await openSnapshotted(env.context, `${env.site.url}/reading-later.html`);
    await waitForMarks(later);
    const text = await cardFor(later, 'tỉnh Tuyên Quang');
    expect(text).toContain(vi('placeFormedOn', { date: '1/7/2025' }));
    expect(text).toContain('Tỉnh Hà Giang');
    await expectBodyUnchanged(later);
    await later.close();
  });

  it('a page with no date answers for today and says so', async () => {
    const undated = await openSnapshotted(env.context, `${env.site.url}/reading-undated.html`);
    await waitForMarks(undated);
    const text = await cardFor(undated, 'Tô Lâm');
    expect(text).toContain(vi('fieldDateToday'));
    const now = new Date();
    expect(text).toContain(
      vi('fieldPostOnDate', { date: `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}` }),
    );
    await expectBodyUnchanged(undated);
    await undated.close();
  });

  it('a short form on another site shows what the first page said, until the reader clears it', async () => {
    // reading-targets.html (on 127.0.0.1) gave the full citation; this page, on localhost, only the number.
    // The background remembers full citations right after it has read the page.
    await expect
      .poll(async () => (await message<{ count: number }>('learnedCount')).count, { timeout: 5000 })
      .toBeGreaterThanOrEqual(1);
    const other = await openSnapshotted(
      env.context,
      `${env.site.url.replace('127.0.0.1', 'localhost')}/reading-undated.html`,
    );
    await waitForMarks(other);
    const text = await cardFor(other, 'Nghị định 321/2024/NĐ-CP');
    expect(text).toContain(vi('fromPage'));
    expect(text).toContain('Chính phủ');
    expect(text).toContain('30/12/2024');
    expect(text).toContain(vi('learnedFrom', { site: '127.0.0.1', date: '' }).trim());
    // Documents of the dataset are never remembered.
    const { count } = await message<{ count: number }>('learnedCount');
    expect(count).toBe(1);
    expect(await message<{ cleared: number }>('clearLearned')).toEqual({ cleared: 1 });
    expect((await message<{ count: number }>('learnedCount')).count).toBe(0);
    const after = await cardFor(other, 'Nghị định 321/2024/NĐ-CP');
    // The issuer still shows (the symbol's NĐ-CP says it); the date came only from the first page.
    expect(after).not.toContain('30/12/2024');
    expect(after).not.toContain(vi('learnedFrom', { site: '127.0.0.1', date: '' }).trim());
    await expectBodyUnchanged(other);
    await other.close();
  });
});
