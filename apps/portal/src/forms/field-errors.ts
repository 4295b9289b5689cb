/** The part of the API's `UserError` the portal shows: a dotted path inside `input` and a message. */
export interface UserErrorLike {
  readonly field: string;
  readonly message: string;
}

export interface FieldErrors<F extends string> {
  /** Messages for the fields of this form, in the order the API gave them. */
  readonly byField: Readonly<Partial<Record<F, readonly string[]>>>;
  /** Messages that name no field of this form (an invitation `token`, say): shown above the form. */
  readonly general: readonly string[];
}

export function noFieldErrors<F extends string>(): FieldErrors<F> {
  return generalErrors([]);
}

/** Errors that belong to the form as a whole, such as a payload that came back without its member. */
export function generalErrors<F extends string>(messages: readonly string[]): FieldErrors<F> {
  return { byField: {} as FieldErrors<F>['byField'], general: messages };
}

/**
 * Sorts `userErrors` onto the form's fields. A path belongs to the field it starts with, so `milestones.1.dueOn`
 * lands on a `milestones` field when the form has no input for the exact path; anything else is general.
 */
export function mapUserErrors<F extends string>(
  userErrors: readonly UserErrorLike[],
  fields: readonly F[],
): FieldErrors<F> {
  const byField: Partial<Record<F, string[]>> = {};
  const general: string[] = [];
  for (const { field, message } of userErrors) {
    const target = fieldFor(field.replace(/^input\./, ''), fields);
    if (target) (byField[target] ??= []).push(message);
    else general.push(message);
  }
  return { byField, general };
}

function fieldFor<F extends string>(path: string, fields: readonly F[]): F | undefined {
  const exact = fields.find((field) => field === path);
  if (exact) return exact;
  const parents = fields.filter((field) => path.startsWith(`${field}.`));
  return parents.sort((a, b) => b.length - a.length)[0];
}

export function hasFieldErrors<F extends string>(errors: FieldErrors<F>): boolean {
  return errors.general.length > 0 || Object.keys(errors.byField).length > 0;
}
