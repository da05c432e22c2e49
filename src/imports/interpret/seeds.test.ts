import { describe, expect, it } from 'vitest';
import { importedPlanSchema } from '../imported-plan.ts';
import { byRef, childrenOf, importSeed, ofKind, parentOf } from './test-seeds.ts';

describe('seed 000: improvement plan with a December update', () => {
  const plan = importSeed('000');
  const actions = ofKind(plan, 'action');

  it('reads 11 outcomes and 22 numbered actions, blank outcomes meaning "same as above"', () => {
    expect(importedPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.plan.title).toBe('Improvement Plan November 2014');
    expect(ofKind(plan, 'outcome')).toHaveLength(11);
    expect(actions.map((a) => a.ref)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    expect(parentOf(plan, byRef(plan, '3'))).toBe(parentOf(plan, byRef(plan, '2')));
    expect(parentOf(plan, byRef(plan, '22'))?.title).toBe("Resources aligned to deliver the council's priorities");
  });

  it('gives every action its priority, direction arrow, date and owner', () => {
    for (const action of actions) {
      expect(['High', 'Medium']).toContain(action.priority);
      expect(['↑', '→']).toContain(action.fields['Direction']);
      expect(action.target?.end).toMatch(/^20(14|15)-\d\d-\d\d$/);
    }
    expect(byRef(plan, '1')).toMatchObject({
      title: 'Improved member training',
      priority: 'Medium',
      leads: ['Director of Corporate Resources'],
      target: { text: '31/12/14', start: '2014-12-31', end: '2014-12-31' },
    });
    expect(byRef(plan, '6').leads).toEqual(['Monitoring Officer', 'CRWP']);
    expect(actions.filter((a) => a.leads.length === 0).map((a) => a.ref)).toEqual(['2', '19']);
  });

  it('turns the "11th December 2014 update" column into updates dated 11 December 2014', () => {
    const updated = actions.filter((a) => a.updates.length > 0);
    expect(updated).toHaveLength(20);
    for (const action of updated) expect(action.updates).toEqual([expect.objectContaining({ asOf: '2014-12-11' })]);
    expect(byRef(plan, '1').updates[0]?.text).toMatch(/^Facilitator identified\./);
  });
});

describe('seed 001: proposals answering three recommendations', () => {
  const plan = importSeed('001');
  const sections = ofKind(plan, 'section');

  it('reads the three recommendations with their bullet lists as detail', () => {
    expect(sections.map((s) => s.title.slice(0, 16))).toEqual(['Recommendation 1', 'Recommendation 2', 'Recommendation 3']);
    expect(sections[0]?.detail).toContain('• Ensuring all Cllrs sign up to member undertakings');
    expect(sections[1]?.detail).toContain('• ensuring that improvement at the Council is about lasting cultural change.');
    expect(sections[2]?.detail).toContain('A new Equality and Diversity Officer has now come into post');
    expect(plan.plan.narrative).toEqual([]);
  });

  it('reads 41 proposals (14, 15, 12), the lists restarting per recommendation despite repeated headers', () => {
    expect(ofKind(plan, 'action')).toHaveLength(41);
    expect(sections.map((s) => childrenOf(plan, s, 'action').length)).toEqual([14, 15, 12]);
    expect(childrenOf(plan, sections[1]!).map((a) => a.ref).join('')).toBe('ABCDEFGHIJKLMNO');
  });

  it('normalises look-alike letters in refs and keeps the printed ones', () => {
    const [first] = childrenOf(plan, sections[0]!);
    expect(first).toMatchObject({ ref: 'A', fields: { 'Printed ref': 'Α' } });
    const last = childrenOf(plan, sections[1]!).at(-1);
    expect(last).toMatchObject({ ref: 'O', fields: { 'Printed ref': '0' }, title: 'Review future improvement needs in the light of the CAA assessment' });
    for (const action of ofKind(plan, 'action')) expect(action.ref).toMatch(/^[A-O]$/);
  });

  it('keeps who, when and the in-service-plan flag', () => {
    expect(first(plan)).toMatchObject({
      leads: ['Leader', 'Chief Executive'],
      target: { text: 'May 2009', start: '2009-05-01', end: '2009-05-31' },
    });
    const [, rec2] = sections;
    const g = childrenOf(plan, sections[0]!).find((a) => a.ref === 'G');
    expect(g?.target).toEqual({ text: 'From Apr 09', start: '2009-04-01', end: null });
    expect(childrenOf(plan, sections[0]!).find((a) => a.ref === 'E')?.fields['In service plan?']).toBe('•');
    expect(childrenOf(plan, rec2!).find((a) => a.ref === 'F')?.target?.text).toBe('Ongoing');
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]?.message).toContain('Reference I appears more than once');
  });
});

function first(plan: ReturnType<typeof importSeed>) {
  return plan.items.find((i) => i.kind === 'action');
}

describe('seed 002: a Cabinet report about a plan', () => {
  const plan = importSeed('002');

  it('invents no actions and keeps its text and tables as narrative', () => {
    expect(plan.items).toEqual([]);
    expect(plan.plan.title).toBe('Improvement Plan');
    expect(plan.plan.narrative).toContain('REPORT TO: Cabinet; DATE OF MEETING: 20th February');
    expect(plan.plan.narrative).toContain('• Approves the Improvement Plan attached at Appendix 1');
    expect(plan.plan.narrative.find((l) => l.startsWith('FINANCIAL: The Budget for 2017/18'))).toBeDefined();
    expect(plan.plan.narrative.find((l) => l.startsWith('LEGAL: The proposals will enable progress'))).toContain('We must do everything');
  });
});
