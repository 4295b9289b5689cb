import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { NewClientForm } from '../clients/NewClientForm';
import { graphql } from '../generated/gql';
import { ErrorBanner } from '../forms/ErrorBanner';
import { describeError } from '../forms/describe-error';
import { CLIENT_STATUS_LABELS, INDUSTRY_LABELS } from '../session/labels';
import { Button } from '../ui/Button';

export const ClientsQuery = graphql(`
  query Clients($first: Int!) {
    clients(first: $first) {
      totalCount
      nodes {
        id
        name
        industry
        status
      }
    }
  }
`);

const PAGE_SIZE = 20;

export function ClientList() {
  const { data, loading, error, refetch } = useQuery(ClientsQuery, { variables: { first: PAGE_SIZE } });
  return (
    <section className="panel" aria-labelledby="clients-heading" aria-busy={loading || undefined}>
      <div className="panel-heading">
        <h2 id="clients-heading">Clients</h2>
        {data && <span className="count">{data.clients.totalCount}</span>}
      </div>
      <NewClientForm />
      {loading ? (
        <p className="muted" role="status">
          Loading clients…
        </p>
      ) : error || !data ? (
        <ErrorBanner title="Could not load the clients">
          <p>{describeError(error)}</p>
          <Button onClick={() => void refetch()}>Try again</Button>
        </ErrorBanner>
      ) : data.clients.nodes.length === 0 ? (
        <div className="empty">
          <p className="empty-title">No clients yet</p>
          <p className="muted">The organisations you serve will be listed here once they are added.</p>
        </div>
      ) : (
        <ClientTable clients={data.clients.nodes} totalCount={data.clients.totalCount} />
      )}
    </section>
  );
}

interface ClientRow {
  id: string;
  name: string;
  industry: keyof typeof INDUSTRY_LABELS;
  status: keyof typeof CLIENT_STATUS_LABELS;
}

function ClientTable({ clients, totalCount }: { clients: readonly ClientRow[]; totalCount: number }) {
  return (
    <div className="table-wrap">
      <table className="table">
        {totalCount > clients.length && (
          <caption>
            The first {clients.length} of {totalCount} clients, by name
          </caption>
        )}
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Industry</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.id}>
              <th scope="row">
                <Link to={`/clients/${client.id}`}>{client.name}</Link>
              </th>
              <td>{INDUSTRY_LABELS[client.industry]}</td>
              <td>
                <span className={`status status-${client.status.toLowerCase()}`}>
                  {CLIENT_STATUS_LABELS[client.status]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
