// Browser tests run against the real built extension: build it once per run,
// for Chrome and for Firefox (tests/browser/firefox*.browser.test.ts, and the
// unit test that reads both manifests, tests/manifest.test.ts).
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../tools/browser-harness.ts';

export default function setup(): void {
  if (process.env.REFLENS_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  // The dataset bundle the first build wrote serves both.
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'inherit' });
}
