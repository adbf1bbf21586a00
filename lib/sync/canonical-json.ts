// The bytes a manifest signature covers. JSON text is not unique (key order,
// spaces, escapes, 1 vs 1.0), so signer and verifier both serialise the parsed
// value the same way: the RFC 8785 (JCS) rules for the subset a manifest uses —
// objects with keys sorted by UTF-16 code units, arrays, strings escaped as
// JSON.stringify does, safe integers, booleans and null. Anything else (a
// fraction, a huge number, undefined) is refused rather than guessed at.

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value))
        throw new CanonicalJsonError(`only safe integers are allowed, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null)
        throw new CanonicalJsonError('only plain objects are allowed');
      const rec = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is what JCS asks for.
      const keys = Object.keys(rec).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(rec[k])}`).join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be signed`);
  }
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
