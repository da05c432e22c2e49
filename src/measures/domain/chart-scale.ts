/** Round ticks for a value axis: about `count` steps of 1, 2 or 5 × a power of ten, covering min and max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const [low, high] = min === max ? [min - 1, max + 1] : [min, max];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let tick = Math.floor(low / step) * step; tick <= high + step / 2; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
    if (tick >= high) break;
  }
  return ticks;
}
