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

/** The SVG drawn as a PNG (at twice the size, for print), or null when no SVG renderer is installed. */
export async function svgToPng(svg: string): Promise<Buffer | null> {
  resvg ??= import(RESVG).then(
    (module: unknown) => module as ResvgModule,
    () => null,
  );
  const module = await resvg;
  if (!module) return null;
  const options = { background: '#ffffff', fitTo: { mode: 'zoom' as const, value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'Arial' } };
  return Buffer.from(new module.Resvg(svg, options).render().asPng());
}
