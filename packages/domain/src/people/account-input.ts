import { z } from 'zod';
import { LIMITS, requiredText } from '../validation/text.js';
import { ROLES, type Role } from './roles.js';

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Email is required.')
  .max(LIMITS.email, `Email must be at most ${LIMITS.email} characters.`)
  .pipe(z.email('Enter an email address such as name@example.com.'));

export const newPassword = z
  .string()
  .min(LIMITS.passwordMin, `Password must be at least ${LIMITS.passwordMin} characters.`)
  .max(LIMITS.passwordMax, `Password must be at most ${LIMITS.passwordMax} characters.`);

export const signUpInput = z.object({
  consultancyName: requiredText('Consultancy name', LIMITS.name),
  name: requiredText('Name', LIMITS.name),
  email,
  password: newPassword,
});

export const logInInput = z.object({
  email,
  password: z.string().min(1, 'Password is required.').max(LIMITS.passwordMax),
});

const role = z.enum(ROLES, 'Choose a role from the list.');
const clientId = z.uuid('Choose the client this leader belongs to.').nullish();

/**
 * A client leader belongs to exactly one client and the other roles to none, whether the role is given by an
 * invitation or by a later change: the same rule the users table's CHECK holds, said with the field to fix.
 */
function fenceLeaderToClient(
  value: { role: Role; clientId?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.role === 'CLIENT_LEADER' && !value.clientId) {
    ctx.addIssue({
      code: 'custom',
      path: ['clientId'],
      message: 'A client leader must belong to a client.',
    });
  }
  if (value.role !== 'CLIENT_LEADER' && value.clientId) {
    ctx.addIssue({
      code: 'custom',
      path: ['clientId'],
      message: 'Only client leaders belong to a client.',
    });
  }
}

export const invitationInput = z.object({ email, role, clientId }).superRefine(fenceLeaderToClient);

export const memberRoleInput = z
  .object({ memberId: z.string().min(1, 'Choose the member.'), role, clientId })
  .superRefine(fenceLeaderToClient);

export const acceptInvitationInput = z.object({
  token: z.string().min(1, 'The invitation token is required.').max(200),
  name: requiredText('Name', LIMITS.name),
  password: newPassword,
});

/** How long an emailed sign-up link lasts: the API's expiry and the portal's "check your inbox" both say it. */
export const SIGN_UP_LINK_HOURS = 24;

/** The password is the one chosen at sign-up: asking for it again proves the link is followed by who signed up. */
export const confirmSignUpInput = z.object({
  token: z.string().trim().min(1, 'The sign-up link is incomplete.').max(200),
  password: z.string().min(1, 'Password is required.').max(LIMITS.passwordMax),
});

/** The current password proves it is the member at the keyboard, not someone who found their session open. */
export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(LIMITS.passwordMax),
  newPassword,
});
