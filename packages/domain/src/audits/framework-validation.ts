import { AUDIT_SCORES, type AuditFramework } from './framework.js';
import { fieldError, type FieldError } from '../validation/field-errors.js';
import { LIMITS } from '../validation/text.js';

/** Keys are stored in responses and links for years, so they stay short, lower-case and URL-safe. */
const KEY_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const KEY_MAX = 64;

/**
 * The rules a consultancy-edited copy must keep before audits may use it. Criterion keys must be unique across the
 * whole framework, not just within a section, because a response names only its criterion.
 */
export function validateFramework(framework: AuditFramework): FieldError[] {
  const errors: FieldError[] = [];
  checkKey(errors, 'key', 'Framework key', framework.key);
  if (!Number.isInteger(framework.version) || framework.version < 1) {
    errors.push(fieldError('version', 'INVALID', 'Version must be a whole number of 1 or more.'));
  }
  checkText(errors, 'name', 'Name', framework.name, LIMITS.name);
  if (framework.summary.length > LIMITS.longText) {
    errors.push(fieldError('summary', 'TOO_LONG', `Summary must be at most ${LIMITS.longText} characters.`));
  }
  for (const score of AUDIT_SCORES) {
    checkText(errors, `scale.${score}`, `The label for ${score}`, framework.scale[score], LIMITS.shortText);
  }
  if (framework.sections.length === 0) {
    errors.push(fieldError('sections', 'REQUIRED', 'Add at least one section.'));
  }

  const sectionKeys = new Set<string>();
  const criterionKeys = new Set<string>();
  framework.sections.forEach((section, s) => {
    const at = `sections.${s}`;
    checkKey(errors, `${at}.key`, 'Section key', section.key);
    if (sectionKeys.has(section.key)) {
      errors.push(fieldError(`${at}.key`, 'TAKEN', `Another section already uses the key "${section.key}".`));
    }
    sectionKeys.add(section.key);
    checkText(errors, `${at}.title`, 'Section title', section.title, LIMITS.title);
    checkWeight(errors, `${at}.weight`, section.weight);
    if (section.criteria.length === 0) {
      errors.push(
        fieldError(`${at}.criteria`, 'REQUIRED', `Add at least one criterion to "${section.title}".`),
      );
    }
    section.criteria.forEach((criterion, c) => {
      const cat = `${at}.criteria.${c}`;
      checkKey(errors, `${cat}.key`, 'Criterion key', criterion.key);
      if (criterionKeys.has(criterion.key)) {
        errors.push(
          fieldError(`${cat}.key`, 'TAKEN', `Another criterion already uses the key "${criterion.key}".`),
        );
      }
      criterionKeys.add(criterion.key);
      checkText(errors, `${cat}.prompt`, 'Prompt', criterion.prompt, LIMITS.statement);
      if (criterion.guidance.length > LIMITS.longText) {
        errors.push(
          fieldError(
            `${cat}.guidance`,
            'TOO_LONG',
            `Guidance must be at most ${LIMITS.longText} characters.`,
          ),
        );
      }
      checkWeight(errors, `${cat}.weight`, criterion.weight);
    });
  });
  return errors;
}

function checkKey(errors: FieldError[], field: string, label: string, key: string): void {
  if (key.trim() === '') errors.push(fieldError(field, 'REQUIRED', `${label} is required.`));
  else if (key.length > KEY_MAX) {
    errors.push(fieldError(field, 'TOO_LONG', `${label} must be at most ${KEY_MAX} characters.`));
  } else if (!KEY_PATTERN.test(key)) {
    errors.push(
      fieldError(
        field,
        'INVALID',
        `${label} may use only lower-case letters, digits, "-" and "_" between them.`,
      ),
    );
  }
}

function checkText(errors: FieldError[], field: string, label: string, value: string, max: number): void {
  if (value.trim() === '') errors.push(fieldError(field, 'REQUIRED', `${label} is required.`));
  else if (value.length > max)
    errors.push(fieldError(field, 'TOO_LONG', `${label} must be at most ${max} characters.`));
}

/** Zero would silently hide a criterion from every score; a consultancy that means that should delete it. */
function checkWeight(errors: FieldError[], field: string, weight: number): void {
  if (!Number.isFinite(weight) || weight <= 0) {
    errors.push(fieldError(field, 'INVALID', 'Weight must be a number greater than 0.'));
  } else if (weight > 1000) {
    errors.push(fieldError(field, 'INVALID', 'Weight must be at most 1000.'));
  }
}
