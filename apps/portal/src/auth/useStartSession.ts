import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../forms/describe-error';
import {
  generalErrors,
  mapUserErrors,
  noFieldErrors,
  type FieldErrors,
  type UserErrorLike,
} from '../forms/field-errors';
import { useSessionChange } from '../session/useSessionChange';

/** What logIn, confirmSignUp and acceptInvitation return (`AuthPayload`), and signUp, as far as a form cares. */
export interface AuthResult {
  readonly member?: { readonly id: string } | null;
  readonly userErrors: readonly UserErrorLike[];
}

const NO_MEMBER = 'Signing in did not complete. Please try again.';

/**
 * The life of a form that ends in a session: send, show each `userError` under the input it names (or above the
 * form when it names none), keep what was typed, move focus to the first field to fix, and on success clear the
 * previous session's cache and go home. A network or GraphQL failure becomes a banner. A form whose success is not
 * a session yet (sign-up, which mails a link) passes `accepted`, called instead of going home.
 */
export function useAuthForm<F extends string>(fields: readonly F[]) {
  const sessionChange = useSessionChange();
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<F>>(noFieldErrors);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function onSubmit(
    send: (values: Record<F, string>) => Promise<AuthResult | null | undefined>,
    accepted?: (values: Record<F, string>) => void,
  ) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      const data = new FormData(event.currentTarget);
      const values = Object.fromEntries(fields.map((field) => [field, String(data.get(field) ?? '')]));
      setPending(true);
      setFailure(null);
      try {
        const result = await send(values as Record<F, string>);
        if (accepted && result && result.userErrors.length === 0) {
          setPending(false);
          setErrors(noFieldErrors);
          accepted(values as Record<F, string>);
          return;
        }
        if (result?.member && result.userErrors.length === 0) {
          await sessionChange('/');
          return;
        }
        const userErrors = result?.userErrors ?? [];
        setErrors(userErrors.length > 0 ? mapUserErrors(userErrors, fields) : generalErrors([NO_MEMBER]));
      } catch (error) {
        setFailure(describeError(error));
      }
      setPending(false);
    };
  }

  return { formRef, pending, errors, failure, onSubmit };
}
