import { useQuery } from '@apollo/client/react';
import { AUDIT_STATUS_LABELS } from '@csp/domain';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { formatDate, formatScore } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { StartAuditForm } from './StartAuditForm';

export const ClientAuditsQuery = graphql(`
  query ClientAudits($clientId: ID!) {
    client(id: $clientId) {
      id
      audits {
        id
        title
        status
        conductedOn
        framework {
          key
          name
        }
        scores {
          overall
          flagged
        }
      }
    }
  }
`);

export function ClientAudits({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ClientAuditsQuery, { variables: { clientId } });
  const audits = data?.client?.audits ?? [];
  return (
    <Panel title="Audits" count={data ? audits.length : undefined}>
      <StartAuditForm clientId={clientId} />
      <QueryState loading={loading} error={error} what="audits" retry={refetch} hasData={Boolean(data)}>
        {audits.length === 0 ? (
          <EmptyState title="No audits yet">Start one from a framework above.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Audit</th>
                  <th scope="col">Conducted</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="numeric">
                    Overall
                  </th>
                </tr>
              </thead>
              <tbody>
                {audits.map((audit) => (
                  <tr key={audit.id}>
                    <th scope="row">
                      <Link to={`/audits/${audit.id}`}>{audit.title}</Link>
                    </th>
                    <td>{formatDate(audit.conductedOn)}</td>
                    <td>{AUDIT_STATUS_LABELS[audit.status]}</td>
                    <td className="numeric">
                      {formatScore(audit.scores.overall)}
                      {audit.scores.flagged && <span className="tag tag-danger">Flagged</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </Panel>
  );
}
