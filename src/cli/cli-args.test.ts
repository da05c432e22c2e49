import { describe, expect, it } from 'vitest';
import { parseCliArgs, USAGE } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('reads an import with its flags', () => {
    expect(parseCliArgs(['import', 'plan.docx', '--dry-run', '--json', '--fy-start', '7'])).toEqual({
      command: 'import',
      file: 'plan.docx',
      dryRun: true,
      json: true,
      org: null,
      fyStartMonth: 7,
    });
    expect(parseCliArgs(['import', 'plan.xlsx', '--org', 'thanet'])).toMatchObject({ dryRun: false, org: 'thanet' });
  });

  it('explains what is wrong with the words', () => {
    expect(parseCliArgs([])).toEqual({ error: USAGE });
    expect(parseCliArgs(['export', 'plan.docx'])).toEqual({ error: USAGE });
    expect(parseCliArgs(['import', 'a.txt', 'b.txt'])).toEqual({ error: USAGE });
    expect(parseCliArgs(['import', 'a.txt', '--fy-start', '13'])).toEqual({ error: '--fy-start must be a month number from 1 to 12, not "13"' });
    const unknownOption = parseCliArgs(['import', 'a.txt', '--colour']);
    expect('error' in unknownOption && unknownOption.error).toContain("Unknown option '--colour'");
  });
});
