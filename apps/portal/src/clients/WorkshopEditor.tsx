import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextAreaField } from '../forms/TextAreaField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { formatDateTime } from '../ui/format';
import { Panel } from '../ui/Panel';
import { QueryState } from '../ui/QueryState';
import { WorkshopEntries, type Entry } from './WorkshopEntries';

export const WorkshopQuery = graphql(`
  query Workshop($clientId: ID!) {
    client(id: $clientId) {
      id
      workshop {
        beliefs {
          id
          statement
          linked
        }
        values {
          id
          statement
          linked
        }
        commonPurpose
        pointOfDifferentiation
        gaps
        updatedAt
      }
    }
  }
`);

export const SaveWorkshopMutation = graphql(`
  mutation SaveWorkshop($input: SaveDifferentiationWorkshopInput!) {
    saveDifferentiationWorkshop(input: $input) {
      workshop {
        gaps
        updatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The four-step differentiation workshop: loads once, then edits locally until saved whole. */
export function WorkshopEditor({ clientId }: { clientId: string }) {
  const { data, loading, error, refetch } = useQuery(WorkshopQuery, { variables: { clientId } });
  const workshop = data?.client?.workshop;
  return (
    <Panel title="Differentiation workshop">
      <QueryState
        loading={loading}
        error={error}
        what="the workshop"
        retry={refetch}
        hasData={Boolean(workshop)}
      >
        {workshop && <WorkshopForm clientId={clientId} workshop={workshop} />}
      </QueryState>
    </Panel>
  );
}

const FIELDS = ['beliefs', 'values', 'commonPurpose', 'pointOfDifferentiation'] as const;

interface WorkshopData {
  beliefs: readonly Entry[];
  values: readonly Entry[];
  commonPurpose: string | null;
  pointOfDifferentiation: string | null;
  gaps: readonly string[];
  updatedAt: string | null;
}

function WorkshopForm({ clientId, workshop }: { clientId: string; workshop: WorkshopData }) {
  const [beliefs, setBeliefs] = useState<Entry[]>(() => workshop.beliefs.map((e) => ({ ...e })));
  const [values, setValues] = useState<Entry[]>(() => workshop.values.map((e) => ({ ...e })));
  const [save] = useMutation(SaveWorkshopMutation, { refetchQueries: ['Workshop'] });
  const { formRef, pending, errors, failure, run } = useMutationForm(FIELDS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const entries = (list: Entry[]) =>
      list.filter((e) => e.statement.trim()).map((e) => ({ statement: e.statement, linked: e.linked }));
    await run(
      async () =>
        (
          await save({
            variables: {
              input: {
                clientId,
                beliefs: entries(beliefs),
                values: entries(values),
                commonPurpose: orNull(String(data.get('commonPurpose') ?? '')),
                pointOfDifferentiation: orNull(String(data.get('pointOfDifferentiation') ?? '')),
              },
            },
          })
        ).data?.saveDifferentiationWorkshop,
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label="Differentiation workshop">
      <FormProblems failure={failure} errors={errors} />
      <WorkshopEntries
        legend="1. Common beliefs customers hold about the industry"
        noun="belief"
        entries={beliefs}
        onChange={setBeliefs}
        errors={errors.byField.beliefs}
      />
      <WorkshopEntries
        legend="2. What the team values as customers"
        noun="value"
        entries={values}
        onChange={setValues}
        errors={errors.byField.values}
      />
      <TextAreaField
        name="commonPurpose"
        label="3. Common purpose"
        hint="The deeper why that answers the beliefs."
        defaultValue={workshop.commonPurpose ?? ''}
        errors={errors.byField.commonPurpose}
      />
      <TextAreaField
        name="pointOfDifferentiation"
        label="4. Point of differentiation"
        hint="The one area chosen to stand out; tick the beliefs it breaks and the values it serves above."
        defaultValue={workshop.pointOfDifferentiation ?? ''}
        errors={errors.byField.pointOfDifferentiation}
      />
      {workshop.gaps.length > 0 && (
        <div className="banner banner-note">
          <p className="banner-title">Still to do</p>
          <ul>
            {workshop.gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted">Last saved {formatDateTime(workshop.updatedAt)}</p>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save workshop
      </SubmitButton>
    </form>
  );
}
