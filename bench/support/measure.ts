/** A full garbage collection, when node runs with --expose-gc (run-all's children do). */
const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Times `run` `times` times after `warmup` runs; returns milliseconds at the 50th and 95th percentiles. The heap is
 * collected once first (when node has --expose-gc), so a figure is not charged with the garbage of the steps before
 * it: with a 20,000-action plan in memory one such collection took longer than the CSV. (Collecting before every run
 * made small figures worse: each full collection ages compiled code until V8 throws it away.)
 */
export async function measure(run: () => unknown, times = 50, warmup = 3): Promise<{ p50: number; p95: number; runs: number }> {
  collectGarbage();
  for (let i = 0; i < warmup; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), runs: times };
}

export interface Figure {
  name: string;
  p50: number;
  p95: number;
  target?: number;
  unit?: string;
}

/** One line per figure with its target and whether it is met. */
export function printFigures(title: string, figures: Figure[]): void {
  process.stdout.write(`\n${title}\n`);
  const width = Math.max(...figures.map((f) => f.name.length), 10);
  process.stdout.write(`${'measure'.padEnd(width)}  ${'p50'.padStart(9)}  ${'p95'.padStart(9)}  ${'target'.padStart(10)}  result\n`);
  for (const f of figures) {
    const unit = f.unit ?? 'ms';
    const target = f.target === undefined ? '' : `< ${f.target} ${unit}`;
    const verdict = f.target === undefined ? '' : f.p50 < f.target ? 'met' : 'NOT MET';
    process.stdout.write(`${f.name.padEnd(width)}  ${f.p50.toFixed(1).padStart(6)} ${unit}  ${f.p95.toFixed(1).padStart(6)} ${unit}  ${target.padStart(10)}  ${verdict}\n`);
  }
}
