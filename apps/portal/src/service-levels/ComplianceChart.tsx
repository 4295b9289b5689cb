import { useId } from 'react';
import type { ServiceLevelPeriodFieldsFragment } from '../generated/graphql';
import { formatPercent } from '../ui/format';
import { useChartWidth } from '../ui/useChartWidth';
import {
  bandPaths,
  labelledIndexes,
  linePath,
  periodX,
  shareScale,
  targetPath,
  type ChartBox,
} from './chart-scales';
import { STATUS_LABELS, formatCompliance, formatTarget } from './figures';
import './service-levels.css';

const PREFERRED_WIDTH = 720;
const MARGINS: Omit<ChartBox, 'width'> = { height: 260, left: 52, right: 16, top: 16, bottom: 36 };

/**
 * Compliance per period against the target: the line of Σgood ÷ Σvalid, the band of its 95 % intervals, and the
 * target as steps (a new definition version can move it). A missed period's point is drawn hollow and red; a
 * period without valid events leaves a gap. The table below the chart holds the same figures for reading.
 */
export function ComplianceChart({ periods }: { periods: readonly ServiceLevelPeriodFieldsFragment[] }) {
  const titleId = useId();
  const descId = useId();
  const [ref, width] = useChartWidth(PREFERRED_WIDTH);
  const box: ChartBox = { ...MARGINS, width };
  const points = periods.map((p) => ({
    compliance: p.compliance ?? null,
    low: p.complianceInterval?.low ?? null,
    high: p.complianceInterval?.high ?? null,
    target: p.target,
  }));
  const scale = shareScale(points, box);
  const x = (index: number) => periodX(index, periods.length, box);
  const half = (box.width - box.left - box.right) / Math.max(1, periods.length) / 2;
  const measured = periods.filter((p) => p.compliance !== null);
  const description = measured.length
    ? measured
        .map(
          (p) =>
            `${p.label}: ${formatCompliance(p.compliance, p.target)} (${STATUS_LABELS[p.status].toLowerCase()})`,
        )
        .join('; ')
    : 'No period has figures yet.';
  return (
    <figure className="chart compliance-chart" ref={ref}>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        style={{ maxWidth: box.width }}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="chart-svg"
      >
        <title
          id={titleId}
        >{`Compliance per period against the target of ${formatTarget(periods.at(-1)?.target ?? 0)}`}</title>
        <desc id={descId}>{description}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={scale.y(tick)}
              y2={scale.y(tick)}
              className="chart-grid"
            />
            <text x={box.left - 6} y={scale.y(tick) + 4} textAnchor="end" className="chart-axis">
              {formatPercent(Math.round(tick * 100))}
            </text>
          </g>
        ))}
        {bandPaths(points, x, scale.y).map((d) => (
          <path key={d} d={d} className="interval-band" />
        ))}
        <path d={targetPath(points, x, scale.y, half)} className="target-line" />
        <path d={linePath(points, x, scale.y)} className="compliance-line" />
        {periods.map((p, i) =>
          p.compliance === null || p.compliance === undefined ? null : (
            <circle
              key={p.label}
              cx={x(i)}
              cy={scale.y(p.compliance)}
              r={4}
              className={`compliance-point point-${p.status.toLowerCase()}${p.closed ? '' : ' point-open'}`}
            />
          ),
        )}
        {labelledIndexes(periods.length, box).map((i) => (
          <text
            key={periods[i]!.label}
            x={x(i)}
            y={box.height - 12}
            textAnchor="middle"
            className="chart-axis"
          >
            {periods[i]!.label}
          </text>
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend legend-compliance">Compliance</span>
        <span className="legend legend-band">95 % interval</span>
        <span className="legend legend-target">Target</span>
        <span className="legend legend-missed">Missed</span>
      </figcaption>
    </figure>
  );
}
