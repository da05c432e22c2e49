import { describe, expect, it } from 'vitest';
import { withImplications } from '../model/sample-implications.ts';
import { buildSampleReport } from '../model/sample-report.ts';
import { reportOutline } from './report-outline.ts';

const model = buildSampleReport(40);
const partIds = (sections: Partial<typeof model.sections>) => reportOutline({ ...model, sections: { ...model.sections, ...sections } }).map((part) => part.id);

describe('reportOutline', () => {
  it('starts with the introduction and its recommendations when "Cover and introduction" is chosen', () => {
    const [first] = reportOutline(model);
    expect(first?.id).toBe('introduction');
    expect(JSON.stringify(first?.blocks)).toContain('Agrees the revised completion dates listed.');
  });

  it('leaves the introduction and recommendations out when "Cover and introduction" is not chosen', () => {
    const parts = partIds({ cover: false });
    expect(parts).not.toContain('introduction');
    expect(parts[0]).toBe('summary');
    expect(partIds({ cover: false, summary: false, exceptions: false, changes: false, fullTable: false, implications: false, measures: false, risks: false })).toEqual([]);
  });

  it('puts the wider implications after the full table and before the appendices, only when chosen and recorded', () => {
    const withThem = withImplications(model);
    expect(reportOutline(withThem).map((part) => part.id)).toEqual(['introduction', 'summary', 'exceptions', 'changes', 'fullTable', 'implications', 'measures', 'risks']);
    const part = reportOutline(withThem).find((each) => each.id === 'implications');
    expect(part?.blocks.slice(0, 3)).toEqual([
      { type: 'subheading', text: 'Financial' },
      { type: 'paragraph', text: 'A £200,000 estimated contingency budget has been included for 2017/18 onwards.' },
      { type: 'paragraph', text: 'Amount: £200,000' },
    ]);
    expect(reportOutline({ ...withThem, sections: { ...withThem.sections, implications: false } }).map((each) => each.id)).not.toContain('implications');
    expect(partIds({})).not.toContain('implications');
  });
});
