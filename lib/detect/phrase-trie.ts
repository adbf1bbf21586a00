// One automaton for every closed list the detector matches: names of persons,
// bodies and places, document type words, titles. A trie over folded tokens:
// matching walks from a word start only as far as the text keeps agreeing with
// some phrase, so its cost depends on the text, not on how many phrases are
// listed (1,300 persons cost what 100 do).
import {
  CHAR_CLASS,
  FOLD,
  FOLD_HASH_MASK,
  FOLD_HASH_PRIME,
  FOLD_HASH_SEED,
  foldHash,
  isUpperCode,
  LOWER,
  LOWER_CODE,
  TABLE_SIZE,
  toneKey,
  UPPER,
} from '../text/chars.ts';
import { skipSpaces, tokenizeName } from '../text/tokens.ts';

interface Entry<P> {
  payload: P;
  form: string;
  /** Abbreviations (BCA, CAND, UBND) must match letter for letter, case included. */
  exact: boolean;
  tones: string[];
  tokens: string[];
  /** The tokens in lower case: a text token equal to one letter for letter (case aside) has its tones. */
  lower: string[];
}

export interface PhraseMatch<P> {
  start: number;
  end: number;
  payloads: P[];
  /** The text has no diacritics at all (typed without them). */
  plain: boolean;
}

const NO_MATCHES: readonly never[] = Object.freeze([]);

// Every grammar asks about the same few positions in turn (a trigger, the words after it),
// each through several lists: the tokens read lately are folded and hashed once, kept by
// their start offset in a small table (a slot per start modulo its size).
const SLOTS = 64;
const slotStart = new Int32Array(SLOTS).fill(-1);
const slotEnd = new Int32Array(SLOTS);
const slotKey = new Int32Array(SLOTS);
let slotText = '';
/** End of the token wordHashAt was last asked about. */
let wordEnd = 0;

/** The folded hash of the token starting at `start` (remembered, with its end, for a while). */
export function wordHashAt(text: string, start: number): number {
  // Strings compare by content: the text is kept as given, so that the next call compares the
  // same string (at once) and not a copy of it (character by character, at every call).
  if (text !== slotText) slotStart.fill(-1);
  slotText = text;
  const slot = start & (SLOTS - 1);
  if (slotStart[slot] !== start) {
    slotKey[slot] = hashToken(text, start);
    slotEnd[slot] = hashedEnd;
    slotStart[slot] = start;
  }
  wordEnd = slotEnd[slot] as number;
  return slotKey[slot] as number;
}

/** Where the token hashToken read last ends. */
let hashedEnd = 0;

/**
 * foldHash(text, start, tokenEnd(text, start)) in one pass over the token: the walk down
 * the trie reads every token it follows this way. The token's end is left in hashedEnd.
 */
function hashToken(text: string, start: number): number {
  const n = text.length;
  let h = FOLD_HASH_SEED;
  if (start >= n) {
    hashedEnd = start;
    return h & FOLD_HASH_MASK;
  }
  let c = text.charCodeAt(start);
  let prev = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
  const f0 = c < TABLE_SIZE ? (FOLD[c] as number) : c;
  if (f0 !== 0) h = Math.imul(h ^ f0, FOLD_HASH_PRIME);
  let i = start + 1;
  // A token is one punctuation character, or a run of word characters up to a capital glued
  // to a lower-case letter (tokenEnd's rule).
  if (prev !== 0) {
    while (i < n) {
      c = text.charCodeAt(i);
      const k = c < TABLE_SIZE ? (CHAR_CLASS[c] as number) : 0;
      if (k === 0 || (k === UPPER && prev === LOWER)) break;
      prev = k;
      const f = FOLD[c] as number;
      if (f !== 0) h = Math.imul(h ^ f, FOLD_HASH_PRIME);
      i++;
    }
  }
  hashedEnd = i;
  return h & FOLD_HASH_MASK;
}

// The walk's tokens and nodes, as [start, end] pairs and one node per depth. Matching never
// re-enters itself, so one scratch space serves every trie and a failed walk allocates nothing.
let walkBounds = new Int32Array(64);
let walkNodes = new Int32Array(32);
// Tone keys of the walk's tokens, read off the text only where a spelling differs from the list's.
const walkTones: (string | undefined)[] = [];

