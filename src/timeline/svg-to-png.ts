/** The part of @resvg/resvg-js that Waymark uses. */
interface ResvgModule {
  Resvg: new (
    svg: string,
    options?: { background?: string; fitTo?: { mode: 'zoom'; value: number }; font?: { loadSystemFonts?: boolean; defaultFontFamily?: string } },
  ) => { render(): { asPng(): Uint8Array } };
}

// Loaded when first needed and only if installed: the PNG export is the one feature that needs it.
const RESVG = '@resvg/resvg-js';
let resvg: Promise<ResvgModule | null> | undefined;

/**
 * The most pixels a PNG may have (about 100 MB while it is drawn). A 2,000-row timeline at twice its size would be
 * some 200 million pixels and take the server's memory into gigabytes; past this a chart is refused, not drawn.
 */
export const PNG_MAX_PIXELS = 25_000_000;

/** How much to enlarge a chart of this size: twice, for print, where that fits; less down to its own size; else null. */
export function pngZoom(width: number, height: number): number | null {
  const fits = Math.sqrt(PNG_MAX_PIXELS / Math.max(1, width * height));
  return fits >= 1 ? Math.min(2, fits) : null;
}

export type PngResult = { png: Buffer } | { tooLarge: { width: number; height: number } } | { unavailable: true };

/** The SVG drawn as a PNG (at up to twice the size), or why not: no SVG renderer installed, or too big to draw. */
export async function svgToPng(svg: string): Promise<PngResult> {
  const size = /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 0);
  const height = Number(size?.[2] ?? 0);
  const zoom = pngZoom(width, height);
  if (zoom === null) return { tooLarge: { width, height } };
  resvg ??= import(RESVG).then(
    (module: unknown) => module as ResvgModule,
    () => null,
  );
  const module = await resvg;
  if (!module) return { unavailable: true };
  const options = { background: '#ffffff', fitTo: { mode: 'zoom' as const, value: zoom }, font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } };
  return { png: Buffer.from(new module.Resvg(svg, options).render().asPng()) };
}
