// A page that fights back: `* { all: unset }`, a veil and a fixed header at the
// highest z-index, its own popover in the top layer, rules that hide unknown
// elements and anything with [popover], and handlers that swallow pointer and
// key events. The card must still open, be on top, take clicks, close with Esc,
// and leave the page's DOM as the page made it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import { readCardText, waitForCard, waitForMarks } from '../../tools/browser-harness.ts';
import {
  cardElements,
  cardFor,
  clickCardButton,
  expectBodyUnchanged,
  fixtureBrowser,
  openSnapshotted,
} from './reading-helpers.ts';

const env = fixtureBrowser();
let page: Page;

beforeAll(async () => {
  page = await openSnapshotted(env.context, `${env.site.url}/reading-hostile.html`);
  await waitForMarks(page);
});

describe('a page with hostile CSS and event traps', () => {
  it('opens the card through the veil and the swallowed events', async () => {
    const text = await cardFor(page, 'Nghị quyết số 57-NQ/TW');
    expect(text).toContain('22/12/2024');
    expect(text).toContain('Bộ Chính trị');
  });

  it('is on top of everything and styled by itself, not by the page', async () => {
    const [title] = await cardElements(page, (tag) => tag === 'H2');
    if (!title) throw new Error('no card title');
    // What the page would hit at the card's title is the card's host: the card is the top layer's last word.
    expect(
      await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [title.x, title.y] as const),
    ).toBe('REFLENS-CARD');
    const style = await cardStyle(page);
    expect(style.fontSize).toBe('16px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.transform).toBe('none');
    expect(style.hostDisplay).toBe('block');
    expect(style.hostVisibility).toBe('visible');
  });

  it('takes clicks: a relation-free card closes with its × button', async () => {
    const [close] = await cardElements(
      page,
      (tag, _t, a) => tag === 'BUTTON' && a['aria-label'] === translate('vi', 'close'),
    );
    if (!close) throw new Error('no close button');
    await page.mouse.click(close.x, close.y);
    await page.waitForTimeout(150);
    expect(await readCardText(page)).toBeNull();
  });

  it('pins on a click inside, and Esc still closes it', async () => {
    await cardFor(page, 'Nghị quyết số 57-NQ/TW');
    await clickCardButton(page, translate('vi', 'cardCopyCitation'));
    await page.mouse.move(600, 700, { steps: 3 });
    await page.waitForTimeout(600);
    expect(await readCardText(page)).toContain('57-NQ/TW');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    expect(await readCardText(page)).toBeNull();
  });

  it('opens from the keyboard despite the key handlers', async () => {
    await page.keyboard.press('Alt+Shift+KeyN');
    expect(await waitForCard(page)).toContain('57-NQ/TW');
    await page.keyboard.press('Escape');
  });

  it('left the page DOM as the page made it', async () => {
    const expected = await page.evaluate(() => (window as unknown as { __expected: string }).__expected);
    await expectBodyUnchanged(page, expected);
  });
});

/** Computed styles of the card title and of its host, read through the DevTools protocol. */
async function cardStyle(p: Page) {
  const cdp = await p.context().newCDPSession(p);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: { nodeId: number };
    };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'reflens-card',
    })) as {
      nodeIds: number[];
    };
    const host = nodeIds[0] as number;
    const computed = async (nodeId: number) => {
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as {
        computedStyle: { name: string; value: string }[];
      };
      return (name: string) => computedStyle.find((s) => s.name === name)?.value;
    };
    const { node } = (await cdp.send('DOM.describeNode', { nodeId: host, depth: -1, pierce: true })) as {
      node: { shadowRoots?: { backendNodeId: number }[] };
    };
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('no shadow root');
    const { nodeIds: shadowIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
      backendNodeIds: [shadow.backendNodeId],
    })) as { nodeIds: number[] };
    const { nodeId: titleId } = (await cdp.send('DOM.querySelector', {
      nodeId: shadowIds[0] as number,
      selector: 'h2',
    })) as { nodeId: number };
    const title = await computed(titleId);
    const hostStyle = await computed(host);
    return {
      fontSize: title('font-size'),
      color: title('color'),
      transform: title('transform'),
      hostDisplay: hostStyle('display'),
      hostVisibility: hostStyle('visibility'),
    };
  } finally {
    await cdp.detach();
  }
}
