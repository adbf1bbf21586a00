// The text the card's "copy citation" button puts on the clipboard, in the form
// Vietnamese writing cites documents: "<Loại> số <ký hiệu> ngày d/m/yyyy của
// <cơ quan> <trích yếu>". Pure, so the exact wording is tested in Node.
import { fold } from '../dataset/keys.ts';
import type { DocumentEntry } from '../dataset/schema.ts';
import { joinSymbol } from '../detect/doc-ref.ts';
import type { DocRefQuery } from '../protocol.ts';
import { formatDate } from './dates.ts';

interface CitationParts {
  type: string;
  /** "12-NQ/TW", "168/2024/NĐ-CP", or a bare number. */
  symbol: string | null;
  /** A name that already starts with the type word: "Luật Đất đai 2024". */
  name: string | null;
  date: string | null;
  issuers: string[];
  /** Trích yếu: "về …", "quy định …". */
  subject: string | null;
}

function compose(p: CitationParts): string {
  // A law is cited by its name: "Luật Đất đai số 31/2024/QH15", the year being in the symbol.
  let head = p.name ? p.name.replace(/\s+(?:19|20)\d{2}$/, '') : p.type;
  if (p.symbol) head += ` số ${p.symbol}`;
  const parts = [head];
  if (p.date) parts.push(`ngày ${formatDate(p.date)}`);
  if (p.issuers.length > 0) parts.push(`của ${p.issuers.join(', ')}`);
  let text = parts.join(' ');
  if (p.subject) {
    const s = p.subject.trim();
    // "về …", "quy định …" continue the sentence; a capitalised title stands apart.
    text += /^\p{Ll}/u.test(s) ? ` ${s}` : `, ${s}`;
  }
  return text;
}

const startsWithType = (title: string | null, type: string): title is string =>
  !!title && fold(title).startsWith(`${fold(type)} `);

export function citationOf(entry: DocumentEntry): string {
  const named = startsWithType(entry.title, entry.type);
  return compose({
    type: entry.type,
    symbol: entry.symbol ?? entry.number,
    name: named ? entry.title : null,
    date: entry.issuedDate,
    issuers: entry.issuers,
    subject: named ? null : entry.title,
  });
}

/** A document known only from what a page said. */
export function citationOfRef(ref: DocRefQuery, text: string): string {
  const symbol = ref.number ? (ref.symbol ? joinSymbol(ref.number, ref.symbol) : ref.number) : null;
  if (!symbol && !ref.date && !ref.issuer) return text;
  return compose({
    type: ref.docType,
    symbol,
    name: null,
    date: ref.date,
    issuers: ref.issuer ? [ref.issuer] : [],
    subject: ref.subject ?? null,
  });
}
