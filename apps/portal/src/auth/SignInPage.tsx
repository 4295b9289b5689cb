import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { useStartSession } from './useStartSession';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
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

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const [signIn] = useMutation(SignInMutation);
  const { formRef, pending, errors, failure, onSubmit, showGeneral } = useMutationForm(FIELDS);
  const startSession = useStartSession(showGeneral);
  const submit = onSubmit(
    async (input) => (await signIn({ variables: { input } })).data?.signIn,
    startSession,
  );

  return (
    <>
      <title>Sign in · Service Programme</title>
      <h1>Sign in</h1>
      <p className="lead">Welcome back. Pick up where your programmes left off.</p>
      {failure && <ErrorBanner title="Could not sign in">{failure}</ErrorBanner>}
      <MessagesBanner messages={errors.general} />
      <form ref={formRef} className="form" onSubmit={submit}>
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          errors={errors.byField.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          errors={errors.byField.password}
        />
        <SubmitButton pending={pending} pendingLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
      <p className="aside">
        New to Service Programme? <Link to="/sign-up">Create an account for your consultancy</Link>
      </p>
    </>
  );
}
