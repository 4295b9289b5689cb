import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../generated/gql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { invitationTokenFrom } from './invitation-token';
import { useMutationForm } from '../forms/useMutationForm';
import { useStartSession } from './useStartSession';

export const ConfirmSignUpMutation = graphql(`
  mutation ConfirmSignUp($input: ConfirmSignUpInput!) {
    confirmSignUp(input: $input) {
      member {
        id
        name
        role
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['password'] as const;

/** Why a link cannot be used, as the API said it, and whether the account it was for exists by now. */
interface Unusable {
  message: string;
  accountExists: boolean;
}

/**
 * Where the emailed sign-up link lands (`/sign-up/confirm#token=…`). The password chosen at sign-up finishes it:
 * the link alone would let whoever typed someone else's address have that person create an account they control.
 */
export function ConfirmSignUpPage() {
  // Like an invitation's, the token travels in the fragment, which never reaches a server log or a Referer.
  const token = invitationTokenFrom(useLocation().hash);
  const [confirm] = useMutation(ConfirmSignUpMutation);
  const { formRef, pending, errors, failure, onSubmit, showGeneral } = useMutationForm(FIELDS);
  const startSession = useStartSession(showGeneral);
  const [unusable, setUnusable] = useState<Unusable | null>(null);
  const submit = onSubmit(async ({ password }) => {
    const result = (await confirm({ variables: { input: { token: token ?? '', password } } })).data
      ?.confirmSignUp;
    const linkError = result?.userErrors.find((error) => error.field === 'token');
    if (linkError) {
      setUnusable({
        message: linkError.message,
        accountExists: linkError.code === 'CONFLICT' || linkError.code === 'TAKEN',
      });
    }
    return result;
  }, startSession);

  return (
    <>
      <title>Finish creating your account · Service Programme</title>
      <h1>Finish creating your account</h1>
      {!token ? (
        <LinkUnusable
          message="This page needs the whole link from your sign-up email. Open the link from the email again."
          accountExists={false}
        />
      ) : unusable ? (
        <LinkUnusable {...unusable} />
      ) : (
        <>
          <p className="lead">Enter the password you chose when you signed up, and you are in.</p>
          {failure && <ErrorBanner title="Could not create the account">{failure}</ErrorBanner>}
          <MessagesBanner messages={errors.general} />
          <form ref={formRef} className="form" onSubmit={submit}>
            <TextField
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              errors={errors.byField.password}
            />
            <SubmitButton pending={pending} pendingLabel="Creating your account…">
              Create account and sign in
            </SubmitButton>
          </form>
        </>
      )}
    </>
  );
}

function LinkUnusable({ message, accountExists }: Unusable) {
  return (
    <>
      <p className="lead" role="alert">
        {message}
      </p>
      <p className="aside">
        {accountExists ? (
          <Link to="/sign-in">Go to sign in</Link>
        ) : (
          <>
            <Link to="/sign-up">Sign up again</Link> or <Link to="/sign-in">sign in</Link>
          </>
        )}
      </p>
    </>
  );
}
