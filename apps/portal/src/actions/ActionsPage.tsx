import { useQuery } from '@apollo/client/react';
import { ACTION_STATUS_LABELS } from '@csp/domain';
import { useSearchParams } from 'react-router';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { graphql } from '../generated/gql';
import type { ActionStatus } from '../generated/graphql';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ActionRow } from './ActionRow';

export const ActionsQuery = graphql(`
  query Actions($clientId: ID, $ownerId: ID, $mine: Boolean, $status: ActionStatus, $overdue: Boolean) {
    actions(
      first: 100
      clientId: $clientId
      ownerId: $ownerId
      mine: $mine
      status: $status
      overdue: $overdue
    ) {
      totalCount
      nodes {
        ...ActionSummary
      }
    }
    members(first: 100) {
      nodes {
        id
        name
      }
    }
    clients(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** Actions across clients; the filters live in the URL so a filtered list can be linked and gone back to. */
export function ActionsPage() {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? '';
  const variables = {
    clientId: params.get('clientId') || null,
    ownerId: owner && owner !== 'mine' ? owner : null,
    mine: owner === 'mine' ? true : null,
    status: (params.get('status') || null) as ActionStatus | null,
    overdue: params.get('overdue') === '1' ? true : null,
  };
  const { data, previousData, loading, error, refetch } = useQuery(ActionsQuery, { variables });
  const shown = data ?? previousData;
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <>
      <title>Actions · Service Programme</title>
      <div className="page-heading">
        <h1>Actions</h1>
        <p className="lead">Every follow-up across your clients, soonest due first.</p>
      </div>
      <form className="filters" aria-label="Filter actions" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="clientId"
          label="Client"
          placeholder="All clients"
          value={params.get('clientId') ?? ''}
          onChange={(e) => setFilter('clientId', e.target.value)}
          options={(shown?.clients.nodes ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="owner"
          label="Owner"
          placeholder="Anyone"
          value={owner}
          onChange={(e) => setFilter('owner', e.target.value)}
          options={[
            { value: 'mine', label: 'Mine' },
            ...(shown?.members.nodes ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <SelectField
          name="status"
          label="Status"
          placeholder="Any status"
          value={params.get('status') ?? ''}
          onChange={(e) => setFilter('status', e.target.value)}
          options={optionsFrom(ACTION_STATUS_LABELS)}
        />
        <label className="inline-check">
          <input
            type="checkbox"
            checked={params.get('overdue') === '1'}
            onChange={(e) => setFilter('overdue', e.target.checked ? '1' : '')}
          />{' '}
          Overdue only
        </label>
      </form>
      <section className="panel" aria-label="Actions" aria-busy={loading || undefined}>
        <QueryState loading={loading} error={error} what="actions" retry={refetch} hasData={Boolean(shown)}>
          {shown?.actions.nodes.length === 0 ? (
            <EmptyState title="No actions match these filters" />
          ) : (
            <ul className="item-list">
              {shown?.actions.nodes.map((action) => (
                <ActionRow key={action.id} action={action} showClient />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </>
  );
}
