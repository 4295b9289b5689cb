import { useId } from 'react';
import { formatChange, formatNumber, formatScore } from '../ui/format';
import { useChartWidth } from '../ui/useChartWidth';
import './audits.css';

/** The industry benchmark of a section, as the API sends it: bands rounded to 5 points. */
export interface BenchmarkBand {
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
}

export interface Bar {
  key: string;
  label: string;
  score: number | null;
  previous: number | null;
  change: number | null;
  benchmark: BenchmarkBand | null;
}

const PREFERRED_WIDTH = 670;
/** Below this width a section's name goes above its bar instead of beside it. */
const STACKED_BELOW = 480;

/** Where things go at this width: names beside the bars when there is room, else above them. */
function layoutFor(width: number) {
  const stacked = width < STACKED_BELOW;
  // Stacked, a little room on the left still, for the 0 under the axis.
  const label = stacked ? 10 : Math.min(190, Math.round(width * 0.3));
  const value = stacked ? 92 : 116;
  return {
    stacked,
    row: stacked ? 50 : 34,
    /** Where a bar's row starts under its name (stacked) or level with it. */
    barTop: stacked ? 20 : 0,
    label,
    chart: width - label - value,
    /** Characters of a name that fit, at about 7 px each. */
    nameChars: Math.max(12, Math.floor((stacked ? width : label - 8) / 7)),
  };
}

/**
 * Section scores on 0–100 as horizontal bars, with the previous audit as a thin grey bar under each and the
 * industry benchmark as a shaded band (the middle half of other clients) with a tick at its median. Plain SVG with a text equivalent (the table of figures is in the title and the
 * hidden table), so screen readers get the numbers.
 */
export function SectionBars({
  bars,
  showPrevious,
  showBenchmark,
}: {
  bars: readonly Bar[];
  showPrevious: boolean;
  showBenchmark: boolean;
}) {
  // Unique per chart: a page can show several audits' results, each with its own title.
  const titleId = useId();
  const [ref, width] = useChartWidth(PREFERRED_WIDTH);
  const layout = layoutFor(width);
  const { row, label: labelWidth, chart: chartWidth } = layout;
  const height = bars.length * row + 20;
  const x = (score: number) => labelWidth + (score / 100) * chartWidth;
  return (
    <figure className="chart" ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width }}
        role="img"
        aria-labelledby={titleId}
        className="chart-svg"
      >
        <title id={titleId}>Section scores out of 100</title>
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={height - 16} className="chart-grid" />
            <text x={x(t)} y={height - 4} className="chart-axis" textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {bars.map((bar, i) => {
          const top = i * row + 4;
          const y = top + layout.barTop;
          const name =
            bar.label.length > layout.nameChars ? `${bar.label.slice(0, layout.nameChars - 1)}…` : bar.label;
          return (
            <g key={bar.key}>
              {layout.stacked ? (
                <text x={0} y={top + 13} className="chart-label">
                  {name}
                </text>
              ) : (
                <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="chart-label">
                  {name}
                </text>
              )}
              {bar.score !== null && (
                <rect
                  x={labelWidth}
                  y={y + 2}
                  width={(bar.score / 100) * chartWidth}
                  height={16}
                  className="bar-current"
                  rx={3}
                />
              )}
              {showPrevious && bar.previous !== null && (
                <rect
                  x={labelWidth}
                  y={y + 20}
                  width={(bar.previous / 100) * chartWidth}
                  height={6}
                  className="bar-previous"
                  rx={2}
                />
              )}
              {showBenchmark && bar.benchmark !== null && (
                <>
                  <rect
                    x={x(bar.benchmark.lowerQuartile)}
                    y={y}
                    width={x(bar.benchmark.upperQuartile) - x(bar.benchmark.lowerQuartile)}
                    height={28}
                    className="bar-benchmark-range"
                  />
                  <line
                    x1={x(bar.benchmark.median)}
                    x2={x(bar.benchmark.median)}
                    y1={y}
                    y2={y + 28}
                    className="bar-benchmark"
                  />
                </>
              )}
              <text x={labelWidth + chartWidth + 8} y={y + 15} className="chart-value">
                {formatScore(bar.score)}
                {showPrevious && bar.change !== null ? ` (${formatChange(bar.change)})` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend legend-current">This audit</span>
        {showPrevious && <span className="legend legend-previous">Previous audit</span>}
        {showBenchmark && (
          <span className="legend legend-benchmark">
            Industry benchmark (median and middle half, to 5 points)
          </span>
        )}
      </figcaption>
      {/* In a box of its own: a table ignores the 1 px width that hides it, and would widen the page. */}
      <div className="visually-hidden">
        <table>
          <caption>Section scores</caption>
          <thead>
            <tr>
              <th scope="col">Section</th>
              <th scope="col">Score</th>
              <th scope="col">Previous</th>
              <th scope="col">Benchmark</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{formatScore(bar.score)}</td>
                <td>{formatScore(bar.previous)}</td>
                <td>{benchmarkText(bar.benchmark)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function benchmarkText(band: BenchmarkBand | null): string {
  if (!band) return '—';
  const { lowerQuartile, median, upperQuartile } = band;
  return `about ${formatNumber(median)} (middle half ${formatNumber(lowerQuartile)} to ${formatNumber(upperQuartile)})`;
}
