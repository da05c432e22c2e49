import { describe, expect, it } from 'vitest';
import { importedPlanSchema } from '../imported-plan.ts';
import { byRef, childrenOf, importSeed, ofKind, parentOf } from './test-seeds.ts';

describe('seed 003: priorities, measures and a month grid over 55 KB of page breaks', () => {
  const plan = importSeed('003');
  const sections = ofKind(plan, 'section');

  it('reads 22 priorities, each with its expected outcome, once despite the repeated page headers', () => {
    expect(importedPlanSchema.parse(plan)).toEqual(plan);
    expect(plan.plan.title).toBe('Appendix 2 - Improvement Plan: 2007/08 Update');
    const refs = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
    expect(sections.map((s) => s.ref)).toEqual([...refs('CP', 10), ...refs('FP', 4), ...refs('PR', 4), ...refs('HR&OD', 4)]);
    expect(byRef(plan, 'CP1', 'section').title).toBe('Town Centre');
    expect(byRef(plan, 'CP4', 'section').fields['Printed ref']).toBe('CP04');
    for (const section of sections) expect(childrenOf(plan, section, 'outcome')).toHaveLength(1);
    expect(childrenOf(plan, sections[0]!, 'outcome')[0]?.title).toBe('Regeneration of Bromsgrove Town Centre');
    expect(plan.items.some((i) => i.title.includes('Appendix 2'))).toBe(false);
    expect(plan.plan.narrative).toEqual([]);
  });

  it('reads the measures of success with their actions required, timescales, leads and resources', () => {
    expect(ofKind(plan, 'measure')).toHaveLength(65);
    expect(plan.items.filter((i) => i.ref === '2.3' && i.kind === 'measure')).toHaveLength(1);
    const measure = byRef(plan, '1.1', 'measure');
    expect(parentOf(plan, measure)?.kind).toBe('outcome');
    expect(measure).toMatchObject({
      title: 'Public support for plans',
      leads: ['PS'],
      target: { text: '31 March 08', start: '2008-03-31', end: '2008-03-31' },
      fields: {
        'Actions Required': 'Area Action plan (Issues and Options) Developed',
        Resources: 'Project manager and Marketing manager 2007/2008 Budget',
      },
    });
    expect(byRef(plan, '4.1', 'measure').target?.start).toBe('2007-12-31');
    expect(byRef(plan, '12.2', 'measure').fields['Actions Required']).toBe('Budget to profile throughout the year. Quarterly reporting of Budget to Actual to Cabinet');
    expect(byRef(plan, '19.3', 'measure').title).toBe('liP re accreditation achieved');
  });

  it('places the action breakdown under the measure its ref extends, with planned months and corrective actions', () => {
    expect(ofKind(plan, 'action')).toHaveLength(310);
    expect(parentOf(plan, byRef(plan, '1.1.1'))).toBe(byRef(plan, '1.1', 'measure'));
    expect(byRef(plan, '7.1.1').plannedMonths).toEqual(['2007-07', '2007-08', '2007-09', '2007-10', '2007-11']);
    expect(byRef(plan, '7.2.1').plannedMonths).toHaveLength(12);
    expect(byRef(plan, '7.2.1').plannedMonths.at(-1)).toBe('2008-06');
    expect(byRef(plan, '22.1.2').plannedMonths).toEqual(['2007-10', '2007-11', '2007-12', '2008-01']);
    expect(byRef(plan, '20.1.1').fields['Corrective Action']).toBe('Re-programme to 08/09.');
    expect(byRef(plan, '10.1.2').fields['Corrective Action']).toBe('Completed May 07');
    expect(byRef(plan, '3.2.1').fields['Corrective Action']).toBe('Note: needs to include benchmarking for VFM purposes.');
    expect(byRef(plan, '4.1', 'measure').fields['Action']).toBe('Overall Customer satisfaction');
  });

  it('merges cells that wrap onto the next row or page into the item above', () => {
    const publish = plan.items.filter((i) => i.ref === '4.1.4');
    expect(publish.map((i) => i.title)).toEqual(['Review customer standards in business plans', 'Publish in Council Plan along with Customer Standards.']);
    expect(byRef(plan, '9.1.1').title).toBe('Develop schedule cleaning programme for District');
    expect(byRef(plan, '14.2.1').title).toBe('Publication of "Together Bromsgrove" including Annual Report.');
    expect(byRef(plan, '5.3', 'measure').fields['Actions Required']).toContain('reduction in reactive press releases.');
  });

  it('warns about repeated and odd references', () => {
    const messages = plan.warnings.map((w) => `${w.where}: ${w.message}`);
    expect(messages).toContainEqual(expect.stringContaining('Reference 4.1.3 appears more than once'));
    expect(messages).toContainEqual(expect.stringContaining('"7.4.3." ends with a stray dot'));
    expect(messages).toContainEqual(expect.stringContaining('"20 2" has a space where a dot is expected'));
    expect(byRef(plan, '20.2', 'measure').fields['Action']).toBe('Single Status');
  });
});

