import type { ServiceLevelPeriodFieldsFragment } from '../generated/graphql';
import { formatNumber } from '../ui/format';
import { openPeriodWord } from './CurrentStanding';
import { STATUS_LABELS, describeBudget, formatCompliance, formatInterval, periodDays } from './figures';

/** The figures of each period, newest first: the same as the chart, to read and to compare. */
export function PeriodsTable({
  periods,
  timeZone,
}: {
  periods: readonly ServiceLevelPeriodFieldsFragment[];
  timeZone: string;
}) {
  const newestFirst = [...periods].reverse();
  return (
    <div className="table-wrap">
      <table className="table periods-table">
        <caption>Each period, newest first, judged by the definition version in force at its start.</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="numeric">
              Compliance
            </th>
            <th scope="col">95 % interval</th>
            <th scope="col" className="numeric">
              Valid events
            </th>
            <th scope="col">Status</th>
            <th scope="col">Budget left</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((period) => (
            <tr
              key={period.label}
              className={period.status === 'MISSED' && period.closed ? 'row-missed' : undefined}
            >
              <th scope="row">
                {period.label}
                <span className="muted period-days">{periodDays(period, timeZone)}</span>
              </th>
              <td className="numeric">{formatCompliance(period.compliance, period.target)}</td>
              <td>{formatInterval(period.complianceInterval)}</td>
              <td className="numeric">{formatNumber(period.valid)}</td>
              <td>
                {period.closed ? STATUS_LABELS[period.status] : `${openPeriodWord(period)} (running)`}
                {period.definitionVersion > 1 && (
                  <span className="muted"> · version {period.definitionVersion}</span>
                )}
              </td>
              <td>{describeBudget(period.budgetLeft, period.valid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
