// An article inside an iframe (live blogs, AMP viewers): RefLens runs in the frame,
// marks its text and shows the card there, over the frame's own content; neither
// the outer page nor the frame's DOM changes.
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import { launchWithExtension, ROOT, type StaticServer, serveDirectory } from '../../tools/browser-harness.ts';
import { expectBodyUnchanged, openSnapshotted } from './reading-helpers.ts';

let site: StaticServer;
let context: BrowserContext;
let page: Page;
let frame: Frame;

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** The card's text wherever it is, frames included (the harness's reader looks at the top document only). */
async function cardText(p: Page): Promise<string | null> {
  const cdp = await p.context().newCDPSession(p);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | undefined => {
      if (n.attributes?.includes('data-reflens-card')) return n;
      for (const c of [
        ...(n.children ?? []),
        ...(n.shadowRoots ?? []),
        ...(n.contentDocument ? [n.contentDocument] : []),
      ]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) return null;
    const out: string[] = [];
    const text = (n: CdpNode) => {
      if (n.nodeType === 3 && n.nodeValue) out.push(n.nodeValue);
      if (n.nodeName === 'STYLE') return;
      for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) text(c);
    };
    text(shadow);
    const t = out.join(' ').replace(/\s+/g, ' ').trim();
    return t || null;
  } finally {
    await cdp.detach();
  }
}

/** Hovers `needle` inside the frame, in page coordinates. */
async function hoverInFrame(needle: string): Promise<void> {
  const box = await frame.evaluate((n) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const i = (t as Text).data.indexOf(n);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + n.length);
      const rect = r.getClientRects()[0];
      if (rect) return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
    }
    return null;
  }, needle);
  if (!box) throw new Error(`not in the frame: ${needle}`);
  const el = await frame.frameElement();
  const at = await el.boundingBox();
  if (!at) throw new Error('frame has no box');
  await page.mouse.move(at.x + 1 + box.x, at.y + 1 + box.y, { steps: 4 });
}

beforeAll(async () => {
  site = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
  context = await launchWithExtension({ headless: true });
  page = await openSnapshotted(context, `${site.url}/reading-frame.html`);
  const f = page.frames().find((x) => x.url().endsWith('/reading-targets.html'));
  if (!f) throw new Error('no frame');
  frame = f;
  await frame.waitForFunction(() => performance.getEntriesByName('reflens-scan').length > 0, undefined, {
    timeout: 10_000,
  });
});

afterAll(async () => {
  await context?.close();
  await site?.close();
});

describe('an article in an iframe', () => {
  it('is marked inside the frame, and the outer page has no marks', async () => {
    const inFrame = await frame.evaluate(() => CSS.highlights.get('reflens-u-document')?.size ?? 0);
    expect(inFrame).toBeGreaterThanOrEqual(5);
    expect(await page.evaluate(() => CSS.highlights.get('reflens-u-document')?.size ?? 0)).toBe(0);
  });

  it('shows the card inside the frame on hover', async () => {
    await frame.evaluate(() => document.getElementById('person')?.scrollIntoView({ block: 'center' }));
    await hoverInFrame('Tô Lâm');
    let text: string | null = null;
    for (let i = 0; i < 60 && !text; i++) {
      await page.waitForTimeout(50);
      text = await cardText(page);
    }
    expect(text).toContain(translate('vi', 'fieldPostOnDate', { date: '10/3/2025' }));
    expect(text).toContain('Tổng Bí thư');
    expect(await frame.evaluate(() => document.querySelector('reflens-card') !== null)).toBe(true);
    expect(await page.evaluate(() => document.querySelector('reflens-card') !== null)).toBe(false);
    await page.keyboard.press('Escape');
  });

  it('left both DOMs as they were', async () => {
    await expectBodyUnchanged(page);
    // The frame's body as served: compare with a fresh parse of the same file.
    const served = await (await fetch(`${site.url}/reading-targets.html`)).text();
    const parsed = await frame.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.body.innerHTML;
    }, served);
    expect(await frame.evaluate(() => document.body.innerHTML)).toBe(parsed);
  });
});
