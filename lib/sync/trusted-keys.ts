// The channel keys a release build trusts. Only public keys live here; the
// secret halves are kept offline by whoever publishes the channel.
//
// Rotating: add the new key here and release the extension; publish with both
// keys (`--key old --key new`) while older installs still trust only the old
// one; once they have updated, publish with the new key alone and drop the old
// entry in a later release. See the README, "Publishing a data channel".
//
// A build can trust other keys instead (a test build, a private channel):
// REFLENS_TRUSTED_KEYS at build time replaces this list (wxt.config.ts).
import { toTrustedKeys } from './keys.ts';

export const RELEASE_KEYS = toTrustedKeys([
  // release-2026, made 2026-11-25 with npm run dataset:keygen
  '66291c53d4394af467007b2ca94fa1f285e563c393fe67c457e67a69809de04a',
]);

/**
 * REFLENS_TRUSTED_KEYS → public keys: comma-separated, each a 64-hex-digit
 * public key or the path of a public key file written by dataset:keygen.
 */
export function trustedKeysFromSpec(spec: string, readFile: (path: string) => string) {
  const items = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item) =>
      /^[0-9a-fA-F]{64}$/.test(item) ? item : (JSON.parse(readFile(item)) as { publicKey: string }).publicKey,
    );
  if (items.length === 0) throw new Error('REFLENS_TRUSTED_KEYS is set but names no key');
  return toTrustedKeys(items);
}
