import { useQuery } from '@apollo/client/react';
import { formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ApproveAccessRequestForm } from './ApproveAccessRequestForm';
import { SsoAccessRequestsQuery } from './documents';

/** People the provider vouched for whose groups map to no role: an admin gives them one, or declines. */
export function AccessRequests() {
  const { data, loading, error, refetch } = useQuery(SsoAccessRequestsQuery);
  const requests = data?.ssoAccessRequests ?? [];
  return (
    <Panel title="Access requests" count={data ? requests.length : undefined}>
      <QueryState
        loading={loading}
        error={error}
        what="access requests"
        retry={refetch}
        hasData={Boolean(data)}
      >
        {requests.length === 0 ? (
          <EmptyState title="Nobody is waiting">
            When someone signs in through a provider and none of their groups has a role, they appear here.
          </EmptyState>
        ) : (
          <ul className="item-list">
            {requests.map((request) => (
              <li key={request.id}>
                <span className="item-title">
                  {request.name} · {request.email}
                </span>
                <span className="muted">
                  Through {request.connection.name} · asked {formatDateTime(request.requestedAt)}
                </span>
                <span className="sso-request-groups">
                  {request.groups.length === 0 ? (
                    <span className="muted">No groups sent</span>
                  ) : (
                    request.groups.map((group) => (
                      <span key={group} className="tag">
                        {group}
                      </span>
                    ))
                  )}
                </span>
                <ApproveAccessRequestForm request={request} clients={data?.clients.nodes ?? []} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
