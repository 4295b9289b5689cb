import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { Panel } from '../ui/Panel';
import { EmptyState } from '../ui/QueryState';
import { QueryResult } from '../ui/QueryResult';
import { CLIENT_NOT_FOUND } from '../clients/client-not-found';

export const RoleProfilesQuery = graphql(`
  query RoleProfiles($clientId: ID!) {
    client(id: $clientId) {
      id
      name
      roleProfiles {
        id
        title
        weightTotal
        ready
        candidates {
          rank
        }
      }
    }
  }
`);

export const CreateRoleProfileMutation = graphql(`
  mutation CreateRoleProfile($input: CreateRoleProfileInput!) {
    createRoleProfile(input: $input) {
      roleProfile {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A client's role profiles for customer-contact staff, and a way to start one. */
export function HiringPage() {
  const { clientId = '' } = useParams();
  const query = useQuery(RoleProfilesQuery, { variables: { clientId } });
  const [create] = useMutation(CreateRoleProfileMutation);
  const navigate = useNavigate();
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(['title'] as const);
  const submit = onSubmit(
    async (v) =>
      (await create({ variables: { input: { clientId, title: v.title, criteria: [] } } })).data
        ?.createRoleProfile,
    (_form, payload) => {
      if (payload.roleProfile) void navigate(`/hiring/${payload.roleProfile.id}`);
    },
  );
  return (
    <QueryResult
      query={query}
      what="role profiles"
      select={(data) => data.client}
      notFound={CLIENT_NOT_FOUND}
    >
      {(client) => (
        <>
          <title>{`Hiring · ${client.name} · Service Programme`}</title>
          <div className="page-heading">
            <p className="eyebrow">
              <Link to={`/clients/${clientId}`}>{client.name}</Link>
            </p>
            <h1>Hiring criteria</h1>
            <p className="lead">
              Role profiles for customer-contact staff, weighted criteria, and candidates ranked.
            </p>
          </div>
          <Panel title="Role profiles" count={client.roleProfiles.length}>
            <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="New role profile">
              <FormProblems failure={failure} errors={errors} />
              <TextField name="title" label="New role" required errors={errors.byField.title} />
              <SubmitButton pending={pending} pendingLabel="Creating…">
                Create profile
              </SubmitButton>
            </form>
            {client.roleProfiles.length === 0 ? (
              <EmptyState title="No role profiles yet" />
            ) : (
              <ul className="item-list">
                {client.roleProfiles.map((p) => (
                  <li key={p.id}>
                    <Link to={`/hiring/${p.id}`} className="item-title">
                      {p.title}
                    </Link>
                    <span className="muted">
                      Weights total {p.weightTotal} · {p.candidates.length} candidates
                    </span>
                    <span className={p.ready ? 'tag' : 'tag tag-danger'}>
                      {p.ready ? 'Ready' : 'Not ready'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
    </QueryResult>
  );
}
