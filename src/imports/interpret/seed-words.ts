import { isHeaderRow } from './header-detection.ts';
import { isLabelCell } from './row-patterns.ts';

/** For the "nothing is lost" tests: the words of a seed that must reach the plan (not table headers or labels). */
export const WORD = /[\p{L}\p{N}]+/gu;

function stripMarkup(line: string): string {
  return line
    .replace(/\s*<sup>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*|^#+\s/g, ' ')
    .replace(/\(continued\)/gi, ' ');
}

export function seedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const cells = stripMarkup(rawLine).split('\t').map((c) => c.trim());
    if (cells.length > 1 && isHeaderRow(cells)) continue;
    for (const cell of cells) {
      if (isLabelCell(cell)) continue;
      const content = cell.replace(/\b(expected|desired)\s+outcomes?\b/gi, ' ');
      for (const word of content.toLowerCase().match(WORD) ?? []) words.add(word);
    }
  }
  return words;
}

