import { spacedLabelIndexes } from '../ui/chart-labels';

/**
 * The scales of the compliance chart, apart from drawing so they can be tested: periods spread evenly across, and
 * a share (0 to 1) up the chart. The vertical scale starts a little below the lowest of the target, the
 * compliances and the interval bands, on a round step, and always ends at 100 %, so a chart of 97–99 % periods
 * against a 95 % target is not a flat line at the top of a 0–100 % chart, and a bad week still shows how bad.
 */

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartPoint {
  compliance: number | null;
  low: number | null;
  target: number;
}

/** Steps for the share axis, smallest first; the first giving at most `maxTicks` gridlines is used. */
const STEPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25];

export interface ShareScale {
  min: number;
  max: number;
  ticks: number[];
  /** The y of a share; shares outside [min, max] are held at the edges. */
  y: (share: number) => number;
}

export function shareScale(points: readonly ChartPoint[], box: ChartBox, maxTicks = 6): ShareScale {
  const lows = points.flatMap((p) => [p.target, p.low ?? p.compliance ?? p.target]);
  const lowest = Math.min(1, ...lows);
  // A margin of a fifth of the span below the lowest value, at least two points of percentage.
  const margin = Math.max(0.02, (1 - lowest) * 0.2);
  const wanted = Math.max(0, lowest - margin);
  const step = STEPS.find((s) => (1 - Math.floor(wanted / s) * s) / s <= maxTicks - 1) ?? 0.25;
  const min = Math.max(0, roundShare(Math.floor(wanted / step + 1e-9) * step));
  const ticks: number[] = [];
  for (let tick = 1; tick >= min - 1e-9; tick -= step) ticks.push(roundShare(tick));
  ticks.reverse();
  const innerHeight = box.height - box.top - box.bottom;
  const span = 1 - min || 1;
  return {
    min,
    max: 1,
    ticks,
    y: (share) => box.top + innerHeight * (1 - (Math.min(1, Math.max(min, share)) - min) / span),
  };
}

/** The x of the middle of period `index` of `count`, each period one band of equal width. */
export function periodX(index: number, count: number, box: ChartBox): number {
  const inner = box.width - box.left - box.right;
  const band = inner / Math.max(1, count);
  return box.left + band * (index + 0.5);
}

/** Which periods get a label under the axis: every one while they fit, else every n-th, always the last. */
export function labelledIndexes(count: number, box: ChartBox, labelWidth = 64): number[] {
  return spacedLabelIndexes(count, box.width - box.left - box.right, labelWidth);
}

/**
 * The band of the 95 % intervals as closed SVG paths, one per run of periods that have figures (a period without
 * valid events breaks the band instead of drawing it down to nothing).
 */
export function bandPaths(
  periods: readonly { low: number | null; high: number | null }[],
  x: (index: number) => number,
  y: (share: number) => number,
): string[] {
  const runs: { index: number; low: number; high: number }[][] = [];
  let run: { index: number; low: number; high: number }[] = [];
  periods.forEach((period, index) => {
    if (period.low === null || period.high === null) {
      if (run.length) runs.push(run);
      run = [];
    } else {
      run.push({ index, low: period.low, high: period.high });
    }
  });
  if (run.length) runs.push(run);
  return runs.map((points) => {
    // A single period gets a short bar of its own width rather than a zero-width sliver.
    const spread = points.length === 1 ? 6 : 0;
    const top = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(x(p.index) - spread)},${fmt(y(p.high))}`);
    if (spread) top.push(`L${fmt(x(points[0]!.index) + spread)},${fmt(y(points[0]!.high))}`);
    const bottom = [...points].reverse().map((p) => `L${fmt(x(p.index) + spread)},${fmt(y(p.low))}`);
    if (spread) bottom.push(`L${fmt(x(points[0]!.index) - spread)},${fmt(y(points[0]!.low))}`);
    return `${top.join(' ')} ${bottom.join(' ')} Z`;
  });
}

/** The compliance line, broken where a period has none. */
export function linePath(
  periods: readonly { compliance: number | null }[],
  x: (index: number) => number,
  y: (share: number) => number,
): string {
  let drawing = false;
  return periods
    .map((period, index) => {
      if (period.compliance === null) {
        drawing = false;
        return '';
      }
      const command = drawing ? 'L' : 'M';
      drawing = true;
      return `${command}${fmt(x(index))},${fmt(y(period.compliance))}`;
    })
    .filter(Boolean)
    .join(' ');
}

/** The target as steps: it can change from one definition version to the next. */
export function targetPath(
  periods: readonly { target: number }[],
  x: (index: number) => number,
  y: (share: number) => number,
  halfBand: number,
): string {
  return periods
    .map(
      (period, index) =>
        `${index === 0 ? 'M' : 'L'}${fmt(x(index) - halfBand)},${fmt(y(period.target))} L${fmt(x(index) + halfBand)},${fmt(y(period.target))}`,
    )
    .join(' ');
}

function roundShare(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function fmt(value: number): string {
  return String(Math.round(value * 10) / 10);
}
