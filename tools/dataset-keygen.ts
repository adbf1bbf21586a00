// npm run dataset:keygen [-- --out keys/channel]
// Makes an Ed25519 key pair for signing a channel's manifest:
//   <out>.secret.json  the signing key (mode 600; .gitignore keeps it out of git — keep it offline, back it up)
//   <out>.public.json  the public half, which extensions built to trust it carry
// Refuses to overwrite an existing key: losing a signing key means a key rotation.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateKeyPair, publicPart } from '../lib/sync/keys.ts';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const base = resolve(outAt >= 0 && args[outAt + 1] ? (args[outAt + 1] as string) : 'keys/channel');
const secretFile = `${base}.secret.json`;
const publicFile = `${base}.public.json`;

for (const f of [secretFile, publicFile]) {
  if (existsSync(f)) {
    console.error(`dataset:keygen: ${f} exists; refusing to overwrite a key (choose another --out).`);
    process.exit(1);
  }
}
const key = generateKeyPair(new Date().toISOString().slice(0, 10));
mkdirSync(dirname(base), { recursive: true });
writeFileSync(secretFile, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
writeFileSync(publicFile, `${JSON.stringify(publicPart(key), null, 2)}\n`);
console.log(`dataset:keygen: key ${key.keyId}
  secret (sign with it; never commit or ship it): ${secretFile}
  public: ${publicFile}
  public key: ${key.publicKey}
To make a build trust it, add the public key to lib/sync/trusted-keys.ts,
or for a one-off build set REFLENS_TRUSTED_KEYS=${publicFile}.`);
