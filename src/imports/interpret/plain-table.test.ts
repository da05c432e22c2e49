import { describe, expect, it } from 'vitest';
import { importDocument } from '../import-document.ts';

/** The simplest plan there is: one header row and one row per action, as a spreadsheet or CSV export gives it. */
describe('a plain table of actions', () => {
  it('is read as actions when its columns include Progress (not mistaken for a "Progress Update" label)', async () => {
    const csv = ['Ref,Action,Lead officer,Target date,Progress', '1,Review the constitution,Head of Legal,31/03/2027,On target', '2,Train members on scrutiny,Democratic Services Manager,Q3 2026/27,Achieved'].join('\r\n');
    const plan = await importDocument(new TextEncoder().encode(csv), 'plan.csv');
    expect(plan.plan.narrative).toEqual([]);
    expect(plan.items.map((item) => [item.kind, item.ref, item.title, item.leads, item.target?.text, item.updates.map((u) => u.status)])).toEqual([
      ['action', '1', 'Review the constitution', ['Head of Legal'], '31/03/2027', ['On target']],
      ['action', '2', 'Train members on scrutiny', ['Democratic Services Manager'], 'Q3 2026/27', ['Achieved']],
    ]);
  });
});
