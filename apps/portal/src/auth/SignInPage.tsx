import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../generated/gql';
import { ErrorBanner, MessagesBanner } from '../forms/ErrorBanner';
import { SubmitButton } from '../forms/SubmitButton';
import { TextField } from '../forms/TextField';
import { useMutationForm } from '../forms/useMutationForm';
import { useSignInMethod, type SignInMethod } from './sign-in-method';
import { signInNoticeOf } from './sign-in-notice';
import { SignInNoticeBanner } from './SignInNoticeBanner';
import { SsoChoice } from './SsoChoice';
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

/** Leaves the portal for the identity provider: a full page load, as the provider's pages are not ours. */
function leaveForProvider(url: string) {
  window.location.assign(url);
}

interface SignInPageProps {
  /** How the page goes to the identity provider; tests pass their own, as jsdom cannot leave the page. */
  goTo?: (url: string) => void;
}

/**
 * Email first: "Continue" asks the API how this email signs in. Most see the password field and sign in as before;
 * an email of a verified single sign-on domain is sent on to its identity provider, with a password offered only
 * where one still works. Changing the email starts over, as another domain may sign in another way.
 */
export function SignInPage({ goTo = leaveForProvider }: SignInPageProps) {
  const [params] = useSearchParams();
  const [notice] = useState(() => signInNoticeOf(params));
  const [method, setMethod] = useState<SignInMethod | null>(null);
  const [passwordChosen, setPasswordChosen] = useState(false);
  const { ask, asking, failure: askFailure } = useSignInMethod();
  const [signIn] = useMutation(SignInMutation);
  const { formRef, pending, errors, failure, onSubmit, showGeneral } = useMutationForm(FIELDS);
  const startSession = useStartSession(showGeneral);
  const signInWithPassword = onSubmit(
    async (input) => (await signIn({ variables: { input } })).data?.signIn,
    startSession,
  );

  const sso = method?.kind === 'SSO' && method.ssoUrl ? method : null;
  const step = !method ? 'email' : sso && !passwordChosen ? 'provider' : 'password';

  async function submit(event: FormEvent<HTMLFormElement>) {
    if (step === 'password') return signInWithPassword(event);
    event.preventDefault();
    if (step === 'provider' && sso?.ssoUrl) return goTo(sso.ssoUrl);
    if (asking) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    setMethod(await ask(email));
  }

  function startOver() {
    if (!method) return;
    setMethod(null);
    setPasswordChosen(false);
  }

  return (
    <>
      <title>Sign in · Service Programme</title>
      <h1>Sign in</h1>
      <p className="lead">Welcome back. Pick up where your programmes left off.</p>
      {notice && !method && <SignInNoticeBanner notice={notice} />}
      {askFailure && <ErrorBanner title="Could not check how you sign in">{askFailure}</ErrorBanner>}
      {failure && <ErrorBanner title="Could not sign in">{failure}</ErrorBanner>}
      <MessagesBanner messages={errors.general} />
      <form ref={formRef} className="form" onSubmit={submit}>
        <TextField
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          errors={errors.byField.email}
          onChange={startOver}
        />
        {step === 'email' && (
          <SubmitButton pending={asking} pendingLabel="Checking…">
            Continue
          </SubmitButton>
        )}
        {step === 'provider' && sso && (
          <SsoChoice
            providerName={sso.providerName ?? 'your identity provider'}
            passwordAllowed={sso.passwordAllowed}
            onUsePassword={() => setPasswordChosen(true)}
          />
        )}
        {step === 'password' && (
          <>
            <TextField
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              autoFocus
              errors={errors.byField.password}
            />
            <SubmitButton pending={pending} pendingLabel="Signing in…">
              Sign in
            </SubmitButton>
          </>
        )}
      </form>
      <p className="aside">
        New to Service Programme? <Link to="/sign-up">Create an account for your consultancy</Link>
      </p>
    </>
  );
}
