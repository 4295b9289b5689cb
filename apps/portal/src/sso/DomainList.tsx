import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import type { SsoConnectionFieldsFragment } from '../generated/graphql';
import { Button } from '../ui/Button';
import { CopyField } from '../ui/CopyField';
import { formatDate } from '../ui/format';
import { EmptyState } from '../ui/QueryState';
import { RemoveSsoDomainMutation, VerifySsoDomainMutation } from './documents';

type Domain = SsoConnectionFieldsFragment['domains'][number];

/** The connection's email domains: verified ones route their people to the provider; others say what to publish. */
export function DomainList({ domains }: { domains: readonly Domain[] }) {
  if (domains.length === 0)
    return (
      <EmptyState title="No domains yet">
        Add the email domain your people sign in with, such as example.com. Nobody is sent to the provider
        until the domain is verified.
      </EmptyState>
    );
  return (
    <ul className="sso-domains">
      {domains.map((domain) => (
        <li key={domain.id}>
          <p className="sso-domain-heading">
            <span className="item-title">{domain.domain}</span>{' '}
            {domain.verifiedAt ? (
              <span className="tag status-done">Verified {formatDate(domain.verifiedAt)}</span>
            ) : (
              <span className="tag">Not verified yet</span>
            )}
          </p>
          {!domain.verifiedAt && <VerificationRecord domain={domain} />}
          <RemoveDomainButton domain={domain} />
        </li>
      ))}
    </ul>
  );
}

function VerificationRecord({ domain }: { domain: Domain }) {
  const [verify] = useMutation(VerifySsoDomainMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <div className="sso-verification">
      <p className="muted">
        Publish this TXT record in the DNS of {domain.domain}, then verify. DNS changes can take a while to
        show.
      </p>
      <CopyField label="TXT record name" value={domain.verificationRecordName} />
      <CopyField label="TXT record value" value={domain.verificationRecordValue} />
      <FormProblems failure={failure} errors={errors} title="Could not verify" />
      <Button
        variant="primary"
        size="small"
        disabled={pending}
        aria-label={`Verify ${domain.domain} now`}
        onClick={() =>
          void run(
            async () => (await verify({ variables: { input: { id: domain.id } } })).data?.verifySsoDomain,
          )
        }
      >
        {pending ? 'Looking it up…' : 'Verify now'}
      </Button>
    </div>
  );
}

function RemoveDomainButton({ domain }: { domain: Domain }) {
  const [remove] = useMutation(RemoveSsoDomainMutation, { refetchQueries: ['SsoConnections'] });
  const { pending, errors, failure, run } = useMutationForm([]);
  return (
    <>
      <FormProblems failure={failure} errors={errors} title="Could not remove" />
      <Button
        size="small"
        disabled={pending}
        aria-label={`Remove the domain ${domain.domain}`}
        onClick={() => {
          const question = domain.verifiedAt
            ? `Remove ${domain.domain}? Its people go back to signing in with passwords (an admin may have to reset them).`
            : `Remove ${domain.domain}?`;
          if (!window.confirm(question)) return;
          void run(
            async () => (await remove({ variables: { input: { id: domain.id } } })).data?.removeSsoDomain,
          );
        }}
      >
        Remove
      </Button>
    </>
  );
}
