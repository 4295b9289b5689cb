import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from './describe-error';
import { mapUserErrors, noFieldErrors, type FieldErrors, type UserErrorLike } from './field-errors';

export interface Payload {
  readonly userErrors: readonly UserErrorLike[];
}

/**
 * The life of a form whose mutation answers with `userErrors`: send, put each error under the input it names (or
 * above the form), keep what was typed, move focus to the first field to fix; a network failure becomes a banner.
 * `send` gets the form's values as strings; it returns the payload, and `onSaved` runs when it has no errors.
 */
export function usePayloadForm<F extends string>(fields: readonly F[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<F>>(noFieldErrors);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  /** Runs a save outside a submit event (a button, a key) with the same error handling. */
  async function run(send: () => Promise<Payload | null | undefined>): Promise<boolean> {
    setPending(true);
    setFailure(null);
    try {
      const payload = await send();
      const userErrors = payload?.userErrors ?? [];
      setErrors(mapUserErrors(userErrors, fields));
      return Boolean(payload) && userErrors.length === 0;
    } catch (error) {
      setFailure(describeError(error));
      return false;
    } finally {
      setPending(false);
    }
  }

  function onSubmit(
    send: (values: Record<F, string>) => Promise<Payload | null | undefined>,
    onSaved?: (form: HTMLFormElement) => void,
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
      if (await run(() => send(values))) onSaved?.(form);
    };
  }

  return { formRef, pending, errors, failure, onSubmit, run };
}

/** An empty text input means "not given". */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
