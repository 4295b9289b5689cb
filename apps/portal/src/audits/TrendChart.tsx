import { useId } from 'react';
import { spacedLabelIndexes } from '../ui/chart-labels';
import { formatDate, formatScore } from '../ui/format';
import { useChartWidth } from '../ui/useChartWidth';
import './audits.css';

const PREFERRED_WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 36, right: 12, top: 22, bottom: 28 };
/** Points stand this far in from the axes, so a value label never sits on an axis label ("50" on "39.2"). */
const INSET = 28;
/** Room one date label takes under the axis, with a gap to the next. */
const DATE_LABEL_WIDTH = 84;

/** The overall score of each published audit on the framework, oldest first, as a line on 0–100. */
export function TrendChart({
  points,
}: {
  points: readonly { auditId: string; on: string; overall: number | null }[];
}) {
  const titleId = useId();
  const [ref, width] = useChartWidth(PREFERRED_WIDTH);
  const scored = points.filter(
    (p): p is { auditId: string; on: string; overall: number } => p.overall !== null,
  );
  if (scored.length === 0) return <p className="muted">No published scores yet.</p>;
  const first = PAD.left + INSET;
  const span = width - PAD.right - INSET - first;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    scored.length === 1 ? first + span / 2 : first + (i / (scored.length - 1)) * span;
  const y = (score: number) => PAD.top + innerH - (score / 100) * innerH;
  const path = scored.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.overall)}`).join(' ');
  const dated = new Set(spacedLabelIndexes(scored.length, span + INSET, DATE_LABEL_WIDTH));
  // With many audits on a narrow chart, values are shown where their dates are; the rest are in the title.
  const valued = scored.length * 40 <= span + INSET ? null : dated;
  return (
    <figure className="chart" ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${HEIGHT}`}
        style={{ maxWidth: width }}
        role="img"
        aria-labelledby={titleId}
        className="chart-svg"
      >
        <title id={titleId}>
          {`Overall score over time: ${scored.map((p) => `${formatDate(p.on)} ${formatScore(p.overall)}`).join(', ')}`}
        </title>
        {[0, 50, 100].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="chart-axis">
              {t}
            </text>
          </g>
        ))}
        <path d={path} className="trend-line" />
        {scored.map((p, i) => (
          <g key={p.auditId}>
            <circle cx={x(i)} cy={y(p.overall)} r={4} className="trend-point" />
            {(!valued || valued.has(i)) && (
              <text x={x(i)} y={y(p.overall) - 9} textAnchor="middle" className="chart-value">
                {formatScore(p.overall)}
              </text>
            )}
            {dated.has(i) && (
              <text x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="chart-axis">
                {formatDate(p.on)}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
