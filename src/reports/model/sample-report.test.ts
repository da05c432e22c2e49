import { describe, expect, it } from 'vitest';
import { reportModelSchema } from './report-model.ts';
import { buildSampleReport } from './sample-report.ts';
import { summariseRows } from './summarise-rows.ts';

describe('buildSampleReport', () => {
  const model = buildSampleReport(120);
  const actions = model.rows.filter((row) => row.kind === 'action');

  it('is a valid report model that survives a JSON round trip (as a frozen pack would)', () => {
    const parsed = reportModelSchema.parse(JSON.parse(JSON.stringify(model)));
    expect(parsed).toEqual(model);
  });

  it('reads a pack issued before wider implications were a part: none, and the part not chosen', () => {
    const { implications: _implications, ...older } = model;
    const { implications: _chosen, ...olderSections } = model.sections;
    const parsed = reportModelSchema.parse(JSON.parse(JSON.stringify({ ...older, sections: olderSections })));
    expect(parsed.implications).toEqual([]);
    expect(parsed.sections.implications).toBe(false);
  });

  it('has the number of actions asked for, under themes and areas, with unique refs', () => {
    expect(actions).toHaveLength(120);
    expect(model.rows.filter((row) => row.depth === 0).every((row) => row.kind === 'section')).toBe(true);
    expect(new Set(actions.map((row) => row.ref)).size).toBe(120);
  });

  it('mixes ratings and has exceptions, revised dates with reasons, and changes since the last pack', () => {
    const counts = Object.fromEntries(model.summary.byRag.map((entry) => [entry.rag, entry.count]));
    for (const rag of ['red', 'amber', 'green', 'blue', 'none']) expect(counts[rag]).toBeGreaterThan(0);
    expect(model.exceptions.redAmber.length).toBe((counts.red ?? 0) + (counts.amber ?? 0));
    expect(model.exceptions.revisedDates.length).toBeGreaterThan(0);
    expect(model.exceptions.revisedDates.every((revision) => revision.reason !== null && revision.from !== revision.to)).toBe(true);
    const kinds = new Set(model.changes?.entries.map((entry) => entry.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['closed', 'new', 'rag']));
  });

  it('is the same on every run', () => {
    expect(buildSampleReport(120)).toEqual(model);
  });
});

describe('summariseRows', () => {
  it('counts only actions by default, keeps zero ratings, and orders statuses by count', () => {
    const summary = summariseRows(buildSampleReport(30).rows);
    expect(summary.total).toBe(30);
    expect(summary.byRag.map((entry) => entry.rag)).toEqual(['red', 'amber', 'green', 'blue', 'none']);
    expect(summary.byRag.reduce((sum, entry) => sum + entry.count, 0)).toBe(30);
    const counts = summary.byStatus.map((entry) => entry.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(summary.byTheme.reduce((sum, entry) => sum + entry.total, 0)).toBe(30);
  });
});