/** Slot of the edge (node, token hash) in a table of `mask + 1` slots. */
function slotOf(node: number, key: number, mask: number): number {
  const h = Math.imul(key, 0x9e3779b1) ^ Math.imul(node + 1, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

export class PhraseTrie<P> {
  // Nodes are numbers, the root 0. The edges, (node, folded hash of the next token) → child,
  // live in one open-addressing table of typed arrays: a step down the trie is a few array
  // reads, where a map per node cost a hash-map look-up (the detector's most frequent operation).
  private edgeFrom = new Int32Array(64).fill(-1);
  private edgeKey = new Int32Array(64);
  private edgeTo = new Int32Array(64);
  private edges = 0;
  /** Per node: its entries (phrases ending there), and whether any phrase goes on. */
  private readonly entries: (Entry<P>[] | null)[] = [null];
  private readonly inner: boolean[] = [false];
  private readonly firstKeys: number[] = [];
  private size = 0;
  /** Identity of a payload, to tell "one entity" from "several" for diacritic-less text. */
  private readonly identity: (p: P) => string;

  constructor(identity: (p: P) => string) {
    this.identity = identity;
  }

  get count(): number {
    return this.size;
  }

  add(form: string, payload: P, exact = false): void {
    const tokens = tokenizeName(form);
    if (tokens.length === 0) return;
    let node = 0;
    for (const t of tokens) {
      const key = foldHash(t, 0, t.length);
      let child = this.child(node, key);
      if (child < 0) {
        child = this.entries.length;
        this.entries.push(null);
        this.inner.push(false);
        this.addEdge(node, key, child);
        this.inner[node] = true;
        if (node === 0) this.firstKeys.push(key);
      }
      node = child;
    }
    let list = this.entries[node];
    if (!list) {
      list = [];
      this.entries[node] = list;
    }
    const id = this.identity(payload);
    if (list.some((x) => x.form === form && this.identity(x.payload) === id)) return;
    list.push({
      payload,
      form,
      exact,
      tones: tokens.map(toneKey),
      tokens,
      lower: tokens.map((t) => t.toLowerCase()),
    });
    this.size++;
  }

  /**
   * Every listed phrase the text spells from `start` (a word start), longest
   * first, each with the entries whose spelling the text really has: same letters
   * and tones whatever the tone placement (hoà = hòa), or — only where one
   * entity owns the folded form — the same letters typed without diacritics.
   */
  matchAt(text: string, start: number): PhraseMatch<P>[] {
    const depth = this.walk(text, start);
    let out: PhraseMatch<P>[] | null = null;
    for (let d = depth - 1; d >= 0; d--) {
      const m = this.verifiedAt(text, d);
      if (!m) continue;
      if (out) out.push(m);
      else out = [m];
    }
    return out ?? (NO_MATCHES as unknown as PhraseMatch<P>[]);
  }

  /** The longest phrase the text spells from `start` (matchAt's first), the shorter ones left unread. */
  longestAt(text: string, start: number): PhraseMatch<P> | undefined {
    for (let d = this.walk(text, start) - 1; d >= 0; d--) {
      const m = this.verifiedAt(text, d);
      if (m) return m;
    }
    return undefined;
  }

  /** Whether the text spells any listed phrase from `start` (matchAt's list is not empty). */
  matchesAt(text: string, start: number): boolean {
    for (let d = this.walk(text, start) - 1; d >= 0; d--) if (this.verify(text, d)) return true;
    return false;
  }

  /** Whether any phrase starts with a word of this folded hash (cheap prefilter for triggers). */
  hasFirst(key: number): boolean {
    return this.child(0, key) >= 0;
  }

  /** Folded hashes of the first words of every phrase. */
  firstWords(): number[] {
    return [...this.firstKeys];
  }

  /** The node the edge (node, key) leads to, or -1. */
  private child(node: number, key: number): number {
    const mask = this.edgeFrom.length - 1;
    for (let i = slotOf(node, key, mask); ; i = (i + 1) & mask) {
      const from = this.edgeFrom[i] as number;
      if (from === -1) return -1;
      if (from === node && this.edgeKey[i] === key) return this.edgeTo[i] as number;
    }
  }

  private addEdge(node: number, key: number, child: number): void {
    // At most half full, so probes stay short.
    if (2 * (this.edges + 1) > this.edgeFrom.length) {
      const from = this.edgeFrom;
      const keys = this.edgeKey;
      const to = this.edgeTo;
      this.edgeFrom = new Int32Array(from.length * 2).fill(-1);
      this.edgeKey = new Int32Array(from.length * 2);
      this.edgeTo = new Int32Array(from.length * 2);
      this.edges = 0;
      for (let i = 0; i < from.length; i++)
        if ((from[i] as number) >= 0) this.addEdge(from[i] as number, keys[i] as number, to[i] as number);
    }
    const mask = this.edgeFrom.length - 1;
    let i = slotOf(node, key, mask);
    while ((this.edgeFrom[i] as number) !== -1) i = (i + 1) & mask;
    this.edgeFrom[i] = node;
    this.edgeKey[i] = key;
    this.edgeTo[i] = child;
    this.edges++;
  }

  /**
   * Follows the text's tokens from `start` down the trie as far as they agree with some
   * phrase; returns how many did, their bounds and nodes left in the scratch space.
   */
  private walk(text: string, start: number): number {
    let node = this.child(0, wordHashAt(text, start));
    if (node < 0) return 0;
    let s = start;
    let e = wordEnd;
    let depth = 0;
    for (;;) {
      if (depth === walkNodes.length) {
        const bounds = new Int32Array(walkBounds.length * 2);
        bounds.set(walkBounds);
        walkBounds = bounds;
        const nodes = new Int32Array(walkNodes.length * 2);
        nodes.set(walkNodes);
        walkNodes = nodes;
      }
      walkBounds[2 * depth] = s;
      walkBounds[2 * depth + 1] = e;
      walkNodes[depth] = node;
      depth++;
      if (!this.inner[node]) break;
      s = skipSpaces(text, e);
      if (s < 0 || s >= text.length) break;
      const child = this.child(node, wordHashAt(text, s));
      if (child < 0) break;
      e = wordEnd;
      node = child;
    }
    return depth;
  }

  /** The match the walk's first `d + 1` tokens make, if the text spells one of its entries. */
  private verifiedAt(text: string, d: number): PhraseMatch<P> | null {
    const entries = this.entries[walkNodes[d] as number];
    if (!entries) return null;
    const n = d + 1;
    for (let i = 0; i < n; i++) walkTones[i] = undefined;
    let exact: P[] | null = null;
    for (const x of entries) {
      if (!spells(text, x, n)) continue;
      if (exact) exact.push(x.payload);
      else exact = [x.payload];
    }
    let payloads: P[];
    if (exact) payloads = this.unique(exact);
    else if (this.typedPlain(text, entries, d))
      payloads = this.unique(entries.filter((x) => !x.exact).map((x) => x.payload));
    else return null;
    return {
      start: walkBounds[0] as number,
      end: walkBounds[2 * d + 1] as number,
      payloads,
      plain: !exact,
    };
  }

  /** verifiedAt's question without building the match: whether the text spells an entry. */
  private verify(text: string, d: number): boolean {
    const entries = this.entries[walkNodes[d] as number];
    if (!entries) return false;
    const n = d + 1;
    for (let i = 0; i < n; i++) walkTones[i] = undefined;
    for (const x of entries) if (spells(text, x, n)) return true;
    return this.typedPlain(text, entries, d);
  }

  /**
   * Typed without diacritics: accepted only when every token is plain, the phrase starts with a
   * capital, and a single entity answers to the folded form.
   */
  private typedPlain(text: string, entries: Entry<P>[], d: number): boolean {
    if (!plainAscii(text, walkBounds[0] as number, walkBounds[2 * d + 1] as number)) return false;
    if (!isUpperCode(text.charCodeAt(walkBounds[0] as number))) return false;
    let id: string | null = null;
    for (const x of entries) {
      if (x.exact) continue;
      const own = this.identity(x.payload);
      if (id === null) id = own;
      else if (own !== id) return false;
    }
    return id !== null;
  }

  /** One payload per entity: a name and its alias spelt alike are one match. */
  private unique(list: P[]): P[] {
    if (list.length < 2) return list;
    // A few payloads, as a rule all of different entities: compared pairwise before any set is built.
    if (list.length <= 8 && !this.repeatsEntity(list)) return list;
    const seen = new Set<string>();
    return list.filter((p) => {
      const id = this.identity(p);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  /** Whether two payloads of the list are the same entity. */
  private repeatsEntity(list: P[]): boolean {
    for (let i = 1; i < list.length; i++) {
      const id = this.identity(list[i] as P);
      for (let k = 0; k < i; k++) if (this.identity(list[k] as P) === id) return true;
    }
    return false;
  }
}

/** Whether the walk's first `n` tokens spell the entry: letter for letter (abbreviations), or its tones. */
function spells(text: string, x: Entry<unknown>, n: number): boolean {
  return x.exact ? spelledExactly(text, x.tokens, n) : sameTones(text, x, n);
}

/** Whether the walk's first `n` tokens are the entry's tokens letter for letter. */
function spelledExactly(text: string, tokens: readonly string[], n: number): boolean {
  if (tokens.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const s = walkBounds[2 * i] as number;
    const token = tokens[i] as string;
    if ((walkBounds[2 * i + 1] as number) - s !== token.length || !text.startsWith(token, s)) return false;
  }
  return true;
}

/**
 * Whether the walk's first `n` tokens have the entry's letters and tones, whatever the tone
 * placement. A token spelled as listed (case aside) has them without computing its tone key.
 */
function sameTones(text: string, x: Entry<unknown>, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const s = walkBounds[2 * i] as number;
    const e = walkBounds[2 * i + 1] as number;
    if (sameLetters(text, s, e, x.lower[i] as string)) continue;
    let key = walkTones[i];
    if (key === undefined) {
      key = toneKey(text.slice(s, e));
      walkTones[i] = key;
    }
    if (key !== x.tones[i]) return false;
  }
  return true;
}

/**
 * Whether text[s, e) lower-cased is `lower`, read one code unit at a time. Only letters whose
 * lower case is one code unit whatever their neighbours count (LOWER_CODE is 0 for the rest),
 * so a yes means `text.slice(s, e).toLowerCase() === lower`.
 */
function sameLetters(text: string, s: number, e: number, lower: string): boolean {
  if (e - s !== lower.length) return false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const l = c < TABLE_SIZE ? (LOWER_CODE[c] as number) : 0;
    if (l === 0 || l !== lower.charCodeAt(i - s)) return false;
  }
  return true;
}

/** True when text[s, e) has no character beyond ASCII (typed without diacritics). */
function plainAscii(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
