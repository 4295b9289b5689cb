import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { SIGN_UP_LINK_HOURS } from '@csp/domain';
import { graphql } from '../generated/gql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { PASSWORD_HINT } from './password';
import { useMutationForm } from '../forms/useMutationForm';
import { Button } from '../ui/Button';

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      confirmationSent
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = ['consultancyName', 'name', 'email', 'password'] as const;

export function SignUpPage() {
  const [signUp] = useMutation(SignUpMutation);
  const { formRef, pending, errors, failure, onSubmit } = useMutationForm(FIELDS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const submit = onSubmit(
    async (input) => (await signUp({ variables: { input } })).data?.signUp,
    (_form, _payload, values) => setSentTo(values.email.trim()),
  );

  if (sentTo) return <CheckYourInbox email={sentTo} onStartOver={() => setSentTo(null)} />;
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
        <SubmitButton pending={pending} pendingLabel="Sending your link…">
          Create account
        </SubmitButton>
      </form>
      <p className="aside">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </>
  );
}

/**
 * The same page whether the email is new or already has an account: the inbox gets either the link or a note to
 * sign in, and only its owner learns which.
 */
function CheckYourInbox({ email, onStartOver }: { email: string; onStartOver: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <title>Check your inbox · Service Programme</title>
      <h1 ref={heading} tabIndex={-1}>
        Check your inbox
      </h1>
      <p className="lead" role="status">
        We sent a link to <strong>{email}</strong>.
      </p>
      <p>
        Open it within {SIGN_UP_LINK_HOURS} hours and enter the password you just chose to finish creating
        your account. If nothing arrives in a few minutes, look in your spam folder, or check the address and
        sign up again.
      </p>
      <p>
        <Button onClick={onStartOver}>Use a different email</Button>
      </p>
      <p className="aside">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
