// An article inside an iframe (live blogs, AMP viewers): RefLens runs in the frame,
// marks its text and shows the card there, over the frame's own content; neither
// the outer page nor the frame's DOM changes.
import type { Frame, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import { boxOfText } from '../../tools/browser-harness.ts';
import { expectBodyUnchanged, fixtureBrowser, openSnapshotted } from './reading-helpers.ts';

const env = fixtureBrowser();
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
  const box = await boxOfText(frame, needle);
  const el = await frame.frameElement();
  const at = await el.boundingBox();
  if (!at) throw new Error('frame has no box');
  await page.mouse.move(at.x + 1 + box.x + Math.min(box.width / 2, 30), at.y + 1 + box.y + box.height / 2, {
    steps: 4,
  });
}

beforeAll(async () => {
  page = await openSnapshotted(env.context, `${env.site.url}/reading-frame.html`);
  const f = page.frames().find((x) => x.url().endsWith('/reading-targets.html'));
  if (!f) throw new Error('no frame');
  frame = f;
  await frame.waitForFunction(() => performance.getEntriesByName('reflens-scan').length > 0, undefined, {
    timeout: 10_000,
  });
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
    const served = await (await fetch(`${env.site.url}/reading-targets.html`)).text();
    const parsed = await frame.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.body.innerHTML;
    }, served);
    expect(await frame.evaluate(() => document.body.innerHTML)).toBe(parsed);
  });
});
