const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 for an ISO date (yyyy-mm-dd, read as UTC); NaN for null or an unreadable date. */
export function dayNumber(iso: string | null): number {
  if (iso === null) return Number.NaN;
  return Math.floor(Date.parse(iso.slice(0, 10)) / MS_PER_DAY);
}

/** The ISO date (yyyy-mm-dd) of a day number. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** "30/06/2015" for "2015-06-30": how UK readers write a date. */
export function ukDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
