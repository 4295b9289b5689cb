import { useQuery } from '@apollo/client/react';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { OwnActionItem } from './OwnActionItem';
import { OwnActionsQuery } from './documents';

/** The actions assigned to the signed-in leader. */
export function OwnActions() {
  const { data, loading, error, refetch } = useQuery(OwnActionsQuery);
  const actions = data?.actions.nodes ?? [];
  return (
    <Panel title="Your actions" count={data ? actions.length : undefined}>
      <QueryState loading={loading} error={error} what="your actions" retry={refetch} hasData={Boolean(data)}>
        {actions.length === 0 ? (
          <EmptyState title="No actions assigned to you" />
        ) : (
          <ul className="item-list">
            {actions.map((action) => (
              <OwnActionItem key={action.id} action={action} />
            ))}
          </ul>
        )}
      </QueryState>
    </Panel>
  );
}
