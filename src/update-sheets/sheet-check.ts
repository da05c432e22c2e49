import type { Actor } from '../auth/actor.ts';
import type { Plan } from '../db/schema.ts';
import { AppError, InvalidFields } from '../errors.ts';
import { parseUpdateForm, type UpdateForm } from '../updates/update-form.ts';
import { canUpdateItem } from '../updates/update-permissions.ts';
import { DIRECTION_LABELS, RAG_LABELS } from '../updates/domain/plan-rules.ts';
import type { UpdateService } from '../updates/update-service.ts';
import { headerOf, UPDATE_KEYS } from './sheet-columns.ts';
import type { SheetRow } from './sheet-reader.ts';
import { FIELD_COLUMNS, rowFormValues } from './sheet-row-values.ts';
import type { PlanAction } from './update-sheet-repository.ts';

export interface RowProblem {
  rowNumber: number;
  ref: string;
  column: string;
  text: string;
}

export interface PreviewRow {
  rowNumber: number;
  itemId: string;
  ref: string;
  title: string;
  status: string;
  rag: string;
  direction: string;
  percent: string;
  revised: string;
}

export interface SheetCheck {
  rows: PreviewRow[];
  problems: RowProblem[];
  blank: number;
  entries: { itemId: string; form: UpdateForm }[];
}

/** Finds the action a row is for: by the hidden Waymark ID when it is one of this plan's, else by its ref. */
function matchAction(row: SheetRow, byId: Map<string, PlanAction>, byRef: Map<string, PlanAction[]>): PlanAction | string {
  const byHiddenId = row.cells.id ? byId.get(row.cells.id) : undefined;
  if (byHiddenId) return byHiddenId;
  const ref = row.cells.ref ?? '';
  const matches = byRef.get(ref.toLowerCase()) ?? [];
  if (!ref) return 'This row has no ref, so Waymark cannot tell which action it is for';
  if (matches.length === 0) return `There is no action “${ref}” in this plan`;
  if (matches.length > 1) return `${matches.length} actions in this plan have the ref “${ref}”: keep the hidden Waymark ID column from the downloaded sheet, or update them on the website`;
  return matches[0] as PlanAction;
}

/**
 * Checks every filled row of a sheet as the update form would (through the update service's own checks), collecting
 * every problem with its row and column. Rows with no update cells filled in are skipped.
 */
export async function checkSheetRows(actor: Actor, plan: Plan, statuses: string[], actions: PlanAction[], rows: SheetRow[], updates: UpdateService): Promise<SheetCheck> {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const byRef = new Map<string, PlanAction[]>();
  for (const a of actions) if (a.ref) byRef.set(a.ref.toLowerCase(), [...(byRef.get(a.ref.toLowerCase()) ?? []), a]);
  const result: SheetCheck = { rows: [], problems: [], blank: 0, entries: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (!UPDATE_KEYS.some((key) => row.cells[key])) {
      result.blank += 1;
      continue;
    }
    const ref = row.cells.ref ?? '';
    const problems: RowProblem[] = [];
    const problem = (column: string, text: string) => problems.push({ rowNumber: row.rowNumber, ref, column, text });
    const action = matchAction(row, byId, byRef);
    if (typeof action === 'string') problem('Ref', action);
    else {
      if (!canUpdateItem(actor, plan, action.leadIds)) problem('Ref', `You cannot update this action: you can only update the actions you lead (${action.leadNames || 'it has no lead'})`);
      const earlier = seen.get(action.id);
      if (earlier) problem('Ref', `This action is already in row ${earlier}`);
      seen.set(action.id, row.rowNumber);
    }
    const { values, issues } = rowFormValues(row.cells, statuses);
    for (const issue of issues) problem(issue.column, issue.text);
    const parsed = parseUpdateForm(values);
    if (!parsed.ok) for (const i of parsed.issues) problem(headerOf(FIELD_COLUMNS[i.path] ?? 'status'), i.message);
    if (problems.length === 0 && parsed.ok && typeof action !== 'string') {
      try {
        await updates.checkUpdate(actor, plan.id, action.id, parsed.form);
        result.entries.push({ itemId: action.id, form: parsed.form });
        result.rows.push({
          rowNumber: row.rowNumber,
          itemId: action.id,
          ref: action.ref,
          title: action.title,
          status: parsed.form.status,
          rag: parsed.form.ragProposed ? RAG_LABELS[parsed.form.ragProposed] : '',
          direction: parsed.form.direction ? DIRECTION_LABELS[parsed.form.direction] : '',
          percent: parsed.form.percentComplete === null ? '' : `${parsed.form.percentComplete}%`,
          revised: parsed.form.revisedTargetText ? `${parsed.form.revisedTargetText} (${parsed.form.revisionReason ?? ''})` : '',
        });
      } catch (error) {
        if (error instanceof InvalidFields) for (const i of error.issues) problem(headerOf(FIELD_COLUMNS[i.path] ?? 'status'), i.message);
        else if (error instanceof AppError) problem('Ref', error.message);
        else throw error;
      }
    }
    result.problems.push(...problems);
  }
  return result;
}
