// The dataset bundle is gzip'd JSON. It is untrusted input like any other
// dataset (a corrupted install, a tampered profile): it is validated before use.
import type { Dataset } from '../dataset/schema.ts';
import { validateDataset } from '../dataset/validate.ts';

export class BundleError extends Error {
  override name = 'BundleError';
}

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export async function decodeBundle(bytes: Uint8Array): Promise<Dataset> {
  let text: string;
  try {
    // gzip streams start with 1f 8b; accept plain JSON too (dev builds, tests).
    text = bytes[0] === 0x1f && bytes[1] === 0x8b ? await gunzip(bytes) : new TextDecoder().decode(bytes);
  } catch (err) {
    throw new BundleError(`The bundled dataset could not be decompressed (${(err as Error).message}).`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new BundleError(`The bundled dataset is not valid JSON (${(err as Error).message}).`);
  }
  const result = validateDataset(raw);
  if (!result.ok) {
    const shown = result.errors.slice(0, 5).join('; ');
    const more = result.errors.length > 5 ? ` (and ${result.errors.length - 5} more)` : '';
    throw new BundleError(`The bundled dataset was refused: ${shown}${more}.`);
  }
  return result.dataset;
}
