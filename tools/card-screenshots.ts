// `npm run docs:cards`: pictures of each kind of hover card for the README, taken
// from the built extension on the reading fixture pages: each picture shows the
// marked text and the card the hover opened. Writes docs/card-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cardFor } from '../tests/browser/reading-helpers.ts';
import { boxOfText, launchWithExtension, ROOT, serveDirectory, waitForMarks } from './browser-harness.ts';

/** File name → page, hover target, colour scheme. */
const SHOTS: [name: string, page: string, target: string, scheme: 'light' | 'dark'][] = [
  ['card-document', 'reading-targets.html', 'Quy định số 80-QĐ/TW', 'light'],
  ['card-ambiguous', 'reading-targets.html', 'Nghị quyết 12', 'light'],
  ['card-from-page', 'reading-targets.html', 'Nghị định 321/2024/NĐ-CP', 'light'],
  ['card-person', 'reading-targets.html', 'Tô Lâm', 'light'],
  ['card-body', 'reading-targets.html', 'Bộ Công an', 'light'],
  ['card-place', 'reading-targets.html', 'tỉnh Hà Giang', 'light'],
  ['card-place-dark', 'reading-later.html', 'tỉnh Tuyên Quang', 'dark'],
];

const OUT = join(ROOT, 'docs');
mkdirSync(OUT, { recursive: true });

async function shoot(page: Page, target: string, file: string): Promise<void> {
  await cardFor(page, target);
  await page.waitForTimeout(200); // floating-ui settles the position
  const mark = await boxOfText(page, target);
  const box = await cardBox(page);
  const left = Math.max(0, Math.min(mark.x, box.x) - 16);
  const top = Math.max(0, Math.min(mark.y, box.y) - 16);
  const right = Math.max(mark.x + mark.width, box.x + box.width) + 16;
  const bottom = Math.max(mark.y + mark.height, box.y + box.height) + 16;
  await page.screenshot({ path: file, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}

/** The card's rectangle, read through the DevTools protocol (the shadow root is closed). */
async function cardBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: { nodeId: number };
    };
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'reflens-card',
    })) as {
      nodeIds: number[];
    };
    const { node } = (await cdp.send('DOM.describeNode', {
      nodeId: nodeIds[0] as number,
      depth: 1,
      pierce: true,
    })) as {
      node: { shadowRoots?: { backendNodeId: number }[] };
    };
    const [shadowId] = (
      (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', {
        backendNodeIds: [node.shadowRoots?.[0]?.backendNodeId as number],
      })) as { nodeIds: number[] }
    ).nodeIds;
    const { nodeId } = (await cdp.send('DOM.querySelector', {
      nodeId: shadowId as number,
      selector: '.card',
    })) as {
      nodeId: number;
    };
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as { model: { border: number[] } };
    const q = model.border;
    return {
      x: q[0] as number,
      y: q[1] as number,
      width: (q[2] as number) - (q[0] as number),
      height: (q[5] as number) - (q[1] as number),
    };
  } finally {
    await cdp.detach();
  }
}

const site = await serveDirectory(join(ROOT, 'tests', 'fixtures', 'pages'));
try {
  for (const scheme of ['light', 'dark'] as const) {
    const shots = SHOTS.filter((s) => s[3] === scheme);
    if (shots.length === 0) continue;
    const context = await launchWithExtension({ headless: true, colorScheme: scheme });
    try {
      const pages = new Map<string, Page>();
      for (const [name, file, target] of shots) {
        let page = pages.get(file);
        if (!page) {
          page = await context.newPage();
          await page.goto(`${site.url}/${file}`);
          await waitForMarks(page);
          pages.set(file, page);
        }
        const out = join(OUT, `${name}.png`);
        await shoot(page, target, out);
        console.log(`wrote ${out}`);
      }
    } finally {
      await context.close();
    }
  }
} finally {
  await site.close();
}
