import { useQuery } from '@apollo/client/react';
import { formatNumber } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ComplaintPatternsQuery } from './documents';

const hours = (value: number | null | undefined) => (value == null ? '—' : `${value.toFixed(1)} h`);

/**
 * The patterns of a client's complaints (docs/complaints.md): monthly counts per category with the rising flag, time
 * to resolve per month, and complaints per 1,000 contacts where a service level counts them.
 */
export function ComplaintPatternsView({ clientId }: { clientId: string }) {
  const query = useQuery(ComplaintPatternsQuery, { variables: { clientId, months: 12 } });
  const patterns = query.data?.client?.complaintPatterns;
  return (
    <Panel title="Patterns">
      <QueryState
        loading={query.loading}
        error={query.error}
        what="the complaint patterns"
        retry={() => query.refetch()}
        hasData={Boolean(patterns)}
      >
        {patterns && patterns.totals.every((n) => n === 0) ? (
          <EmptyState title="No complaints in the last 12 months">
            Patterns appear once complaints are logged.
          </EmptyState>
        ) : (
          patterns && (
            <>
              <p className="muted">Months in {patterns.timeZone}.</p>
              <div className="table-scroll">
                <table>
                  <caption>Complaints per month and category</caption>
                  <thead>
                    <tr>
                      <th scope="col">Category</th>
                      {patterns.months.map((m) => (
                        <th key={m} scope="col">
                          {m}
                        </th>
                      ))}
                      <th scope="col">This month</th>
                    </tr>
                  </thead>
                  <tbody>
                    {patterns.categories.map((c) => (
                      <tr key={c.category.id}>
                        <th scope="row">{c.category.name}</th>
                        {c.counts.map((n, i) => (
                          <td key={patterns.months[i]}>{n}</td>
                        ))}
                        <td>
                          {c.rising.rising ? (
                            <strong className="rising">
                              Rising: {c.rising.count} against a usual {c.rising.trailingMean.toFixed(1)}
                            </strong>
                          ) : (
                            'As usual'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <table>
                <caption>Time to resolve (complaints received in the month)</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Resolved</th>
                    <th scope="col">Median</th>
                    <th scope="col">90th percentile</th>
                  </tr>
                </thead>
                <tbody>
                  {patterns.timeToResolve.map((m) => (
                    <tr key={m.month}>
                      <th scope="row">{m.month}</th>
                      <td>{m.resolved}</td>
                      <td>{hours(m.medianHours)}</td>
                      <td>{hours(m.p90Hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {patterns.rates.map((rate) => (
                <table key={rate.serviceLevel.id}>
                  <caption>Complaints per 1,000 contacts ({rate.serviceLevel.name})</caption>
                  <tbody>
                    {patterns.months.map((m, i) => (
                      <tr key={m}>
                        <th scope="row">{m}</th>
                        <td>{formatNumber(rate.contacts[i] ?? 0)} contacts</td>
                        <td>{rate.perThousand[i] == null ? '—' : rate.perThousand[i]!.toFixed(2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </>
          )
        )}
      </QueryState>
    </Panel>
  );
}
