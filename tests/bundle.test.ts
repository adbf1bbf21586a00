// What the content script carries onto every page it reads. The card's code
// (Preact, floating-ui, the card's styles) is injected only on the first hover
// (entrypoints/card-ui.ts), and settings come validated from the background, so
// a page that is only read pays for neither. Reads the Chrome build that
// `npm test` makes first (tests/browser/global-setup.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARD_CSS } from '../components/card-styles.ts';

const BUILD = join(import.meta.dirname, '..', process.env.REFLENS_OUT_DIR || '.output', 'chrome-mv3');
const CONTENT = join(BUILD, 'content-scripts', 'content.js');
const CARD_UI = join(BUILD, 'card-ui.js');

function read(file: string): string {
  if (!existsSync(file))
    throw new Error(`No build at ${file}: run \`npm run build\` (or \`npm test\`) first.`);
  return readFileSync(file, 'utf8');
}

// A line of the card's stylesheet as the bundler keeps it (template literals survive minifying).
const CARD_STYLE_LINE = CARD_CSS.split('\n').find((l) => l.includes('max-width')) as string;

describe('the content script bundle', () => {
  it('carries no card code, positioning library or schema library', () => {
    const content = read(CONTENT);
    expect(content).not.toContain(CARD_STYLE_LINE.trim());
    expect(content).not.toMatch(/floating/i);
    expect(content).not.toContain('_zod');
  });

  it('stays small: what every read page compiles', () => {
    expect(statSync(CONTENT).size).toBeLessThan(48_000);
  });

  it('leaves the card code to the injected script, which holds it all', () => {
    const ui = read(CARD_UI);
    expect(ui).toContain(CARD_STYLE_LINE.trim());
    expect(ui).toMatch(/floating/i);
    expect(ui).toContain('__reflensCardUi');
  });
});
