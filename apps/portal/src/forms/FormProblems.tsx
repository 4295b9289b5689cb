import type { FieldErrors } from './field-errors';
import { ErrorBanner, MessagesBanner } from './ErrorBanner';

/** The banner part of a form: a failure to reach the API, and errors that name no field of this form. */
export function FormProblems<F extends string>({
  failure,
  errors,
  title = 'Could not save',
}: {
  failure: string | null;
  errors: FieldErrors<F>;
  title?: string;
}) {
  return (
    <>
      {failure && <ErrorBanner title={title}>{failure}</ErrorBanner>}
      <MessagesBanner messages={errors.general} />
    </>
  );
}
