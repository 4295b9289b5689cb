import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isOffline } from '../app/online';
import { describeError, isUnreachable } from './describe-error';
import {
  generalErrors,
  mapUserErrors,
  noFieldErrors,
  type FieldErrors,
  type UserErrorLike,
} from './field-errors';

/** What every mutation payload has, as far as a form cares: `userErrors { ...UserErrorFields }`. */
export interface Payload {
  readonly userErrors: readonly UserErrorLike[];
}

type Answer<P> = Promise<P | null | undefined>;

const NO_ANSWER = 'Something went wrong on our side. Please try again.';
// Nothing is queued for later: the service worker keeps only the app shell, so the change is simply not sent.
const OFFLINE =
  'You are offline, so this was not saved. Changes need a connection: try again once you are back online.';

/**
 * The life of every form, button or editor whose mutation answers with `userErrors`: the request is sent once
 * (`pending` while it is on its way), each error lands under the input it names or above the form (`errors`), what
 * was typed is kept, focus moves to the first field to fix, and a network or GraphQL failure becomes one message
 * (`failure`). A payload without errors is a success: `onSaved` runs, still pending, and the call answers it.
 */
export function useMutationForm<F extends string>(fields: readonly F[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<F>>(noFieldErrors);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  /** Sends outside a submit event (a button, a key); answers the payload when it saved, null when it did not. */
  async function run<P extends Payload>(
    send: () => Answer<P>,
    onSaved?: (payload: P) => unknown,
  ): Promise<P | null> {
    setPending(true);
    setFailure(null);
    try {
      const payload = await send();
      if (!payload) {
        setFailure(NO_ANSWER);
        return null;
      }
      setErrors(mapUserErrors(payload.userErrors, fields));
      if (payload.userErrors.length > 0) return null;
      await onSaved?.(payload);
      return payload;
    } catch (error) {
      setFailure(isUnreachable(error) && isOffline() ? OFFLINE : describeError(error));
      return null;
    } finally {
      setPending(false);
    }
  }

  /** A submit handler: reads the form's `fields` as strings, sends them, and on success calls `onSaved`. */
  function onSubmit<P extends Payload>(
    send: (values: Record<F, string>) => Answer<P>,
    onSaved?: (form: HTMLFormElement, payload: P, values: Record<F, string>) => unknown,
  ) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      const form = event.currentTarget;
      const data = new FormData(form);
      const values = Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? '')])) as Record<
        F,
        string
      >;
      await run(
        () => send(values),
        (payload) => onSaved?.(form, payload, values),
      );
    };
  }

  /** Shows messages that name no field above the form, e.g. for an answer that saved but is not complete. */
  function showGeneral(messages: readonly string[]) {
    setErrors(generalErrors(messages));
  }

  return { formRef, pending, errors, failure, onSubmit, run, showGeneral };
}

/** An empty text input means "not given". */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
