import { useMutation, useQuery } from '@apollo/client/react';
import { ACTION_PRIORITY_LABELS } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { ActionPriority } from '../generated/graphql';
import { Button } from '../ui/Button';

export const ActionOwnersQuery = graphql(`
  query ActionOwners($clientId: ID!) {
    members(first: 100) {
      nodes {
        id
        name
        role
      }
    }
    client(id: $clientId) {
      id
      leaders {
        id
        name
      }
    }
  }
`);

export const CreateActionMutation = graphql(`
  mutation CreateAction($input: CreateActionInput!) {
    createAction(input: $input) {
      action {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['description', 'ownerId', 'dueOn', 'priority'] as const;

interface Source {
  auditId?: string;
  criterionKey?: string;
  /** A charter promise the action follows up (a service level's breach, say). */
  charterId?: string;
  promiseKey?: string;
  /** What the action field starts with, e.g. the figures of a breach. */
  description?: string;
  label?: string;
}

/** Raises an action for a client, optionally from an audit finding or a promise. Folded away until asked for. */
export function NewActionForm({ clientId, source = {} }: { clientId: string; source?: Source }) {
  const [open, setOpen] = useState(false);
  const { data } = useQuery(ActionOwnersQuery, { variables: { clientId }, skip: !open });
  const [create] = useMutation(CreateActionMutation, { refetchQueries: ['ClientActions', 'Actions'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const [done, setDone] = useState(false);
  if (!open) {
    return (
      <p>
        <Button size="small" onClick={() => setOpen(true)}>
          {source.label ?? 'New action'}
        </Button>
        {done && <span role="status"> Action raised.</span>}
      </p>
    );
  }
  const owners = [
    ...(data?.members.nodes ?? [])
      .filter((m) => m.role !== 'CLIENT_LEADER')
      .map((m) => ({ value: m.id, label: m.name })),
    ...(data?.client?.leaders ?? []).map((m) => ({ value: m.id, label: `${m.name} (client leader)` })),
  ];
  const submit = onSubmit(
    async (v) =>
      (
        await create({
          variables: {
            input: {
              clientId,
              description: v.description,
              ownerId: v.ownerId,
              dueOn: orNull(v.dueOn),
              priority: v.priority as ActionPriority,
              auditId: source.auditId ?? null,
              criterionKey: source.criterionKey ?? null,
              charterId: source.charterId ?? null,
              promiseKey: source.promiseKey ?? null,
            },
          },
        })
      ).data?.createAction,
    () => {
      setOpen(false);
      setDone(true);
    },
  );
  return (
    <form
      ref={formRef}
      className="form form-inline"
      onSubmit={submit}
      aria-label={source.label ?? 'New action'}
    >
      <FormProblems failure={failure} errors={errors} />
      <TextField
        name="description"
        label="Action"
        defaultValue={source.description}
        required
        errors={errors.byField.description}
      />
      <SelectField
        name="ownerId"
        label="Owner"
        options={owners}
        disabled={!data}
        errors={errors.byField.ownerId}
      />
      <TextField name="dueOn" label="Due on" type="date" errors={errors.byField.dueOn} />
      <SelectField
        name="priority"
        label="Priority"
        defaultValue="MEDIUM"
        options={optionsFrom(ACTION_PRIORITY_LABELS)}
        errors={errors.byField.priority}
      />
      <div className="form-buttons">
        <SubmitButton pending={pending} pendingLabel="Raising…">
          Raise action
        </SubmitButton>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
