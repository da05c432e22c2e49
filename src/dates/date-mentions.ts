import { DATE_PHRASES, type PhraseContext } from './date-phrases.ts';
import type { DateSpan } from './date-spans.ts';

export interface DateMention extends DateSpan {
  index: number;
  length: number;
}

/**
 * Every date phrase in a text, in reading order. Where phrases overlap ("31/12/14" also holds "12/14") the one that
 * starts first wins, then the longer one.
 */
export function findDateMentions(text: string, ctx: PhraseContext): DateMention[] {
  const found: DateMention[] = [];
  for (const phrase of DATE_PHRASES) {
    const pattern = phrase.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      const span = phrase.read(m, ctx);
      if (span !== null && !Number.isNaN(span.start.getTime())) found.push({ ...span, index: m.index, length: m[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: DateMention[] = [];
  let reach = 0;
  for (const mention of found) {
    if (mention.index < reach) continue;
    kept.push(mention);
    reach = mention.index + mention.length;
  }
  return kept;
}
