import type ExcelJS from 'exceljs';
import { DIRECTION_CHOICES, LISTS_SHEET, RAG_CHOICES, README_SHEET, SHEET_COLUMNS, worksheetNames } from './sheet-columns.ts';
import { escapeCell } from './sheet-cells.ts';

export interface SheetAction {
  id: string;
  ref: string;
  title: string;
  lead: string;
  target: string;
}

export interface SheetPlan {
  planId: string;
  planTitle: string;
  periodLabel: string | null;
  dueDate: string | null;
  statuses: string[];
  actions: SheetAction[];
}

const columnLetter = (index: number) => String.fromCharCode(65 + index);
const inlineList = (values: readonly string[]) => `"${values.join(',')}"`;

function addPlanSheet(workbook: ExcelJS.Workbook, name: string, plan: SheetPlan, statusRange: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, activeCell: 'E2' }] });
  sheet.columns = SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width, hidden: c.key === 'id' }));
  sheet.getRow(1).font = { bold: true };
  for (const action of plan.actions) {
    sheet.addRow({ ref: escapeCell(action.ref), title: escapeCell(action.title), lead: escapeCell(action.lead), target: escapeCell(action.target), id: action.id });
  }
  const at = (key: string) => columnLetter(SHEET_COLUMNS.findIndex((c) => c.key === key));
  for (let row = 2; row <= plan.actions.length + 1; row += 1) {
    sheet.getCell(`${at('status')}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [statusRange], showErrorMessage: true, error: 'Choose a status from the list' };
    sheet.getCell(`${at('rag')}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [inlineList(RAG_CHOICES)], showErrorMessage: true, error: 'Choose Red, Amber, Green or Blue' };
    sheet.getCell(`${at('direction')}${row}`).dataValidation = { type: 'list', allowBlank: true, formulae: [inlineList(DIRECTION_CHOICES)], showErrorMessage: true, error: 'Choose Improving, Same or Worse' };
    sheet.getCell(`${at('percent')}${row}`).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, error: 'Enter a whole number from 0 to 100' };
    for (const key of ['narrative', 'corrective', 'reason']) sheet.getCell(`${at(key)}${row}`).alignment = { wrapText: true, vertical: 'top' };
  }
}

function addReadMe(workbook: ExcelJS.Workbook, plans: SheetPlan[], names: string[]): void {
  const sheet = workbook.addWorksheet(README_SHEET);
  sheet.getColumn(1).width = 110;
  const lines = [
    'Waymark update sheet',
    '',
    ...plans.map((p, i) => `${names[i]}: ${p.planTitle}${p.periodLabel ? `, ${p.periodLabel}` : ''}${p.dueDate ? `, updates due ${p.dueDate}` : ''} (${p.actions.length} action${p.actions.length === 1 ? '' : 's'})`),
    '',
    'Fill in Status and the other columns on the rows you are updating; leave the other rows blank.',
    'Then upload the file on the plan’s “Update sheet” page in Waymark. You will see a preview first.',
    'Each filled row becomes a draft update: check it on the website and submit it for review.',
    'Do not change the Ref column. A revised target date needs a reason.',
  ];
  lines.forEach((line, i) => (sheet.getCell(`A${i + 1}`).value = escapeCell(line)));
  sheet.getCell('A1').font = { bold: true, size: 14 };
}

let exceljs: Promise<typeof ExcelJS> | undefined;
/** exceljs is loaded on first use, not when the app starts: it is large and most requests never need it. */
const loadExcelJs = () => (exceljs ??= import('exceljs').then((module) => module.default));

/** The workbook: one worksheet per plan (header frozen, lists validated), a Read me, and the hidden Lists sheet. */
export async function writeUpdateSheet(plans: SheetPlan[]): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = 'Waymark';
  const names = worksheetNames(plans.map((p) => p.planTitle));
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'veryHidden' });
  lists.getRow(1).values = ['Worksheet', 'Plan ID'];
  plans.forEach((plan, i) => {
    const name = names[i] ?? plan.planTitle;
    lists.getCell(`A${i + 2}`).value = name;
    lists.getCell(`B${i + 2}`).value = plan.planId;
    const column = lists.getColumn(4 + i).letter;
    lists.getCell(`${column}1`).value = plan.planId;
    plan.statuses.forEach((status, s) => (lists.getCell(`${column}${s + 2}`).value = escapeCell(status)));
    addPlanSheet(workbook, name, plan, `${LISTS_SHEET}!$${column}$2:$${column}$${Math.max(2, plan.statuses.length + 1)}`);
  });
  addReadMe(workbook, plans, names);
  // The hidden Lists sheet was added first so ranges resolve; show the first plan's sheet on opening.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
