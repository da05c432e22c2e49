import { describe, expect, it } from 'vitest';
import { PNG_MAX_PIXELS, pngZoom, svgToPng } from './svg-to-png.ts';

describe('drawing the timeline as a PNG', () => {
  it('draws at twice the size where that fits, smaller for big charts, and refuses what would not fit at its own size', () => {
    expect(pngZoom(1200, 800)).toBe(2);
    expect(pngZoom(3000, 5000)).toBeCloseTo(Math.sqrt(PNG_MAX_PIXELS / 15_000_000));
    expect(pngZoom(2400, 40_000)).toBeNull();
  });

  it('answers "too large" for a chart past the limit without drawing it', async () => {
    expect(await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="48000" viewBox="0 0 2400 48000"></svg>')).toEqual({ tooLarge: { width: 2400, height: 48000 } });
  });

  it('draws a small chart', async () => {
    const result = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect width="40" height="20" fill="#1d70b8"/></svg>');
    if ('png' in result) expect(result.png.subarray(1, 4).toString()).toBe('PNG');
    else expect(result).toEqual({ unavailable: true });
  });
});
