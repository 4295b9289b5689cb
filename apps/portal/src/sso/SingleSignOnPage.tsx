import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { AccessRequests } from './AccessRequests';
import { AddConnection } from './AddConnection';
import { CertificateExpiryBanner } from './CertificateExpiryBanner';
import { ConnectionCard } from './ConnectionCard';
import { SsoConnectionsQuery } from './documents';
import './sso.css';

/**
 * Single sign-on for the consultancy: connections to identity providers, the domains they sign in, the roles new
 * people get, SSO-only with its break-glass admin, and the people waiting for access.
 */
export function SingleSignOnPage() {
  const { data, loading, error, refetch } = useQuery(SsoConnectionsQuery);
  const connections = data?.ssoConnections ?? [];
  return (
    <>
      <title>Single sign-on · Service Programme</title>
      <div className="page-heading">
        <p>
          <Link to="/admin">← Members and invitations</Link>
        </p>
        <h1>Single sign-on</h1>
        <p className="lead">
          Let your people sign in with your organisation’s identity provider, such as Entra ID, Okta or
          Google.
        </p>
      </div>
      <CertificateExpiryBanner linkToPage={false} />
      <div className="stack">
        <QueryState
          loading={loading}
          error={error}
          what="connections"
          retry={refetch}
          hasData={Boolean(data)}
        >
          {connections.length === 0 ? (
            <Panel title="Connections" count={0}>
              <EmptyState title="No connections yet">
                Add one below; once your email domain is verified, your people can sign in through it.
              </EmptyState>
            </Panel>
          ) : (
            connections.map((connection) => (
              <ConnectionCard
                key={connection.id}
                connection={connection}
                members={data?.members.nodes ?? []}
                clients={data?.clients.nodes ?? []}
              />
            ))
          )}
        </QueryState>
        <AccessRequests />
        <Panel title="Add a connection">
          <AddConnection />
        </Panel>
      </div>
    </>
  );
}
