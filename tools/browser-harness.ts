// Shared by the demo and the browser tests: find a Chromium, serve pages on
// 127.0.0.1, launch Chromium with the built extension, read the closed-shadow card.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
/** Where `npm run build` put the Chrome build (REFLENS_OUT_DIR moves it, as in wxt.config.ts). */
export const OUT_DIR = resolve(ROOT, process.env.REFLENS_OUT_DIR || '.output');
export const CHROME_BUILD = join(OUT_DIR, 'chrome-mv3');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "No Chromium found. Install Debian's build with `sudo apt-get update && sudo apt-get install -y chromium` " +
        '(it lands in /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return found;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port; extra routes can be added by tests. */
export async function serveDirectory(
  dir: string,
  routes: Record<string, string> = {},
): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const inline = routes[path];
    if (inline !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(inline);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export interface LaunchOptions {
  headless: boolean;
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  /** A profile directory to keep between launches (default: a fresh temporary one). */
  userDataDir?: string;
}

export async function launchWithExtension(o: LaunchOptions): Promise<BrowserContext> {
  const dir = o.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  const args = [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (o.headless) args.unshift('--headless=new');
  const context = await chromium.launchPersistentContext(o.userDataDir ?? '', {
    executablePath: findChromium(),
    headless: o.headless,
    args,
    viewport: { width: 1100, height: 800 },
    colorScheme: o.colorScheme ?? 'light',
  });
  // The service worker must be up before the content script asks it anything.
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 20_000 });
  return context;
}

interface CdpNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findHost(node: CdpNode): CdpNode | undefined {
  if (node.attributes?.includes('data-reflens-card')) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = findHost(child);
    if (hit) return hit;
  }
  return undefined;
}

function textOf(node: CdpNode, out: string[]): void {
  if (node.nodeType === 3 && node.nodeValue && node.nodeName !== '#comment') out.push(node.nodeValue);
  if (node.nodeName === 'STYLE') return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) textOf(child, out);
}

/**
 * The card's text, read through the DevTools protocol: a closed shadow root is
 * invisible to page scripts (that is the point), but `pierce` sees through it.
 * Returns null when no card is open.
 */
export async function readCardText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    const parts: string[] = [];
    textOf(shadow, parts);
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    return text.length > 0 ? text : null;
  } finally {
    await cdp.detach();
  }
}

/** Waits until a card with text is open (or `timeoutMs` passes), polling via CDP. */
export async function waitForCard(page: Page, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const text = await readCardText(page);
    if (text) return text;
    if (Date.now() > until) throw new Error('No RefLens card appeared.');
    await page.waitForTimeout(50);
  }
}

/** The viewport box of the first occurrence of `text` in the page or frame (for hovering it). */
export async function boxOfText(
  page: Page | Frame,
  text: string,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(needle);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + needle.length);
      r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = r.getClientRects()[0];
      if (rect) return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    }
    return null;
  }, text);
  if (!box) throw new Error(`Text not found on the page: ${text}`);
  return box;
}

/** Moves the pointer onto the middle of the first occurrence of `text`. */
export async function hoverText(page: Page, text: string): Promise<void> {
  const b = await boxOfText(page, text);
  await page.mouse.move(b.x + Math.min(b.width / 2, 40), b.y + b.height / 2, { steps: 4 });
}

/**
 * Navigates and resolves when RefLens's scan is done, as the page says on its console.
 * Measurements of the page's main thread wait this way, not with `waitForMarks`, whose
 * polling (waitForFunction) injects the harness's script and runs it every frame on the
 * very thread being measured. The listener is set before the navigation: a short page's
 * scan can end before `goto` returns.
 */
export async function gotoAwaitingScan(page: Page, url: string, timeoutMs = 60_000): Promise<void> {
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      if (list.getEntriesByName('reflens-scan').length > 0) console.info('reflens-scan-done');
    }).observe({ type: 'measure' });
  });
  const done = page.waitForEvent('console', {
    predicate: (m) => m.text() === 'reflens-scan-done',
    timeout: timeoutMs,
  });
  await page.goto(url);
  await done;
}

/**
 * Waits until the content script has drawn its marks and returns how many
 * ranges each kind has. Highlights are per document, so the page's own world sees them.
 */
export async function waitForMarks(page: Page, timeoutMs = 10_000): Promise<Record<string, number>> {
  await page.waitForFunction(() => performance.getEntriesByName('reflens-scan').length > 0, undefined, {
    timeout: timeoutMs,
  });
  // Marks near the viewport are drawn when the IntersectionObserver first reports, a frame or
  // two after the scan ends (lib/page/highlights.ts): read the highlights after that, not before.
  await page.evaluate(
    () =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50))),
      ),
  );
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const kind of ['document', 'person', 'organization', 'place']) {
      out[kind] = CSS.highlights.get(`reflens-u-${kind}`)?.size ?? 0;
    }
    return out;
  });
}

const SAMPLE_PARAGRAPHS = (): string[] => {
  const sample = readFileSync(join(ROOT, 'assets', 'sample', 'article.html'), 'utf8');
  return [...sample.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] as string);
};

/**
 * A page of at least `bytes` bytes of the sample article's paragraphs, repeated, dated like the
 * sample: the large page of the tests and the benchmark.
 */
export function samplePage(bytes: number, title: string): string {
  const paragraphs = SAMPLE_PARAGRAPHS();
  const body: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${paragraphs[i % paragraphs.length]}</p>\n`;
    body.push(p);
    size += Buffer.byteLength(p);
  }
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2025-03-10T08:00:00+07:00"></head><body><article>${body.join('')}</article></body></html>`;
}
