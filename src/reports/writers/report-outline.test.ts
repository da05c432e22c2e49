import { describe, expect, it } from 'vitest';
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
    expect(partIds({ cover: false, summary: false, exceptions: false, changes: false, fullTable: false, measures: false, risks: false })).toEqual([]);
  });
});
