// One automaton for every closed list the detector matches: names of persons,
// bodies and places, document type words, titles. A trie over folded tokens:
// matching walks from a word start only as far as the text keeps agreeing with
// some phrase, so its cost depends on the text, not on how many phrases are
// listed (1,300 persons cost what 100 do).
import { foldHash, isPlainAscii, isUpperCode, toneKey } from '../text/chars.ts';
import { skipSpaces, tokenEnd, tokenizeName } from '../text/tokens.ts';

interface Entry<P> {
  payload: P;
  form: string;
  /** Abbreviations (BCA, CAND, UBND) must match letter for letter, case included. */
  exact: boolean;
  tones: string[];
  tokens: string[];
}

interface Node<P> {
  /** Keyed by the folded hash of the next token (foldHash), so matching allocates nothing. */
  next: Map<number, Node<P>> | null;
  entries: Entry<P>[] | null;
}

export interface PhraseMatch<P> {
  start: number;
  end: number;
  payloads: P[];
  /** The text has no diacritics at all (typed without them). */
  plain: boolean;
}

const NO_MATCHES: readonly never[] = Object.freeze([]);

// Every grammar asks about the same trigger position in turn: its first word is
// folded and hashed once, not once per list.
let cacheText = '';
let cacheStart = -1;
let cacheEnd = -1;
let cacheKey = 0;
/**
 * The folded hash of the token starting at `start`, cached with its end: every grammar
 * asks about the same trigger position in turn.
 */
export function wordHashAt(text: string, start: number): number {
  if (start !== cacheStart || text !== cacheText) {
    cacheText = text;
    cacheStart = start;
    cacheEnd = tokenEnd(text, start);
    cacheKey = foldHash(text, start, cacheEnd);
  }
  return cacheKey;
}

export class PhraseTrie<P> {
  private readonly root: Node<P> = { next: null, entries: null };
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
    let node = this.root;
    for (const t of tokens) {
      const key = foldHash(t, 0, t.length);
      node.next ??= new Map();
      let child = node.next.get(key);
      if (!child) {
        child = { next: null, entries: null };
        node.next.set(key, child);
      }
      node = child;
    }
    node.entries ??= [];
    const id = this.identity(payload);
    if (node.entries.some((x) => x.form === form && this.identity(x.payload) === id)) return;
    node.entries.push({ payload, form, exact, tones: tokens.map(toneKey), tokens });
    this.size++;
  }

  /**
   * Every listed phrase the text spells from `start` (a word start), longest
   * first, each with the entries whose spelling the text really has: same letters
   * and tones whatever the tone placement (hoà = hòa), or — only where one
   * entity owns the folded form — the same letters typed without diacritics.
   */
  matchAt(text: string, start: number): PhraseMatch<P>[] {
    // Most calls fail on the first word: decide that without allocating anything.
    const firstKey = wordHashAt(text, start);
    const firstEnd = cacheEnd;
    let node: Node<P> | undefined = this.root.next?.get(firstKey);
    if (!node) return NO_MATCHES as unknown as PhraseMatch<P>[];
    const out: PhraseMatch<P>[] = [];
    const bounds: number[] = [start, firstEnd];
    let pos = firstEnd;
    for (;;) {
      if (node.entries) {
        const tokens: string[] = [];
        for (let i = 0; i < bounds.length; i += 2) tokens.push(text.slice(bounds[i], bounds[i + 1]));
        const m = this.verify(node.entries, tokens);
        if (m) out.push({ start, end: pos, payloads: m.payloads, plain: m.plain });
      }
      if (!node.next) break;
      const s = skipSpaces(text, pos);
      if (s < 0 || s >= text.length) break;
      const e = tokenEnd(text, s);
      const child: Node<P> | undefined = node.next.get(foldHash(text, s, e));
      if (!child) break;
      bounds.push(s, e);
      node = child;
      pos = e;
    }
    return out.reverse();
  }

  /** Whether any phrase starts with a word of this folded hash (cheap prefilter for triggers). */
  hasFirst(key: number): boolean {
    return this.root.next?.has(key) ?? false;
  }

  /** Folded hashes of the first words of every phrase. */
  firstWords(): number[] {
    return [...(this.root.next?.keys() ?? [])];
  }

  private verify(entries: Entry<P>[], tokens: string[]): { payloads: P[]; plain: boolean } | null {
    let tones: string[] | null = null;
    const exact: P[] = [];
    for (const x of entries) {
      if (x.exact) {
        if (x.tokens.length === tokens.length && x.tokens.every((t, i) => t === tokens[i]))
          exact.push(x.payload);
        continue;
      }
      tones ??= tokens.map(toneKey);
      const t = tones;
      if (x.tones.every((k, i) => k === t[i])) exact.push(x.payload);
    }
    if (exact.length > 0) return { payloads: this.unique(exact), plain: false };
    // Typed without diacritics: accepted only when every token is plain, the phrase
    // starts with a capital, and a single entity answers to the folded form.
    if (!tokens.every(isPlainAscii) || !isUpperCode(tokens[0]?.charCodeAt(0) ?? 0)) return null;
    const loose = entries.filter((x) => !x.exact);
    const ids = new Set(loose.map((x) => this.identity(x.payload)));
    return ids.size === 1 ? { payloads: this.unique(loose.map((x) => x.payload)), plain: true } : null;
  }

  /** One payload per entity: a name and its alias spelt alike are one match. */
  private unique(list: P[]): P[] {
    if (list.length < 2) return list;
    const seen = new Set<string>();
    return list.filter((p) => {
      const id = this.identity(p);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
}
