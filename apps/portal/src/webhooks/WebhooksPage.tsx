import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { WebhookEndpointsQuery } from './documents';
import { EndpointCard } from './EndpointCard';
import { RegisterEndpointForm } from './RegisterEndpointForm';

/** Endpoints that other systems register to be told when something happens, and how each delivery went. */
export function WebhooksPage() {
  const { data, loading, error, refetch } = useQuery(WebhookEndpointsQuery);
  const endpoints = data?.webhookEndpoints;
  return (
    <>
      <title>Webhooks · Service Programme</title>
      <div className="page-heading">
        <p>
          <Link to="/admin">← Members and invitations</Link>
        </p>
        <h1>Webhooks</h1>
        <p className="lead">
          Webhooks tell your other systems when something happens: each event is posted, signed, to the
          endpoints that asked for it.
        </p>
      </div>
      <div className="stack">
        <Panel title="Register an endpoint">
          <RegisterEndpointForm />
        </Panel>
        <Panel title="Endpoints" count={endpoints?.totalCount}>
          <QueryState
            loading={loading}
            error={error}
            what="endpoints"
            retry={refetch}
            hasData={Boolean(data)}
          >
            {endpoints && endpoints.nodes.length === 0 ? (
              <EmptyState title="No endpoints yet">
                Register one to have events sent to your systems.
              </EmptyState>
            ) : (
              <ul className="card-list">
                {endpoints?.nodes.map((endpoint) => (
                  <EndpointCard key={endpoint.id} endpoint={endpoint} />
                ))}
              </ul>
            )}
          </QueryState>
        </Panel>
      </div>
    </>
  );
}
