import { useId } from 'react';
import { formatDate, formatScore } from '../ui/format';
import './audits.css';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 48, right: 48, top: 16, bottom: 28 };

/** The overall score of each published audit on the framework, oldest first, as a line on 0–100. */
export function TrendChart({
  points,
}: {
  points: readonly { auditId: string; on: string; overall: number | null }[];
}) {
  const titleId = useId();
  const scored = points.filter(
    (p): p is { auditId: string; on: string; overall: number } => p.overall !== null,
  );
  if (scored.length === 0) return <p className="muted">No published scores yet.</p>;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (scored.length === 1 ? innerW / 2 : (i / (scored.length - 1)) * innerW);
  const y = (score: number) => PAD.top + innerH - (score / 100) * innerH;
  const path = scored.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(p.overall)}`).join(' ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={titleId} className="chart-svg">
        <title id={titleId}>
          {`Overall score over time: ${scored.map((p) => `${formatDate(p.on)} ${formatScore(p.overall)}`).join(', ')}`}
        </title>
        {[0, 50, 100].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" className="chart-axis">
              {t}
            </text>
          </g>
        ))}
        <path d={path} className="trend-line" />
        {scored.map((p, i) => (
          <g key={p.auditId}>
            <circle cx={x(i)} cy={y(p.overall)} r={4} className="trend-point" />
            <text x={x(i)} y={y(p.overall) - 8} textAnchor="middle" className="chart-value">
              {formatScore(p.overall)}
            </text>
            <text x={x(i)} y={HEIGHT - 8} textAnchor="middle" className="chart-axis">
              {formatDate(p.on)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
