// `npm run icons`: renders assets/icon/icon.svg to the PNG sizes the stores and
// browsers want (public/icon/<size>.png, where WXT picks them up). Uses the same
// system Chromium as the tests, so no image library is needed.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, ROOT } from './browser-harness.ts';

const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(join(ROOT, 'assets', 'icon', 'icon.svg'), 'utf8');
const outDir = join(ROOT, 'public', 'icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
