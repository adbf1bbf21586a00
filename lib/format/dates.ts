// Dates in the dataset are ISO (YYYY-MM-DD); readers of Vietnamese news expect dd/mm/yyyy.

/** Also takes the partial dates of posts: "2016-04" → "4/2016", "2016" → "2016". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  if (m[3]) return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
  if (m[2]) return `${Number(m[2])}/${m[1]}`;
  return m[1] as string;
}

/** Today as YYYY-MM-DD in the reader's local calendar. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
