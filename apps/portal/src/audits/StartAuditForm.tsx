import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { FormProblems } from '../forms/FormProblems';
import { SelectField } from '../forms/SelectField';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { orNull, useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';

export const AuditFrameworksQuery = graphql(`
  query AuditFrameworks {
    auditFrameworks {
      key
      version
      name
    }
  }
`);

export const CreateAuditMutation = graphql(`
  mutation CreateAudit($input: CreateAuditInput!) {
    createAudit(input: $input) {
      audit {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['frameworkKey', 'conductedOn'] as const;

/** Starts a draft audit on a chosen framework and opens it for scoring. */
export function StartAuditForm({ clientId }: { clientId: string }) {
  const { data, error } = useQuery(AuditFrameworksQuery);
  const [create] = useMutation(CreateAuditMutation, { refetchQueries: ['ClientAudits'] });
  const navigate = useNavigate();
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  let createdId: string | undefined;
  const submit = onSubmit(
    async (v) => {
      const payload = (
        await create({
          variables: {
            input: { clientId, frameworkKey: v.frameworkKey, conductedOn: orNull(v.conductedOn) },
          },
        })
      ).data?.createAudit;
      createdId = payload?.audit?.id;
      return payload;
    },
    () => {
      if (createdId) void navigate(`/audits/${createdId}`);
    },
  );
  if (error) return <FormProblems failure="Could not load the audit frameworks." errors={errors} />;
  return (
    <form ref={formRef} className="form form-inline" onSubmit={submit} aria-label="Start an audit">
      <FormProblems failure={failure} errors={errors} />
      <SelectField
        name="frameworkKey"
        label="Framework"
        disabled={!data}
        options={(data?.auditFrameworks ?? []).map((f) => ({ value: f.key, label: f.name }))}
        errors={errors.byField.frameworkKey}
      />
      <TextField name="conductedOn" label="Conducted on" type="date" errors={errors.byField.conductedOn} />
      <SubmitButton pending={pending} pendingLabel="Starting…">
        Start audit
      </SubmitButton>
    </form>
  );
}
