// Which posts a person held on a given day, when the sources date posts only
// as precisely as they know them (YYYY-MM-DD, YYYY-MM or YYYY).
//
// Boundary semantics (chosen so a card never hides a post the person may have
// held, and shows the source's precision next to it instead):
// - A partial bound covers its whole period. Start "2016" means "some day in
//   2016", so the post counts from 2016-01-01; end "2021-04" counts through
//   2021-04-30. Comparing the day truncated to the bound's precision does
//   exactly this: 2016-06-30 → "2016" ≥ "2016".
// - Both ends are inclusive. On a handover day (one post ends, the next starts
//   on the same date, as the sources record it) the person held both.
// - end null = open: held up to the present as far as the source knows.
// - start null = start unknown: no lower bound (the card prints "? – …", so the
//   reader sees the gap rather than a guessed year).

import type { PersonEntry, Post } from '../dataset/schema.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a post covers the day `date` (YYYY-MM-DD) under the rules above. */
export function heldOn(post: Post, date: string): boolean {
  if (!DAY.test(date)) throw new RangeError(`Expected a date as YYYY-MM-DD, got "${date.slice(0, 40)}".`);
  if (post.start !== null && date.slice(0, post.start.length) < post.start) return false;
  if (post.end !== null && date.slice(0, post.end.length) > post.end) return false;
  return true;
}

/** The person's posts held on `date`, in the order the source lists them. */
export function postsOn(person: Pick<PersonEntry, 'posts'>, date: string): Post[] {
  return person.posts.filter((p) => heldOn(p, date));
}
