import type { DocumentEntry } from '../dataset/schema.ts';

/**
 * A document's name as Vietnamese cites it, "Nghị quyết số 12-NQ/TW": part of the
 * citation, not of the interface, so it reads the same whatever language the card is in.
 */
export function citedName(type: string, symbolOrNumber: string): string {
  return `${type} số ${symbolOrNumber}`;
}

/** How a document is named on a card, in a link or a search result: "Nghị quyết số 12-NQ/TW". */
export function documentHeading(entry: DocumentEntry): string {
  if (entry.symbol) return citedName(entry.type, entry.symbol);
  if (entry.number) return citedName(entry.type, entry.number);
  return entry.title ?? entry.type;
}
