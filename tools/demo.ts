// `npm run demo`: serve the sample article on 127.0.0.1 and open it in Chromium
// with the built extension. With a display the browser stays open for you;
// without one it hovers the first citation, saves demo-card.png and prints the card.
import { join } from 'node:path';
import {
  boxOfText,
  hoverText,
  launchWithExtension,
  ROOT,
  serveDirectory,
  waitForCard,
  waitForMarks,
} from './browser-harness.ts';

const FIRST_CITATION = 'Nghị quyết số 12-NQ/TW';
const headless = !process.env.DISPLAY || process.env.CI === 'true' || process.argv.includes('--headless');

const site = await serveDirectory(join(ROOT, 'assets', 'sample'), {});
const url = `${site.url}/article.html`;
const context = await launchWithExtension({ headless });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  const counts = await waitForMarks(page);
  console.log(`Sample article: ${url}`);
  console.log(`Marks drawn: ${JSON.stringify(counts)}`);
  if (!headless) {
    console.log(
      'Chromium is open with RefLens loaded: hover a citation. Close the browser window to finish.',
    );
    await new Promise<void>((done) => context.on('close', () => done()));
  } else {
    await hoverText(page, FIRST_CITATION);
    const text = await waitForCard(page, 5000);
    // Let floating-ui settle the position before the picture is taken.
    await page.waitForTimeout(150);
    const box = await boxOfText(page, FIRST_CITATION);
    const out = join(ROOT, 'demo-card.png');
    await page.screenshot({
      path: out,
      clip: { x: 0, y: Math.max(0, box.y - 120), width: 1100, height: 560 },
    });
    console.log(`Card for "${FIRST_CITATION}":\n${text}`);
    console.log(`Screenshot: ${out}`);
  }
} finally {
  await context.close().catch(() => {});
  await site.close();
}
