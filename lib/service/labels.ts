import type { DocumentEntry } from '../dataset/schema.ts';

/** How a document is named on a card, in a link or a search result: "Nghị quyết số 12-NQ/TW". */
export function documentHeading(entry: DocumentEntry): string {
  if (entry.symbol) return `${entry.type} số ${entry.symbol}`;
  if (entry.number) return `${entry.type} số ${entry.number}`;
  return entry.title ?? entry.type;
}
