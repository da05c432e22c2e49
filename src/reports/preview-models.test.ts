import { describe, expect, it } from 'vitest';
import { buildSampleReport } from './model/sample-report.ts';
import { createPreviewModels } from './preview-models.ts';

describe('previewed reports', () => {
  const model = buildSampleReport(3);

  it('give the previewed model back to the same user for the same plan, for 15 minutes', () => {
    let now = 1_000_000;
    const previews = createPreviewModels(() => now);
    const token = previews.keep('user-1', 'plan-1', model);
    expect(previews.find('user-1', 'plan-1', token)).toBe(model);
    expect(previews.find('user-2', 'plan-1', token)).toBeUndefined();
    expect(previews.find('user-1', 'plan-2', token)).toBeUndefined();
    expect(previews.find('user-1', 'plan-1', 'guessed')).toBeUndefined();
    now += 15 * 60 * 1000 + 1;
    expect(previews.find('user-1', 'plan-1', token)).toBeUndefined();
  });

  it('keep at most 50, dropping the oldest', () => {
    const previews = createPreviewModels();
    const first = previews.keep('user-1', 'plan-1', model);
    for (let i = 0; i < 50; i++) previews.keep('user-1', 'plan-1', model);
    expect(previews.find('user-1', 'plan-1', first)).toBeUndefined();
  });
});
