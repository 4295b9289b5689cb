import { MAX_CHARTER_PROMISES, type CharterDraft } from './charter.js';
import { fieldError, type FieldError } from '../validation/field-errors.js';

/**
 * What stops a draft from being published. A draft may be saved half-finished; publishing is the moment it must
 * be whole, because a published version is frozen and may be shown to customers.
 */
export function publishReadiness(draft: CharterDraft): FieldError[] {
  const errors: FieldError[] = [];
  const { purpose, why, everythingElse } = draft.purposeStatement;
  if (isBlank(purpose)) {
    errors.push(
      fieldError(
        'purposeStatement.purpose',
        'REQUIRED',
        'Write the purpose: what staff are here to do for customers.',
      ),
    );
  }
  if (isBlank(why)) {
    errors.push(
      fieldError('purposeStatement.why', 'REQUIRED', 'Write the why: the reason behind the purpose.'),
    );
  }
  if (isBlank(everythingElse)) {
    errors.push(
      fieldError(
        'purposeStatement.everythingElse',
        'REQUIRED',
        'Write the everything else that the purpose comes before.',
      ),
    );
  }

  const count = draft.promises.length;
  if (count === 0) errors.push(fieldError('promises', 'REQUIRED', 'Add at least one promise.'));
  if (count > MAX_CHARTER_PROMISES) {
    errors.push(
      fieldError(
        'promises',
        'TOO_LONG',
        `A charter holds at most ${MAX_CHARTER_PROMISES} promises; this draft has ${count}.`,
      ),
    );
  }

  const keys = new Set<string>();
  draft.promises.forEach((promise, index) => {
    const at = `promises.${index}`;
    if (isBlank(promise.key)) errors.push(fieldError(`${at}.key`, 'REQUIRED', 'Each promise needs a key.'));
    else if (keys.has(promise.key)) {
      errors.push(fieldError(`${at}.key`, 'TAKEN', `Another promise already uses the key "${promise.key}".`));
    }
    keys.add(promise.key);
    if (isBlank(promise.title)) {
      errors.push(fieldError(`${at}.title`, 'REQUIRED', `Promise ${index + 1} needs a title.`));
    }
    const standard = promise.standard;
    if (standard) {
      if (isBlank(standard.metric)) {
        errors.push(fieldError(`${at}.standard.metric`, 'REQUIRED', 'Say what the standard measures.'));
      }
      if (!Number.isFinite(standard.target)) {
        errors.push(fieldError(`${at}.standard.target`, 'INVALID', 'The target must be a number.'));
      }
      if (isBlank(standard.unit)) {
        errors.push(
          fieldError(`${at}.standard.unit`, 'REQUIRED', 'Give the unit of the target, e.g. % or seconds.'),
        );
      }
    }
  });
  return errors;
}

function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === '';
}
