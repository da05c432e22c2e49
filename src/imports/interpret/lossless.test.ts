import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../imported-plan.ts';
import { seedWords, WORD } from './seed-words.ts';
import { importSeed, readSeed } from './test-seeds.ts';

/**
 * Nothing is lost: every word of each seed appears somewhere in what the importer made of it. Left out are only the
 * words of table headers (they name columns: field names, roles) and the labels "Expected Outcome", "Progress
 * Update" and "(continued)", which name structure rather than say anything.
 */
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
