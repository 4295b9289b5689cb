import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../generated/gql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { PASSWORD_HINT } from './password';
import { useAuthForm } from './useAuthForm';

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      member {
        id
        name
        role
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`);

const FIELDS = ['consultancyName', 'name', 'email', 'password'] as const;

export function SignUpPage() {
  const [signUp] = useMutation(SignUpMutation);
  const { formRef, pending, errors, failure, onSubmit } = useAuthForm(FIELDS);
  const submit = onSubmit(async (input) => (await signUp({ variables: { input } })).data?.signUp);

  return (
    <>
      <title>Create an account · Service Programme</title>
      <h1>Create your consultancy&rsquo;s account</h1>
      <p className="lead">
        You will be its first admin, and can invite your consultants and clients afterwards.
      </p>
      {failure && <ErrorBanner title="Could not create the account">{failure}</ErrorBanner>}
      <MessagesBanner messages={errors.general} />
      <form ref={formRef} className="form" onSubmit={submit}>
        <TextField
          name="consultancyName"
          label="Consultancy name"
          autoComplete="organization"
          required
          errors={errors.byField.consultancyName}
        />
        <TextField name="name" label="Your name" autoComplete="name" required errors={errors.byField.name} />
        <TextField
          name="email"
          label="Work email"
          type="email"
          autoComplete="email"
          required
          errors={errors.byField.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={PASSWORD_HINT}
          required
          errors={errors.byField.password}
        />
        <SubmitButton pending={pending} pendingLabel="Creating your account…">
          Create account
        </SubmitButton>
      </form>
      <p className="aside">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
