/**
 * What a progress narrative says about status ("Achieved.", "On Target.", "Not started.") and about a slipped date
 * ("Revised completion date from September 2013 to November 2013."). The narrative itself is always kept whole.
 */
const STATUS_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^achieved and more planned\b/i, 'Achieved and more planned'],
  [/^revised\s+(completion\s+|target\s+|due\s+|end\s+)?date\b/i, 'Revised'],
  [/^achieved\b/i, 'Achieved'],
  [/^complete(d)?\b/i, 'Completed'],
  [/^on\s+target\b/i, 'On target'],
  [/^on\s+track\b/i, 'On track'],
  [/^not\s+(yet\s+)?started\b/i, 'Not started'],
  [/^in\s+progress\b/i, 'In progress'],
  [/^(delayed|behind(\s+schedule)?|slipped|overdue)\b/i, 'Delayed'],
  [/^at\s+risk\b/i, 'At risk'],
  [/^(red|amber|green|blue)\b/i, ''],
];

/** The status a progress text opens with, in one spelling per status; null when it opens with none. */
export function statusOf(text: string): string | null {
  const opening = text.trim().replace(/^[\W_]+/u, '');
  for (const [pattern, status] of STATUS_WORDS) {
    const m = pattern.exec(opening);
    if (m) return status !== '' ? status : capitalise(m[0]);
  }
  return null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

const REVISION = /revised\s+(?:completion\s+|target\s+|due\s+|end\s+)?date\s*:?\s*(?:from\s+(.+?)\s+)?to\s+(.+?)(?:[.;]\s|[.;]?$|\n)/i;

/** "Revised completion date from X to Y" → { from: X, to: Y }; the last one when there are several. */
export function revisedDate(text: string): { from: string | null; to: string } | null {
  let found: { from: string | null; to: string } | null = null;
  for (const line of text.split(/(?<=[.;])\s+|\n/)) {
    const m = REVISION.exec(line);
    if (m?.[2]) found = { from: m[1]?.trim() ?? null, to: m[2].trim() };
  }
  return found;
}
