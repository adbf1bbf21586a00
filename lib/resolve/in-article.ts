// In-article resolution, the eyecite lesson: a short form ("Nghị quyết 12")
// takes the identity of the full citation with the same type and number in the
// same article, before or after it — but only when exactly one compatible
// citation exists. Symbols and issuers keep look-alikes apart (12-NQ/TW is not
// 12-NQ/ĐUCA); two compatible citations make the short form ambiguous, and it
// says so rather than guess.
import { fold } from '../dataset/keys.ts';
import {
  centralPartySymbol,
  type DocRef,
  isCentralPartyIssuer,
  issuerFitsSymbol,
  sameIssuer,
  symbolYear,
} from '../detect/doc-ref.ts';

export interface Citation {
  ref: DocRef;
  /** Dropped unless it binds ("nghị quyết 12" in lower case with a bare number). */
  weak: boolean;
}

export interface Resolved {
  /** The identity the whole article supports. */
  ref: DocRef;
  ambiguous: boolean;
  /** With `ambiguous`: each compatible identity, in order of first appearance. */
  alternatives: DocRef[];
  /** False for a weak mention that bound to nothing: not a reference after all. */
  keep: boolean;
}

interface Cluster {
  symbol: string | null;
  issuer: string | null;
  year: number | null;
  date: string | null;
  subject: string | null;
  name: string | null;
  term: string | null;
}

function groupKey(r: DocRef): string {
  if (r.number === null) return `name|${fold(r.name ?? '')}`;
  // (Leading zeros are rare: the number is used as it is unless it has one.)
  const n = r.number.charCodeAt(0) === 0x30 ? r.number.replace(/^0+(?=\d)/, '') : r.number;
  return `${fold(r.docType)}|${n}`;
}

/** What the mention says by itself, with the symbol a central Party issuer fixes. */
function ownIdentity(r: DocRef): DocRef {
  if (r.symbol || !r.issuer || r.number === null || !isCentralPartyIssuer(r.issuer)) return r;
  const symbol = centralPartySymbol(r.docType);
  return symbol ? { ...r, symbol } : r;
}

function yearsAgree(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

function fits(c: Cluster, r: DocRef): boolean {
  if (r.symbol && c.symbol && fold(r.symbol) !== fold(c.symbol)) return false;
  if (!yearsAgree(c.year, r.year)) return false;
  if (c.term && r.term && c.term !== r.term) return false;
  if (r.issuer && c.issuer && !sameIssuer(r.issuer, c.issuer)) return false;
  if (r.issuer && !issuerFitsSymbol(r.issuer, c.symbol)) return false;
  if (c.issuer && !issuerFitsSymbol(c.issuer, r.symbol)) return false;
  return true;
}

function absorb(c: Cluster, r: DocRef): void {
  c.symbol ??= r.symbol;
  c.issuer ??= r.issuer;
  c.year ??= r.year ?? symbolYear(r.symbol);
  c.date ??= r.date;
  c.subject ??= r.subject ?? null;
  c.name ??= r.name ?? null;
  c.term ??= r.term ?? null;
}

function asRef(c: Cluster, base: DocRef): DocRef {
  return {
    docType: base.docType,
    number: base.number,
    symbol: c.symbol,
    year: c.year,
    issuer: c.issuer,
    date: c.date,
    subject: c.subject,
    ...(base.name !== undefined ? { name: base.name } : {}),
    ...(c.term ? { term: c.term } : {}),
  };
}

/** Resolves every document mention of one article, in text order. */
export function resolveInArticle(citations: readonly Citation[]): Resolved[] {
  const own = citations.map((c) => ownIdentity(c.ref));
  const groups = new Map<string, number[]>();
  own.forEach((r, i) => {
    const k = groupKey(r);
    const list = groups.get(k) ?? [];
    list.push(i);
    groups.set(k, list);
  });
  const out: Resolved[] = own.map((ref) => ({ ref, ambiguous: false, alternatives: [], keep: true }));
  for (const members of groups.values()) {
    // Anchors say something about which document they are: a symbol or an issuer.
    const clusters: Cluster[] = [];
    const clusterOf = new Map<number, Cluster>();
    const anchors = members.filter((i) => own[i]?.symbol || own[i]?.issuer);
    // Symbols first: they are the strongest identity.
    const ordered = [...anchors].sort((a, b) => Number(!own[a]?.symbol) - Number(!own[b]?.symbol));
    // A page repeats the same citation many times: equal signatures land in the same cluster.
    const bySignature = new Map<string, Cluster>();
    const signature = (r: DocRef) =>
      `${r.symbol ?? ''}|${r.issuer ?? ''}|${r.year ?? ''}|${r.term ?? ''}|${r.date ?? ''}`;
    for (const i of ordered) {
      const r = own[i] as DocRef;
      const known = bySignature.get(signature(r));
      if (known) {
        absorb(known, r);
        clusterOf.set(i, known);
        continue;
      }
      const compatible = clusters.filter((c) => fits(c, r));
      // An issuer-only anchor joins the one cluster it fits; a symbol starts its own unless equal.
      const target =
        compatible.length === 1 ||
        (r.symbol && compatible.some((c) => c.symbol && fold(c.symbol) === fold(r.symbol as string)))
          ? (compatible.find((c) => !r.symbol || (c.symbol && fold(c.symbol) === fold(r.symbol))) ??
            compatible[0])
          : undefined;
      const cluster: Cluster = target ?? {
        symbol: null,
        issuer: null,
        year: null,
        date: null,
        subject: null,
        name: null,
        term: null,
      };
      if (!target) clusters.push(cluster);
      absorb(cluster, r);
      clusterOf.set(i, cluster);
      bySignature.set(signature(r), cluster);
    }
    // Clusters in order of first appearance, for stable alternatives.
    const firstSeen = new Map<Cluster, number>();
    for (const [i, c] of clusterOf) firstSeen.set(c, Math.min(firstSeen.get(c) ?? i, i));
    clusters.sort((a, b) => (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
    const strongCount = members.filter((j) => !citations[j]?.weak).length;
    // Short forms without symbol or issuer differ only by year and term.
    const fitting = new Map<string, Cluster[]>();
    for (const i of members) {
      const r = own[i] as DocRef;
      const bound = clusterOf.get(i);
      if (bound) {
        out[i] = { ref: asRef(bound, r), ambiguous: false, alternatives: [], keep: true };
        continue;
      }
      const sig = `${r.year ?? ''}|${r.term ?? ''}`;
      const compatible = fitting.get(sig) ?? clusters.filter((c) => fits(c, r));
      fitting.set(sig, compatible);
      if (compatible.length === 1) {
        const c = compatible[0] as Cluster;
        const merged = {
          ...c,
          date: c.date ?? r.date,
          subject: c.subject ?? r.subject ?? null,
          year: c.year ?? r.year,
        };
        out[i] = { ref: asRef(merged, r), ambiguous: false, alternatives: [], keep: true };
      } else if (compatible.length > 1) {
        out[i] = {
          ref: { ...r, symbol: null, issuer: null, year: null },
          ambiguous: true,
          alternatives: compatible.map((c) => asRef(c, r)),
          keep: true,
        };
      } else {
        // Unbound: a weak mention joins only if another mention of the group is strong.
        const weak = citations[i]?.weak === true;
        out[i] = { ref: r, ambiguous: false, alternatives: [], keep: !weak || strongCount > 0 };
      }
    }
  }
  return out;
}
