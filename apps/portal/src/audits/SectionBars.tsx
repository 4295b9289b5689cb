import { useId } from 'react';
import { formatChange, formatNumber, formatScore } from '../ui/format';
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

const ROW = 34;
const LABEL_WIDTH = 190;
const CHART_WIDTH = 360;
const VALUE_WIDTH = 120;

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
  const width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH;
  const height = bars.length * ROW + 20;
  const x = (score: number) => LABEL_WIDTH + (score / 100) * CHART_WIDTH;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId} className="chart-svg">
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
          const y = i * ROW + 4;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + 15} textAnchor="end" className="chart-label">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              {bar.score !== null && (
                <rect
                  x={LABEL_WIDTH}
                  y={y + 2}
                  width={(bar.score / 100) * CHART_WIDTH}
                  height={16}
                  className="bar-current"
                  rx={3}
                />
              )}
              {showPrevious && bar.previous !== null && (
                <rect
                  x={LABEL_WIDTH}
                  y={y + 20}
                  width={(bar.previous / 100) * CHART_WIDTH}
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
              <text x={LABEL_WIDTH + CHART_WIDTH + 8} y={y + 15} className="chart-value">
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
      <table className="visually-hidden">
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
    </figure>
  );
}

function benchmarkText(band: BenchmarkBand | null): string {
  if (!band) return '—';
  const { lowerQuartile, median, upperQuartile } = band;
  return `about ${formatNumber(median)} (middle half ${formatNumber(lowerQuartile)} to ${formatNumber(upperQuartile)})`;
}
