import { describe, expect, it } from 'vitest';
import { mapUserErrors } from './field-errors';

const FIELDS = ['email', 'password', 'milestones'] as const;

describe('mapUserErrors', () => {
  it('puts each message under the field its path names', () => {
    const errors = mapUserErrors(
      [
        { field: 'password', message: 'Password must be at least 10 characters.' },
        { field: 'email', message: 'Enter an email address such as name@example.com.' },
      ],
      FIELDS,
    );
    expect(errors).toEqual({
      byField: {
        password: ['Password must be at least 10 characters.'],
        email: ['Enter an email address such as name@example.com.'],
      },
      general: [],
    });
  });

  it('keeps several messages for one field in the order given', () => {
    const errors = mapUserErrors(
      [
        { field: 'password', message: 'first' },
        { field: 'password', message: 'second' },
      ],
      FIELDS,
    );
    expect(errors.byField.password).toEqual(['first', 'second']);
  });

  it('hands a nested path to the field it starts with', () => {
    const errors = mapUserErrors([{ field: 'milestones.1.dueOn', message: 'Not a date.' }], FIELDS);
    expect(errors.byField.milestones).toEqual(['Not a date.']);
  });

  it('does not mistake a field that merely shares a prefix', () => {
    const errors = mapUserErrors([{ field: 'emailConfirmation', message: 'Does not match.' }], FIELDS);
    expect(errors).toEqual({ byField: {}, general: ['Does not match.'] });
  });

  it('accepts a path written from the input root', () => {
    const errors = mapUserErrors([{ field: 'input.email', message: 'Taken.' }], FIELDS);
    expect(errors.byField.email).toEqual(['Taken.']);
  });

  it('lists messages for fields the form does not have as general ones', () => {
    const errors = mapUserErrors([{ field: 'token', message: 'This invitation has expired.' }], FIELDS);
    expect(errors).toEqual({ byField: {}, general: ['This invitation has expired.'] });
  });

  it('has nothing to show when there are no user errors', () => {
    expect(mapUserErrors([], FIELDS)).toEqual({ byField: {}, general: [] });
  });
});
