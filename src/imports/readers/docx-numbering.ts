import { elementChildren, isW, wAttr, wChild, wInt } from './docx-xml.ts';
import type { ListReference } from './docx-styles.ts';

/**
 * Word does not store the number of a numbered paragraph ("1.", "2.3", "b)"): it computes it from
 * word/numbering.xml. Plans often number their actions that way, so the number is the item's reference and must be
 * rebuilt: each list keeps counters per level; a deeper level restarts when a shallower one moves on.
 */
interface LevelFormat {
  format: string;
  text: string;
  start: number;
}

export type ListMark = { kind: 'bullet' } | { kind: 'number'; label: string };

function readLevels(container: Element): Map<number, LevelFormat> {
  const levels = new Map<number, LevelFormat>();
  for (const level of elementChildren(container).filter((child) => isW(child, 'lvl'))) {
    levels.set(wInt(level, 'ilvl') ?? 0, {
      format: wAttr(wChild(level, 'numFmt')) ?? 'decimal',
      text: wAttr(wChild(level, 'lvlText')) ?? '',
      start: wInt(wChild(level, 'start')) ?? 1,
    });
  }
  return levels;
}

function letters(value: number): string {
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  const numerals: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}

export function formatListNumber(value: number, format: string): string {
  if (format === 'lowerLetter') return letters(value);
  if (format === 'upperLetter') return letters(value).toUpperCase();
  if (format === 'lowerRoman') return roman(value);
  if (format === 'upperRoman') return roman(value).toUpperCase();
  if (format === 'decimalZero') return String(value).padStart(2, '0');
  if (format === 'none') return '';
  return String(value);
}

/** Returns a function giving the mark of each list paragraph in document order (it counts as it goes). */
export function createListCounter(numbering: Document | null): (reference: ListReference) => ListMark | null {
  const abstractLevels = new Map<string, Map<number, LevelFormat>>();
  const lists = new Map<string, { levels: Map<number, LevelFormat>; counterKey: string; starts: Map<number, number> }>();
  const root = numbering?.documentElement;
  for (const element of root ? elementChildren(root) : []) {
    if (isW(element, 'abstractNum')) abstractLevels.set(wAttr(element, 'abstractNumId') ?? '', readLevels(element));
  }
  for (const element of root ? elementChildren(root) : []) {
    const numId = wAttr(element, 'numId');
    if (!isW(element, 'num') || numId === undefined) continue;
    const abstractId = wAttr(wChild(element, 'abstractNumId')) ?? '';
    const overrides = elementChildren(element).filter((child) => isW(child, 'lvlOverride'));
    const starts = new Map<number, number>();
    for (const override of overrides) {
      const start = wInt(wChild(override, 'startOverride'));
      if (start !== undefined) starts.set(wInt(override, 'ilvl') ?? 0, start);
    }
    // Lists sharing an abstract definition continue one another's numbering unless one restarts it.
    const counterKey = starts.size > 0 ? `num:${numId}` : `abstract:${abstractId}`;
    lists.set(numId, { levels: abstractLevels.get(abstractId) ?? new Map<number, LevelFormat>(), counterKey, starts });
  }
  const counters = new Map<string, number[]>();

  return (reference) => {
    const list = lists.get(reference.numId);
    const level = list?.levels.get(reference.level);
    if (!list || !level) return null;
    if (level.format === 'bullet') return { kind: 'bullet' };
    const startOf = (index: number): number => list.starts.get(index) ?? list.levels.get(index)?.start ?? 1;
    const counter = counters.get(list.counterKey) ?? [];
    counter[reference.level] = (counter[reference.level] ?? startOf(reference.level) - 1) + 1;
    counter.length = reference.level + 1;
    counters.set(list.counterKey, counter);
    const label = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const format = list.levels.get(index)?.format ?? 'decimal';
      return formatListNumber(counter[index] ?? startOf(index), format);
    });
    return { kind: 'number', label };
  };
}
