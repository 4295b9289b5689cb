import { Button } from '../ui/Button';
import './sign-in.css';

interface SsoChoiceProps {
  providerName: string;
  passwordAllowed: boolean;
  onUsePassword: () => void;
}

/**
 * What an email of a single sign-on domain is offered: its identity provider first (the form's submit), and a
 * password only where one still works. With SSO-only on, passwords work for the break-glass admin alone; the API
 * does not say who that is, so the way to the password field stays open to anyone who says they are.
 */
export function SsoChoice({ providerName, passwordAllowed, onUsePassword }: SsoChoiceProps) {
  return (
    <div className="sso-choice">
      <p>Your organisation signs in with {providerName}.</p>
      <Button type="submit" variant="primary">
        {`Continue to ${providerName}`}
      </Button>
      {passwordAllowed ? (
        <Button onClick={onUsePassword}>Use a password instead</Button>
      ) : (
        <p className="aside">
          Passwords are turned off for your organisation, except for its break-glass admin.{' '}
          <Button size="small" onClick={onUsePassword}>
            I am the break-glass admin
          </Button>
        </p>
      )}
    </div>
  );
}
