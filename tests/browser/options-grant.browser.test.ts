// A site the reader adds in the options page, in Chromium: the click asks for
// that host's permission, the background registers the content script for it,
// and pages of the site — one opened before the grant, one after — get marks.
//
// Chromium shows its permission prompt as a browser dialog that neither
// headless mode nor the DevTools protocol can answer (tried: clicking through
// Playwright leaves chrome.permissions.request pending forever; CDP has no
// command for extension host permissions; chrome.developerPrivate's
// addHostPermission from chrome://extensions answers "ok" but grants only
// withheld required hosts, not optional ones). What Chromium does skip the
// prompt for is a permission the user granted before: permissions.request
// subtracts the profile's runtime_granted_permissions before prompting
// (extensions/browser/api/permissions/permissions_api.cc) — the path a reader
// takes when re-adding a site they removed. So this test records that earlier
// consent in a profile's Preferences, starts Chromium on that profile, and then
// everything else is the real flow: the real click, the real
// chrome.permissions.request resolving true, the real grant (onAdded), the real
// registration and injection. The refusal path is covered where it can be
// driven: tests/settings-options.test.tsx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../lib/i18n/messages.ts';
import { originsFor } from '../../lib/settings/site-input.ts';
import { launchWithExtension, ROOT } from '../../tools/browser-harness.ts';

const ARTICLE = readFileSync(join(ROOT, 'tests', 'fixtures', 'pages', 'settings-article.html'), 'utf8');
/** A made-up site (the .example TLD never resolves); Playwright's router serves it. */
const SITE = 'tin-dia-phuong.example';

let profile: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

declare const chrome: {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};

async function launch(): Promise<void> {
  context = await launchWithExtension({ headless: true, userDataDir: profile });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
  await context.route(new RegExp(`^https?://([a-z0-9-]+\\.)?${SITE.replace('.', '\\.')}/`), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: ARTICLE }),
  );
}

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'reflens-grant-'));
  // First start: Chromium installs the unpacked extension into the profile.
  await launch();
  await context.close();
  // The earlier consent, as Chromium keeps it: this profile's user granted the site's origins before.
  const prefsFile = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(prefsFile, 'utf8')) as {
    extensions: { settings: Record<string, Record<string, unknown>> };
  };
  const entry = prefs.extensions.settings[extensionId];
  if (!entry) throw new Error(`The profile has no settings for extension ${extensionId}.`);
  entry.runtime_granted_permissions = {
    api: [],
    manifest_permissions: [],
    explicit_host: originsFor(SITE),
    scriptable_host: [],
  };
  writeFileSync(prefsFile, JSON.stringify(prefs));
  await launch();
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function marks(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name !== 'reflens-active') n += h.size;
    return n;
  });
}

async function marksUntil(page: Page, check: (n: number) => boolean, ms = 8000): Promise<number> {
  const until = Date.now() + ms;
  for (;;) {
    const n = await marks(page);
    if (check(n)) return n;
    if (Date.now() > until) throw new Error(`Marks never matched; last count ${n}`);
    await page.waitForTimeout(50);
  }
}

const siteOrigins = async () =>
  ((await worker.evaluate(() => chrome.permissions.getAll())).origins ?? [])
    .filter((o) => o.includes(SITE))
    .sort();

describe('adding a site in Chromium', () => {
  it('starts with no access to the site and no marks on it', async () => {
    expect(await siteOrigins()).toEqual([]);
    const page = await context.newPage();
    await page.goto(`https://www.${SITE}/bai-1.html`);
    await page.waitForTimeout(500);
    expect(await marks(page)).toBe(0);
    await page.close();
  });

  it('grants the site on the click, then marks citations in an open tab and a new one', async () => {
    const open = await context.newPage();
    await open.goto(`https://${SITE}/truoc.html`);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.fill('#add-site-input', `https://www.${SITE}/thoi-su/`);
    await options.click('form.add-site button[type=submit]');
    await options.waitForFunction(
      (want) => document.querySelector('[data-testid=options-message]')?.textContent === want,
      translate('vi', 'optSiteAdded', { site: SITE }),
      { timeout: 10_000 },
    );
    expect(await siteOrigins()).toEqual([...originsFor(SITE)].sort());
    expect(await options.isChecked(`input[name=site][value="${SITE}"]`)).toBe(true);
    const scripts = await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.map((s) => [s.id, [...(s.matches ?? [])].sort()])).toEqual([
      ['reflens-extra-sites', [...originsFor(SITE)].sort()],
    ]);

    // Opened before the grant: started by the background, no reload.
    expect(await marksUntil(open, (n) => n >= 3)).toBeGreaterThanOrEqual(3);
    const fresh = await context.newPage();
    await fresh.goto(`https://tin.${SITE}/sau.html`);
    expect(await marksUntil(fresh, (n) => n >= 3)).toBeGreaterThanOrEqual(3);

    // Switched off: both go dark. Removed: the access is given back and the registration goes.
    await options.uncheck(`input[name=site][value="${SITE}"]`);
    await marksUntil(open, (n) => n === 0);
    await marksUntil(fresh, (n) => n === 0);
    await options.click('button.remove');
    await options.waitForFunction(() => document.querySelector('button.remove') === null);
    await expect.poll(siteOrigins).toEqual([]);
    await expect
      .poll(async () => (await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length)
      .toBe(0);
    await Promise.all([open.close(), fresh.close(), options.close()]);
  });
});
