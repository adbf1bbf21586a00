// Browser tests run against the real built extension: build it once per run.
import { execFileSync } from 'node:child_process';
import { ROOT } from '../../tools/browser-harness.ts';

export default function setup(): void {
  if (process.env.REFLENS_SKIP_BUILD === '1') return;
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