describe('seed 004: themes, areas for improvement and progress to 30 September 2013', () => {
  const plan = importSeed('004');
  const actions = ofKind(plan, 'action');

  it('reads the themes and their areas for improvement', () => {
    expect(importedPlanSchema.parse(plan)).toEqual(plan);
    expect(ofKind(plan, 'section').map((s) => s.title)).toEqual([
      'Community Leadership',
      'Scrutiny',
      'Organisational Culture',
      'Finance',
      "'Here to Help'",
      'IT',
      'Economic wellbeing',
      'Governance',
    ]);
    expect(ofKind(plan, 'outcome')).toHaveLength(14);
    expect(parentOf(plan, byRef(plan, '4'))).toBe(parentOf(plan, byRef(plan, '1')));
    expect(parentOf(plan, byRef(plan, '9'))).toBe(parentOf(plan, byRef(plan, '6')));
    expect(parentOf(plan, byRef(plan, '21'))?.title).toBe('Decreasing reliance on Whitehall funding');
    expect(plan.plan.narrative[0]).toMatch(/^This improvement plan has been developed/);
  });

  it('reads 27 actions with priority links, completion dates, leads and dated progress', () => {
    expect(actions.map((a) => a.ref)).toEqual(Array.from({ length: 27 }, (_, i) => String(i + 1)));
    for (const action of actions) {
      expect(action.fields['Link to Council Priority']).toMatch(/^(PEOPLE|PROSPERITY|PLACE)( PROSPERITY)?$/);
      expect(action.target?.text).not.toBe('');
      expect(action.leads.length).toBeGreaterThan(0);
      expect(action.updates).toHaveLength(1);
      expect(action.updates[0]?.asOf).toBe('2013-09-30');
    }
    expect(byRef(plan, '1')).toMatchObject({ title: 'Hold an Executive Awayday to:', leads: ['CMT'] });
    expect(byRef(plan, '1').detail).toContain('• Decide how far on the community leadership spectrum we will go.');
    expect(byRef(plan, '20').title).toMatch(/Corporate Strategic Plan and Medium Term Financial Strategy\.$/);
    expect(byRef(plan, '27').target).toEqual({ text: 'Annually (May each year)', start: null, end: null });
    const statuses = new Set(actions.map((a) => a.updates[0]?.status));
    expect([...statuses].sort()).toEqual(['Achieved', 'Achieved and more planned', 'Not started', 'On target', 'Revised']);
  });

  it('keeps revised dates with the original and reads links between actions', () => {
    expect(byRef(plan, '21').fields['Revised completion date']).toBe('November 2013');
    expect(byRef(plan, '21').target).toMatchObject({ start: '2013-03-31', end: '2013-09-30' });
    expect(byRef(plan, '21').updates[0]?.text).toContain('Revised completion date from September 2013 to November 2013.');
    expect(byRef(plan, '25').fields['Revised completion date']).toBe('December 2013');
    expect(byRef(plan, '25').updates[0]?.status).toBe('Revised');
    expect(byRef(plan, '25').target).toMatchObject({ text: 'Autumn 2013', start: '2013-09-01', end: '2013-11-30' });
    expect(byRef(plan, '16').relations).toEqual([{ type: 'links_to', toRef: '27' }]);
    expect(byRef(plan, '17').relations).toEqual([{ type: 'follows_on_from', toRef: '16' }]);
    expect(byRef(plan, '23').relations).toEqual([{ type: 'links_to', toRef: '14' }]);
  });
});
