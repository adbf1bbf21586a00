// axe-core over the open hover card, in light and dark.
//
// The card lives in a closed shadow root: nothing in the page, axe included, can
// reach into it (that is what keeps pages out). So each card is opened by a real
// hover on a real page, its shadow root's markup and stylesheet are read out
// through the DevTools protocol, and the same markup and styles are re-hosted in
// an *open* shadow root on a blank page, where axe can walk them. The re-hosted
// card is the very DOM the content script rendered, under the same CSS, so
// contrast, names, roles and structure are judged on what readers get. Rules run
// are axe's WCAG 2.0-2.2 A and AA sets; page-level rules (title, lang, landmarks)
// belong to the page, not to a card laid over it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, waitForMarks } from '../../tools/browser-harness.ts';
import { cardFor, closeCard, fixtureBrowser, openSnapshotted } from './reading-helpers.ts';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Card kind → the page and the hover target that opens it. */
const CARDS: [kind: string, page: string, target: string][] = [
  ['document', 'reading-targets.html', 'Nghị quyết số 57-NQ/TW'],
  ['document with relations', 'reading-targets.html', 'Quy định số 80-QĐ/TW'],
  ['ambiguous document', 'reading-targets.html', 'Nghị quyết 12'],
  ['from the page', 'reading-targets.html', 'Nghị định 321/2024/NĐ-CP'],
  ['person', 'reading-targets.html', 'Tô Lâm'],
  ['body', 'reading-targets.html', 'Bộ Công an'],
  ['place merged away', 'reading-targets.html', 'tỉnh Hà Giang'],
  ['place formed by merger', 'reading-later.html', 'tỉnh Tuyên Quang'],
];

interface CdpNode {
  nodeId: number;
  nodeType: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The markup of the card's closed shadow root (its stylesheet, the card, the live region). */
async function shadowMarkup(p: Page): Promise<string> {
  const cdp = await p.context().newCDPSession(p);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | undefined => {
      if (n.attributes?.includes('data-reflens-card')) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return undefined;
    };
    const shadow = find(root)?.shadowRoots?.[0];
    if (!shadow) throw new Error('no card open');
    const parts: string[] = [];
    for (const child of shadow.children ?? []) {
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as {
        outerHTML: string;
      };
      parts.push(outerHTML);
    }
    return parts.join('');
  } finally {
    await cdp.detach();
  }
}

const env = fixtureBrowser();
let blank: Page;
const captured = new Map<string, string>();

beforeAll(async () => {
  const pages = new Map<string, Page>();
  for (const [kind, file, target] of CARDS) {
    let p = pages.get(file);
    if (!p) {
      p = await openSnapshotted(env.context, `${env.site.url}/${file}`);
      await waitForMarks(p);
      pages.set(file, p);
    }
    await cardFor(p, target);
    await p.waitForTimeout(100); // the live region is filled a moment after the card
    captured.set(kind, await shadowMarkup(p));
    await closeCard(p);
  }
  // about:blank runs no content script: only the re-hosted card is on it.
  blank = await env.context.newPage();
  await blank.evaluate(AXE);
}, 120_000);

async function violations(kind: string, scheme: 'light' | 'dark') {
  await blank.emulateMedia({ colorScheme: scheme });
  return blank.evaluate(
    async ({ markup }) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      host.id = 'host';
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = markup;
      const wrap = shadow.querySelector<HTMLElement>('.wrap');
      if (wrap) wrap.style.transform = 'translate(8px, 8px)';
      // Judge the timeline too, not only its summary line.
      for (const d of shadow.querySelectorAll('details')) d.open = true;
      type Result = {
        violations: { id: string; impact: string; nodes: { target: unknown; failureSummary: string }[] }[];
      };
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
      const r = await axe.run(
        { include: [[['#host', '.wrap']]] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
      );
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
      }));
    },
    { markup: captured.get(kind) ?? '' },
  );
}

describe('axe-core on the open card', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it.each(CARDS.map(([kind]) => kind))(`%s card, ${scheme}: no violations`, async (kind) => {
      expect(captured.get(kind)).toContain('role="dialog"');
      expect(await violations(kind, scheme)).toEqual([]);
    });
  }

  it('checks what it claims: a card with a colour made unreadable fails', async () => {
    const markup = (captured.get('body') ?? '').replace('--muted: #57606a', '--muted: #f4f4f4');
    captured.set('broken', markup);
    const found = await violations('broken', 'light');
    expect(found.map((v) => v.id)).toContain('color-contrast');
  });
});
