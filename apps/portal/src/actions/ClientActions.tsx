import { useQuery } from '@apollo/client/react';
import { graphql } from '../generated/gql';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ActionRow } from './ActionRow';
import { NewActionForm } from './NewActionForm';

export const ClientActionsQuery = graphql(`
  query ClientActions($clientId: ID!) {
    client(id: $clientId) {
      id
      actions {
        ...ActionSummary
      }
    }
  }
`);

/** The client's actions, soonest due first, and a form to raise one. */
export function ClientActions({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(ClientActionsQuery, { variables: { clientId } });
  const actions = data?.client?.actions ?? [];
  return (
    <Panel title="Actions" count={data ? actions.length : undefined}>
      <NewActionForm clientId={clientId} />
      <QueryState loading={loading} error={error} what="actions" retry={refetch} hasData={Boolean(data)}>
        {actions.length === 0 ? (
          <EmptyState title="No actions for this client" />
        ) : (
          <ul className="item-list">
            {actions.map((action) => (
              <ActionRow key={action.id} action={action} />
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
