import type { UpdateFormValues } from '../updates/update-form.ts';
import { headerOf, type ColumnKey } from './sheet-columns.ts';

const RAG_WORDS: Record<string, string> = { red: 'red', r: 'red', amber: 'amber', a: 'amber', green: 'green', g: 'green', blue: 'blue', b: 'blue', 'blue – complete': 'blue', 'blue - complete': 'blue' };
const DIRECTION_WORDS: Record<string, string> = {
  improving: 'improving',
  '↑': 'improving',
  up: 'improving',
  same: 'same',
  'no change': 'same',
  '→': 'same',
  worse: 'worse',
  'getting worse': 'worse',
  '↓': 'worse',
  down: 'worse',
};

/** Lower case, single spaces, and a trailing arrow dropped ("Improving ↑" is "improving"). */
const normalise = (text: string) => {
  const plain = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return plain.length > 1 ? plain.replace(/\s*[↑→↓]$/, '') : plain;
};

/**
 * One sheet row's cells as the update form's values (RAG and direction words to their codes, the status to the plan's
 * own spelling of it), with a message for each cell that cannot be one.
 */
export function rowFormValues(cells: Partial<Record<ColumnKey, string>>, statuses: readonly string[]): { values: UpdateFormValues; issues: { column: string; text: string }[] } {
  const issues: { column: string; text: string }[] = [];
  const cell = (k: ColumnKey) => cells[k]?.trim() ?? '';
  const pick = (k: ColumnKey, words: Record<string, string>, choices: string) => {
    const typed = cell(k);
    if (!typed) return '';
    const code = words[normalise(typed)];
    if (!code) issues.push({ column: headerOf(k), text: `“${typed}” is not one of ${choices}` });
    return code ?? '';
  };
  const typedStatus = cell('status');
  const status = statuses.find((s) => s.toLowerCase() === typedStatus.toLowerCase()) ?? typedStatus;
  if (!typedStatus) issues.push({ column: 'Status', text: 'Enter a status for this action, or clear the row' });
  else if (!statuses.includes(status)) issues.push({ column: 'Status', text: `“${typedStatus}” is not one of this plan’s statuses (${statuses.join(', ')})` });
  const percent = cell('percent').replace(/\s*%$/, '');
  return {
    values: {
      status,
      ragProposed: pick('rag', RAG_WORDS, 'Red, Amber, Green or Blue'),
      direction: pick('direction', DIRECTION_WORDS, 'Improving, Same or Worse'),
      percentComplete: /^\d+(\.0+)?$/.test(percent) ? String(Number(percent)) : percent,
      narrative: cell('narrative'),
      correctiveAction: cell('corrective'),
      revisedTargetText: cell('revisedDate'),
      revisionReason: cell('reason'),
      intent: 'draft',
    },
    issues,
  };
}

/** The column a form field comes from, to name it in a row's error. */
export const FIELD_COLUMNS: Record<string, ColumnKey> = {
  status: 'status',
  ragProposed: 'rag',
  direction: 'direction',
  percentComplete: 'percent',
  narrative: 'narrative',
  correctiveAction: 'corrective',
  revisedTargetText: 'revisedDate',
  revisionReason: 'reason',
};
