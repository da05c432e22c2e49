/** English month names and the abbreviations plans use ("Sept", "Aug."), for dates and month-grid columns. */
const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['january', 'jan']],
  [2, ['february', 'feb']],
  [3, ['march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['may']],
  [6, ['june', 'jun']],
  [7, ['july', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['october', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
];

const numberByName = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));

/** A regex source matching any month name or abbreviation (longest first), without anchors or flags. */
export const MONTH_NAME_SOURCE = [...numberByName.keys()].sort((a, b) => b.length - a.length).join('|');

/** 1–12 for "March", "mar", "Mar.", "SEPT"; null for anything else. */
export function monthNumberOf(word: string): number | null {
  if (word.length > 12) return null;
  return numberByName.get(word.trim().toLowerCase().replace(/\.$/, '')) ?? null;
}

/** The initial letter of a month (1–12), as printed in month grids "J A S O N D". */
export function monthInitial(month: number): string {
  return 'JFMAMJJASOND'.charAt((((month - 1) % 12) + 12) % 12);
}
