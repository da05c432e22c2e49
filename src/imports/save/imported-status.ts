import type { RagCode, StatusWord } from '../../db/schema.ts';

/** What a status word a plan printed means: complete or not, and the RAG it implies when one is obvious. */
export function readStatusWord(status: string | null): { complete: boolean; rag: RagCode | null } {
  if (!status) return { complete: false, rag: null };
  const s = status.toLowerCase();
  if (/achieved|complete|done|closed/.test(s)) return { complete: true, rag: 'blue' };
  if (/on target|on track|in progress|ongoing/.test(s)) return { complete: false, rag: 'green' };
  if (/revised|at risk|delayed|slipp/.test(s)) return { complete: false, rag: 'amber' };
  if (/off target|behind|overdue|not achieved/.test(s)) return { complete: false, rag: 'red' };
  return { complete: false, rag: null };
}

/** The plan's status vocabulary, extended by the words the document used. */
export function mergeStatuses(current: StatusWord[], found: string[]): StatusWord[] {
  const known = new Set(current.map((s) => s.label.toLowerCase()));
  const added = [...new Set(found)].filter((f) => !known.has(f.toLowerCase())).map((label) => ({ label, complete: readStatusWord(label).complete }));
  return [...current, ...added];
}
