import { useMutation, useQuery } from '@apollo/client/react';
import { API_SCOPE_LABELS, API_SCOPES } from '@csp/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import type { ApiScope } from '../generated/graphql';
import { formatDate } from '../ui/format';
import { Panel } from '../ui/Panel';
import { EmptyState, QueryState } from '../ui/QueryState';
import { ApiKeySecret } from './ApiKeySecret';
import { Button } from '../ui/Button';

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      hint
      scopes
      status
      client {
        id
        name
      }
      createdAt
      expiresAt
      lastUsedAt
    }
    clients(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        name
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const STATUS = { ACTIVE: 'Active', REVOKED: 'Revoked', EXPIRED: 'Expired' } as const;

/** A scope's area: CLIENTS_READ → CLIENTS, SERVICE_LEVELS_WRITE → SERVICE_LEVELS. */
const areaOf = (scope: string) => scope.replace(/_(READ|WRITE)$/, '');

/** Scopes grouped by area: CLIENTS_READ and CLIENTS_WRITE under "Clients", the service levels' under "Service levels". */
const AREAS = [...new Set(API_SCOPES.map(areaOf))].map((area) => ({
  area,
  label: area.charAt(0) + area.slice(1).toLowerCase().replaceAll('_', ' '),
  scopes: API_SCOPES.filter((s) => areaOf(s) === area),
}));

const FIELDS = ['name', 'scopes', 'clientId', 'expiresAt'] as const;

export function CreateApiKeyForm({ clients }: { clients: readonly { id: string; name: string }[] }) {
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [create] = useMutation(CreateApiKeyMutation, { refetchQueries: ['ApiKeys'] });
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  let secret: { name: string; secret: string } | null = null;
  const submit = onSubmit(
    async (v) => {
      setCreated(null);
      const scopes = new FormData(formRef.current ?? undefined).getAll('scopes').map(String) as ApiScope[];
      const expires = orNull(v.expiresAt);
      const payload = (
        await create({
          variables: {
            input: {
              name: v.name,
              scopes,
              clientId: orNull(v.clientId),
              expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
            },
          },
        })
      ).data?.createApiKey;
      secret = payload?.secret ? { name: payload.apiKey?.name ?? v.name, secret: payload.secret } : null;
      return payload;
    },
    (form) => {
      setCreated(secret);
      form.reset();
    },
  );
  const scopeErrors = errors.byField.scopes ?? [];
  return (
    <>
      {created && (
        <ApiKeySecret name={created.name} secret={created.secret} onDone={() => setCreated(null)} />
      )}
      <form ref={formRef} className="form" onSubmit={submit} aria-label="Create an API key">
        <FormProblems failure={failure} errors={errors} />
        <TextField name="name" label="Name" required errors={errors.byField.name} />
        <fieldset
          className={scopeErrors.length > 0 ? 'fieldset field-invalid' : 'fieldset'}
          aria-describedby={scopeErrors.length > 0 ? 'api-key-scopes-error' : undefined}
        >
          <legend>Scopes</legend>
          {AREAS.map((group) => (
            <fieldset key={group.area} className="fieldset">
              <legend>{group.label}</legend>
              {group.scopes.map((scope) => (
                <label key={scope} className="checkbox">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    aria-invalid={scopeErrors.length > 0 ? true : undefined}
                  />{' '}
                  {API_SCOPE_LABELS[scope]}
                </label>
              ))}
            </fieldset>
          ))}
          {scopeErrors.length > 0 && (
            <div id="api-key-scopes-error" className="field-error">
              {scopeErrors.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </div>
          )}
        </fieldset>
        <SelectField
          name="clientId"
          label="Client (optional)"
          placeholder="All clients"
          options={clients.map((c) => ({ value: c.id, label: c.name }))}
          errors={errors.byField.clientId}
        />
        <TextField
          name="expiresAt"
          label="Expires on (optional)"
          type="date"
          errors={errors.byField.expiresAt}
        />
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </form>
    </>
  );
}

function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [revoke] = useMutation(RevokeApiKeyMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Revoke the API key ${name}`}
        onClick={() => {
          if (!window.confirm(`Revoke the API key “${name}”? It stops working at once.`)) return;
          void run(async () => (await revoke({ variables: { input: { id } } })).data?.revokeApiKey);
        }}
      >
        Revoke
      </Button>
      <FormProblems failure={failure} errors={errors} />
    </>
  );
}

/** Keys for third parties: create (the secret is shown once), see what each may do, revoke. */
export function ApiKeysPage() {
  const { data, loading, error, refetch } = useQuery(ApiKeysQuery);
  return (
    <>
      <title>API keys · Service Programme</title>
      <div className="page-heading">
        <p>
          <Link to="/admin">← Members and invitations</Link>
        </p>
        <h1>API keys</h1>
        <p className="lead">
          Keys let other systems read or change the programme, within the scopes you grant.
        </p>
      </div>
      <QueryState loading={loading} error={error} what="API keys" retry={refetch} hasData={Boolean(data)}>
        {data && (
          <div className="stack">
            <Panel title="Create a key">
              <CreateApiKeyForm clients={data.clients.nodes} />
            </Panel>
            <Panel title="Keys" count={data.apiKeys.length}>
              {data.apiKeys.length === 0 ? (
                <EmptyState title="No API keys yet" />
              ) : (
                <ul className="item-list">
                  {data.apiKeys.map((key) => (
                    <li key={key.id}>
                      <span className="item-title">{key.name}</span>
                      <span className="muted">
                        <code>
                          {key.prefix}…{key.hint}
                        </code>
                        {key.client && ` · ${key.client.name}`} · created {formatDate(key.createdAt)}
                        {key.expiresAt && ` · expires ${formatDate(key.expiresAt)}`} ·{' '}
                        {key.lastUsedAt ? `last used ${formatDate(key.lastUsedAt)}` : 'never used'}
                      </span>
                      <span className="muted">{key.scopes.map((s) => API_SCOPE_LABELS[s]).join('; ')}</span>
                      <span className="tag">{STATUS[key.status]}</span>
                      {key.status === 'ACTIVE' && <RevokeApiKeyButton id={key.id} name={key.name} />}
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          </div>
        )}
      </QueryState>
    </>
  );
}
