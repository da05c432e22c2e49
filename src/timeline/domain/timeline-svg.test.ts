import { describe, expect, it } from 'vitest';
import { computeKnockOn } from '../../relations/domain/knock-on.ts';
import { svgElements } from './svg-elements.test-support.ts';
import { buildSyntheticPlan } from './synthetic-plan.ts';
import { buildTimelineModel, type TimelineInput } from './timeline-model.ts';
import { renderTimelineSvg } from './timeline-svg.ts';

const input: TimelineInput = {
  title: 'Plan <2007/08> & beyond',
  period: { start: '2007-07-01', end: '2008-06-30' },
  fyStartMonth: 7,
  today: '2008-01-20',
  zoom: 'month',
  items: [
    {
      id: 'a', parentId: null, ref: '1.1', title: 'Consult "traders" & <residents>', kind: 'action', lead: 'PS',
      start: '2007-07-01', end: '2007-09-30', revisedEnd: '2007-12-31', complete: false,
      plannedMonths: ['2007-07', '2007-08', '2007-09'],
    },
    {
      id: 'b', parentId: null, ref: '1.2', title: 'Prepare options\u0007', kind: 'action', lead: 'PS',
      start: '2007-10-01', end: '2008-01-31', revisedEnd: null, complete: false,
      plannedMonths: ['2007-10', '2007-11', '2008-01'],
    },
  ],
  relations: [{ fromId: 'b', toId: 'a', type: 'depends_on', lagDays: 0 }],
};

describe('renderTimelineSvg', () => {
  const svg = renderTimelineSvg(buildTimelineModel(input), { idPrefix: 'plan-7' });
  const elements = svgElements(svg);
  const texts = elements.filter((element) => element.name === 'text').map((element) => element.text);

  it('is well-formed XML with an accessible name and description, and escapes every text', () => {
    const root = elements[0];
    expect(root?.attributes).toMatchObject({ role: 'img', 'aria-labelledby': 'plan-7-title plan-7-desc' });
    expect(elements.find((element) => element.name === 'title')?.text).toBe('Timeline: Plan <2007/08> & beyond');
    expect(elements.find((element) => element.name === 'desc')?.text).toContain('1 at risk from a slip elsewhere');
    expect(texts).toContain('1.1 Consult "traders" & <residents>');
    expect(texts).toContain('1.2 Prepare options');
  });

  it('draws the month labels, a bar per run of planned months, the markers and the today line', () => {
    expect(texts).toEqual(expect.arrayContaining(['Jul', 'Jun', '2007/08', 'Q3 2007/08', 'Today']));
    const bars = elements.filter((element) => element.name === 'rect' && element.attributes.fill === '#1d70b8');
    expect(bars).toHaveLength(1 + 2 + 1); // 1.1: Jul–Sep; 1.2: Oct–Nov and Jan; the legend
    const hollowDiamonds = elements.filter((element) => element.attributes.stroke === '#d4351c' &&
      element.attributes.fill === '#ffffff');
    expect(hollowDiamonds).toHaveLength(2); // 1.1's revised date, and the legend
  });

  it('marks the at-risk row in words and by pattern, and draws the arrow with an arrowhead', () => {
    expect(texts).toContain('At risk from 1.1');
    expect(elements.filter((element) => element.attributes.fill === 'url(#plan-7-at-risk)')).toHaveLength(2);
    const arrows = elements.filter((element) => element.attributes['marker-end'] === 'url(#plan-7-arrow-risk)');
    expect(arrows).toHaveLength(1);
    // From the end of December (column 6) on row 1.1 to the start of October (column 3) on row 1.2: grid at x=470,
    // 44px a month, rows 22px high starting at y=78.
    expect(arrows[0]?.attributes.d).toBe('M734 89H740V111H602');
  });

  it('renders a 2,000-action plan with its knock-on as one well-formed document', () => {
    const plan = buildSyntheticPlan(2000);
    const knockOn = computeKnockOn(plan.items, plan.relations);
    const model = buildTimelineModel({ ...plan, zoom: 'month', knockOn });
    const big = renderTimelineSvg(model);
    const rows = svgElements(big).filter((element) => element.attributes.class === 'timeline-row');
    expect(rows).toHaveLength(plan.items.length);
    expect(model.counts.atRisk).toBe(knockOn.length);
    expect(knockOn.length).toBeGreaterThan(0);
  });
});
