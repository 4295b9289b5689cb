import { useMutation } from '@apollo/client/react';
import { ROLE_LABELS, isFencedRole } from '@csp/domain';
import { useState } from 'react';
import { FormProblems } from '../forms/FormProblems';
import { SelectField, optionsFrom } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import type { Role, SsoConnectionFieldsFragment } from '../generated/graphql';
import { Button } from '../ui/Button';
import { UpdateSsoConnectionMutation } from './documents';

interface Row {
  /** Stable across edits and moves, so React keeps each row's inputs (and focus) with it. */
  key: number;
  group: string;
  role: Role;
  clientId: string;
}

let nextKey = 0;
const rowOf = (mapping?: SsoConnectionFieldsFragment['roleMappings'][number]): Row => ({
  key: nextKey++,
  group: mapping?.group ?? '',
  role: mapping?.role ?? 'CONSULTANT',
  clientId: mapping?.client?.id ?? '',
});

/**
 * Which provider group gets which role on a person's first sign-in, in order: the first match wins. The API
 * answers errors by row (`roleMappings.1.clientId`), so each lands under its own input.
 */
export function RoleMappingsEditor({
  connection,
  clients,
}: {
  connection: SsoConnectionFieldsFragment;
  clients: readonly { id: string; name: string }[];
}) {
  const [rows, setRows] = useState<Row[]>(() => connection.roleMappings.map(rowOf));
  const [saved, setSaved] = useState(false);
  const fields = [
    'roleMappings',
    ...rows.flatMap((_, i) => ['group', 'role', 'clientId'].map((f) => `roleMappings.${i}.${f}`)),
  ];
  const [update] = useMutation(UpdateSsoConnectionMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(fields);

  const change = (key: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const move = (index: number, by: -1 | 1) => {
    setSaved(false);
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      if (row) next.splice(index + by, 0, row);
      return next;
    });
  };
  const remove = (key: number) => {
    setSaved(false);
    setRows((current) => current.filter((row) => row.key !== key));
  };

  const submit = onSubmit(
    async () => {
      const roleMappings = rows.map((row) => ({
        group: row.group,
        role: row.role,
        clientId: isFencedRole(row.role) && row.clientId ? row.clientId : null,
      }));
      return (await update({ variables: { input: { id: connection.id, roleMappings } } })).data
        ?.updateSsoConnection;
    },
    () => setSaved(true),
  );

  return (
    <form ref={formRef} className="form" onSubmit={submit} aria-label={`Role mappings of ${connection.name}`}>
      <p className="muted">
        People get the role of the first group they are in; list narrower groups first. Someone in no mapped
        group asks for access and waits for an admin.
      </p>
      <FormProblems failure={failure} errors={errors} />
      {errors.byField.roleMappings && (
        <div className="field-error">
          {errors.byField.roleMappings.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
      {rows.length === 0 && <p className="muted">No mappings yet: everyone waits for an admin’s approval.</p>}
      {rows.map((row, i) => (
        <fieldset key={row.key} className="fieldset sso-mapping">
          <legend>Mapping {i + 1}</legend>
          <TextField
            name={`roleMappings.${i}.group`}
            label="Group"
            hint={
              i === 0
                ? `A value of the ${connection.groupsClaim} claim, exactly as the provider sends it.`
                : undefined
            }
            value={row.group}
            onChange={(e) => change(row.key, { group: e.target.value })}
            required
            errors={errors.byField[`roleMappings.${i}.group`]}
          />
          <SelectField
            name={`roleMappings.${i}.role`}
            label="Role"
            value={row.role}
            onChange={(e) => change(row.key, { role: e.target.value as Role })}
            options={optionsFrom(ROLE_LABELS)}
            errors={errors.byField[`roleMappings.${i}.role`]}
          />
          {isFencedRole(row.role) && (
            <SelectField
              name={`roleMappings.${i}.clientId`}
              label="Client"
              value={row.clientId}
              onChange={(e) => change(row.key, { clientId: e.target.value })}
              placeholder="Choose a client"
              options={clients.map((c) => ({ value: c.id, label: c.name }))}
              errors={errors.byField[`roleMappings.${i}.clientId`]}
            />
          )}
          <div className="button-row">
            <Button
              size="small"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`Move mapping ${i + 1} up`}
            >
              Move up
            </Button>
            <Button
              size="small"
              disabled={i === rows.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`Move mapping ${i + 1} down`}
            >
              Move down
            </Button>
            <Button size="small" onClick={() => remove(row.key)} aria-label={`Remove mapping ${i + 1}`}>
              Remove
            </Button>
          </div>
        </fieldset>
      ))}
      <div className="form-buttons">
        <Button
          onClick={() => {
            setSaved(false);
            setRows((current) => [...current, rowOf()]);
          }}
        >
          Add a mapping
        </Button>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save role mappings
        </SubmitButton>
        {saved && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
