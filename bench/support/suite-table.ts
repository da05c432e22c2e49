/** The targets of issue 10 (and the feature issues) at N = 2,000 actions, in milliseconds. */
export const TARGETS: Record<string, number> = {
  'plan page': 100,
  'filtered plan page': 100,
  timeline: 150,
  'CSV export': 100,
  'XLSX export': 500,
  'DOCX export': 1000,
  'PDF export': 1000,
  'API page of 100': 20,
  'submit an update': 20,
  'import seed 003 (read and interpret)': 100,
  'import 5,000-row XLSX (read and interpret)': 3000,
};
export const RSS_TARGET_MIB = 200;
export const GROWTH_LIMIT = 12;

export interface SuiteResult {
  kind: string;
  n: number;
  figures: Record<string, { p50: number; p95: number }>;
  rssMiB: number;
}

interface Summary {
  seconds: number;
  cpus: number;
  load: number[];
  results: SuiteResult[];
  imports: Record<string, { p50: number; p95: number }>;
  peakRssMiB: number;
}

const ms = (v: number | undefined) => (v === undefined ? '' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

/** One table: each measure's p50 (p95) at each N, its target at 2,000 and whether it is met, and the 20,000/2,000 ratio. */
export function printSuite(summary: Summary): void {
  const out: string[] = [];
  for (const kind of [...new Set(summary.results.map((r) => r.kind))]) {
    const rows = summary.results.filter((r) => r.kind === kind);
    const names = Object.keys(rows[0]?.figures ?? {});
    const at = (n: number) => rows.find((r) => r.n === n);
    out.push(`\n${kind}: p50 (p95) by plan size`);
    out.push(['measure'.padEnd(28), ...rows.map((r) => `N=${r.n}`.padEnd(24)), 'target @2,000'.padEnd(16), '20k/2k'].join(' '));
    for (const name of names) {
      const cells = rows.map((r) => `${ms(r.figures[name]?.p50)} (${ms(r.figures[name]?.p95)})`.padEnd(24));
      const target = TARGETS[name];
      const p2k = at(2000)?.figures[name]?.p50;
      const verdict = target === undefined || p2k === undefined ? '' : `< ${ms(target)} ${p2k < target ? 'met' : 'NOT MET'}`;
      const big = at(20000)?.figures[name]?.p50;
      const ratio = big !== undefined && p2k ? big / p2k : undefined;
      const ratioText = ratio === undefined ? '' : `${ratio.toFixed(1)}× ${ratio <= GROWTH_LIMIT ? 'ok' : 'OVER 12×'}`;
      out.push([name.padEnd(28), ...cells, verdict.padEnd(16), ratioText].join(' '));
    }
    out.push(['peak RSS (bench process)'.padEnd(28), ...rows.map((r) => `${r.rssMiB.toFixed(0)} MiB`.padEnd(24)), `< ${RSS_TARGET_MIB} MiB`].join(' '));
  }
  out.push('\nimports');
  for (const [name, f] of Object.entries(summary.imports)) {
    const target = TARGETS[name];
    out.push(`${name.padEnd(44)} ${ms(f.p50)} (${ms(f.p95)})  ${target ? `< ${ms(target)} ${f.p50 < target ? 'met' : 'NOT MET'}` : ''}`);
  }
  out.push(`\npeak RSS of any one process ${summary.peakRssMiB.toFixed(0)} MiB (the real server: npx tsx bench/memory.ts); ${summary.seconds.toFixed(0)} s on ${summary.cpus} CPUs (load ${summary.load.map((l) => l.toFixed(1)).join(' ')})`);
  process.stdout.write(`${out.join('\n')}\n`);
}
