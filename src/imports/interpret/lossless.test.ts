import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../imported-plan.ts';
import { isHeaderRow } from './header-detection.ts';
import { isLabelCell } from './row-patterns.ts';
import { importSeed, readSeed } from './test-seeds.ts';

/**
 * Nothing is lost: every word of each seed appears somewhere in what the importer made of it. Left out are only the
 * words of table headers (they name columns: field names, roles) and the labels "Expected Outcome", "Progress
 * Update" and "(continued)", which name structure rather than say anything.
 */
const WORD = /[\p{L}\p{N}]+/gu;

function stripMarkup(line: string): string {
  return line
    .replace(/\s*<sup>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\*\*|^#+\s/g, ' ')
    .replace(/\(continued\)/gi, ' ');
}

function seedWords(text: string): Set<string> {
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

function planWords(plan: ImportedPlan): Set<string> {
  const texts: string[] = [plan.plan.title, ...plan.plan.narrative];
  for (const item of plan.items) {
    texts.push(item.ref ?? '', item.title, item.detail ?? '', item.leadMember ?? '', item.priority ?? '', item.target?.text ?? '');
    texts.push(...item.leads, ...Object.entries(item.fields).flat(), ...item.updates.map((u) => u.text));
  }
  return new Set(texts.join('\n').toLowerCase().match(WORD) ?? []);
}

describe('import keeps every word', () => {
  it.each(['000', '001', '002', '003', '004'])('seed %s', (seed) => {
    const found = planWords(importSeed(seed));
    const missing = [...seedWords(readSeed(seed))].filter((word) => !found.has(word));
    expect(missing, `words of seed ${seed} missing from the import: ${missing.join(', ')}`).toEqual([]);
  });
});
