// Helpers for the reading-experience browser tests: open a fixture with a
// snapshot of its body for the "page DOM unchanged" check, hover a target and
// read its card, and reach controls inside the card's closed shadow root
// through the DevTools protocol (page scripts cannot, by design).

import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  gotoAwaitingScan,
  hoverText,
  launchWithExtension,
  ROOT,
  readCardText,
  type StaticServer,
  serveDirectory,
  waitForCard,
} from '../../tools/browser-harness.ts';

export interface FixtureBrowser {
  /** tests/fixtures/pages (and any extra routes) on 127.0.0.1. */
  site: StaticServer;
  /** Headless Chromium with the built extension. */
  context: BrowserContext;
}

/**
 * For one test file: serves the fixture pages and launches Chromium with the extension before
 * its tests, and closes both after. Call it at the top level; the file's own `beforeAll`
 * hooks, registered after, can use what it holds.
 */
export function fixtureBrowser(routes: Record<string, string> = {}): FixtureBrowser {
  const env = {} as FixtureBrowser;
  beforeAll(async () => {
    env.site = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'), routes);
    env.context = await launchWithExtension({ headless: true });
  });
  afterAll(async () => {
    await env.context?.close();
    await env.site?.close();
  });
  return env;
}

/** Opens `url` after arranging a snapshot of the body as parsed, before RefLens (document_idle) runs. */
export async function openSnapshotted(
  context: BrowserContext,
  url: string,
  opts: { init?: () => void; awaitScanMs?: number } = {},
): Promise<Page> {
  const page = await context.newPage();
  if (opts.init) await page.addInitScript(opts.init);
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __before: string }).__before = document.body.innerHTML;
    });
  });
  // Waiting for the scan's own announcement keeps the harness off the page's thread meanwhile.
  if (opts.awaitScanMs !== undefined) await gotoAwaitingScan(page, url, opts.awaitScanMs);
  else await page.goto(url);
  return page;
}

/** The body's markup now is byte for byte what the page itself made (marks and card add nothing). */
export async function expectBodyUnchanged(page: Page, expected?: string): Promise<void> {
  const { before, after } = await page.evaluate(() => ({
    before: (window as unknown as { __before: string }).__before,
    after: document.body.innerHTML,
  }));
  expect(before.length).toBeGreaterThan(50);
  expect(after).toBe(expected ?? before);
}

/** Closes any card, then hovers `text` and returns the card's text. */
export async function cardFor(page: Page, text: string, timeoutMs = 4000): Promise<string> {
  await closeCard(page);
  await hoverText(page, text);
  return waitForCard(page, timeoutMs);
}

export async function closeCard(page: Page): Promise<void> {
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  for (let i = 0; i < 40 && (await readCardText(page)) !== null; i++) await page.waitForTimeout(50);
}

interface CdpNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function textOf(n: CdpNode): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  return [...(n.children ?? [])].map(textOf).join('');
}

function attr(n: CdpNode, name: string): string | null {
  const a = n.attributes ?? [];
  for (let i = 0; i < a.length; i += 2) if (a[i] === name) return a[i + 1] ?? '';
  return null;
}

function* walk(n: CdpNode): Generator<CdpNode> {
  yield n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) yield* walk(c);
}

export interface CardElement {
  tag: string;
  text: string;
  attrs: Record<string, string>;
  /** Centre of its box in the viewport. */
  x: number;
  y: number;
}

/**
 * Elements inside the card's shadow root that match `pick` (tag in upper case,
 * its text, its attributes), with where they are on screen.
 */
export async function cardElements(
  page: Page,
  pick: (tag: string, text: string, attrs: Record<string, string>) => boolean,
): Promise<CardElement[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    let shadow: CdpNode | undefined;
    for (const n of walk(root)) {
      if (attr(n, 'data-reflens-card') !== null) {
        shadow = n.shadowRoots?.[0];
        break;
      }
    }
    if (!shadow) return [];
    const out: CardElement[] = [];
    for (const n of walk(shadow)) {
      if (n.nodeType !== 1) continue;
      const attrs: Record<string, string> = {};
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) attrs[a[i] as string] = a[i + 1] ?? '';
      const text = textOf(n).replace(/\s+/g, ' ').trim();
      if (!pick(n.nodeName, text, attrs)) continue;
      const box = (await cdp.send('DOM.getBoxModel', { nodeId: n.nodeId }).catch(() => null)) as {
        model: { content: number[] };
      } | null;
      if (!box) continue;
      const q = box.model.content;
      out.push({
        tag: n.nodeName,
        text,
        attrs,
        x: ((q[0] ?? 0) + (q[2] ?? 0)) / 2,
        y: ((q[1] ?? 0) + (q[5] ?? 0)) / 2,
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Clicks the first button in the card whose text contains `label`, as a person would (real pointer). */
export async function clickCardButton(page: Page, label: string): Promise<void> {
  const [button] = await cardElements(page, (tag, text) => tag === 'BUTTON' && text.includes(label));
  if (!button) throw new Error(`No button "${label}" in the card.`);
  await page.mouse.move(button.x, button.y, { steps: 3 });
  await page.mouse.click(button.x, button.y);
}

/** Waits until the card's text satisfies `ok` (after a click inside it, a lookup answers). */
export async function waitForCardText(
  page: Page,
  ok: (text: string) => boolean,
  timeoutMs = 4000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < until) {
    last = await readCardText(page);
    if (last !== null && ok(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`The card never reached the expected text; last: ${last}`);
}
