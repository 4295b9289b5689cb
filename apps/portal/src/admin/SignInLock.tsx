import { useMutation } from '@apollo/client/react';
import { FormProblems } from '../forms/FormProblems';
import { useMutationForm } from '../forms/useMutationForm';
import { graphql } from '../generated/gql';
import { formatDateTime } from '../ui/format';
import { Button } from '../ui/Button';

export const UnlockMemberSignInMutation = graphql(`
  mutation UnlockMemberSignIn($input: UnlockMemberSignInInput!) {
    unlockMemberSignIn(input: $input) {
      member {
        id
        signInLockedUntil
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface SignInLockProps {
  member: { id: string; name: string; signInLockedUntil?: string | null };
}

/**
 * A member whose sign-in is locked after too many wrong passwords: until when, and the admin's way to lift it now.
 * The answer carries the member with its lock cleared, so Apollo's cache updates the row without a refetch.
 */
export function SignInLock({ member }: SignInLockProps) {
  const [unlock] = useMutation(UnlockMemberSignInMutation);
  const { pending, errors, failure, run } = useMutationForm([]);
  if (!member.signInLockedUntil) return null;
  return (
    <>
      <span className="tag tag-danger">Locked until {formatDateTime(member.signInLockedUntil)}</span>
      <Button
        size="small"
        disabled={pending}
        aria-label={`Unlock sign-in for ${member.name}`}
        onClick={() =>
          void run(
            async () =>
              (await unlock({ variables: { input: { memberId: member.id } } })).data?.unlockMemberSignIn,
          )
        }
      >
        Unlock
      </Button>
      <FormProblems failure={failure} errors={errors} />
    </>
  );
}
