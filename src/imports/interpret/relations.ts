import { normaliseRef } from './refs.ts';

/**
 * Links between actions written in their text: "(Links to action 27)", "Follows on from action 16", "Please refer
 * to action 14", "depends on action 3", "feed into actions 4, 6 and 8", "(see also CP5)".
 */
export interface Relation {
  type: string;
  toRef: string;
}

const REF = String.raw`(?:\d{1,3}(?:\.\d{1,3})*\.?|[A-Z][A-Z&]{1,5}\s?\d{1,3})`;
const SEPARATOR = String.raw`\s*,\s*|\s+and\s+|\s+&\s+`;
const LIST = String.raw`(${REF}(?:(?:${SEPARATOR})${REF})*)`;

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(String.raw`\blinks?\s+(?:in\s+)?(?:to|with)\s+actions?\s+${LIST}`, 'gi'), 'links_to'],
  [new RegExp(String.raw`\bfollows?\s+on\s+from\s+actions?\s+${LIST}`, 'gi'), 'follows_on_from'],
  [new RegExp(String.raw`\brefer(?:s|red)?\s+to\s+actions?\s+${LIST}`, 'gi'), 'links_to'],
  [new RegExp(String.raw`\b(?:depends|dependent|depending)\s+(?:up)?on\s+actions?\s+${LIST}`, 'gi'), 'depends_on'],
  [new RegExp(String.raw`\bfeeds?\s+into\s+actions?\s+${LIST}`, 'gi'), 'feeds_into'],
  [new RegExp(String.raw`\(see\s+(?:also\s+)?(?:actions?\s+)?${LIST}\)`, 'gi'), 'links_to'],
];

export function relationsIn(text: string, ownRef: string | null): Relation[] {
  const found: Relation[] = [];
  if (!/action|\(see/i.test(text)) return found;
  for (const [pattern, type] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      for (const printed of (m[1] ?? '').split(new RegExp(SEPARATOR))) {
        const toRef = normaliseRef(printed).ref;
        if (toRef === null || toRef === ownRef) continue;
        if (!found.some((r) => r.type === type && r.toRef === toRef)) found.push({ type, toRef });
      }
    }
  }
  return found;
}
