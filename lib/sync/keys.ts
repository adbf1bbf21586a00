// Ed25519 keys for the update channel. A key is named by its id, derived from
// the public key itself, so a manifest cannot claim one key's name for another
// and the trusted list needs nothing but public keys.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

export interface TrustedKey {
  keyId: string;
  /** 32 bytes, lowercase hex. */
  publicKey: string;
}

export const SECRET_KEY_FORMAT = 'reflens-channel-secret-key';
export const PUBLIC_KEY_FORMAT = 'reflens-channel-public-key';

export interface PublicKeyFile extends TrustedKey {
  format: typeof PUBLIC_KEY_FORMAT;
  created: string;
}

export interface SecretKeyFile extends TrustedKey {
  format: typeof SECRET_KEY_FORMAT;
  created: string;
  /** 32-byte Ed25519 seed, lowercase hex. Never commit, never ship. */
  secretKey: string;
}

const HEX32 = /^[0-9a-f]{64}$/;

/** "ed25519-" + the first 16 hex digits of SHA-256 over the raw public key. */
export function keyIdOf(publicKeyHex: string): string {
  return `ed25519-${bytesToHex(sha256(hexToBytes(publicKeyHex))).slice(0, 16)}`;
}

export function generateKeyPair(created: string, seed?: Uint8Array): SecretKeyFile {
  const { secretKey, publicKey } = ed25519.keygen(seed);
  const pub = bytesToHex(publicKey);
  return {
    format: SECRET_KEY_FORMAT,
    keyId: keyIdOf(pub),
    publicKey: pub,
    created,
    secretKey: bytesToHex(secretKey),
  };
}

export function publicPart(k: SecretKeyFile): PublicKeyFile {
  return { format: PUBLIC_KEY_FORMAT, keyId: k.keyId, publicKey: k.publicKey, created: k.created };
}

/** Reads a secret key file, checking that its public half and id belong to its secret. */
export function parseSecretKeyFile(text: string): SecretKeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the key file is not JSON');
  }
  const k = raw as Partial<SecretKeyFile>;
  if (k?.format !== SECRET_KEY_FORMAT) throw new Error(`the key file is not a ${SECRET_KEY_FORMAT} file`);
  if (typeof k.secretKey !== 'string' || !HEX32.test(k.secretKey))
    throw new Error('the secret key is not 64 hex digits');
  const pub = bytesToHex(ed25519.getPublicKey(hexToBytes(k.secretKey)));
  if (k.publicKey !== pub || k.keyId !== keyIdOf(pub))
    throw new Error('the key file does not match its own secret key');
  return {
    format: SECRET_KEY_FORMAT,
    keyId: k.keyId,
    publicKey: pub,
    created: String(k.created ?? ''),
    secretKey: k.secretKey,
  };
}

/**
 * A trusted-key list from configuration: public key hex strings or objects with
 * `publicKey`. Ids are recomputed, never taken on trust.
 */
export function toTrustedKeys(list: readonly (string | { publicKey: string })[]): TrustedKey[] {
  return list.map((item) => {
    const pub = (typeof item === 'string' ? item : item.publicKey).trim().toLowerCase();
    if (!HEX32.test(pub)) throw new Error(`not an Ed25519 public key (64 hex digits): ${pub.slice(0, 20)}…`);
    return { keyId: keyIdOf(pub), publicKey: pub };
  });
}

export function signBytes(message: Uint8Array, secretKeyHex: string): string {
  return bytesToHex(ed25519.sign(message, hexToBytes(secretKeyHex)));
}

/** False for a wrong signature and for malformed input alike: both mean "not signed by this key". */
export function verifyBytes(message: Uint8Array, signatureHex: string, publicKeyHex: string): boolean {
  if (!/^[0-9a-f]{128}$/.test(signatureHex) || !HEX32.test(publicKeyHex)) return false;
  try {
    return ed25519.verify(hexToBytes(signatureHex), message, hexToBytes(publicKeyHex), { zip215: false });
  } catch {
    return false;
  }
}
