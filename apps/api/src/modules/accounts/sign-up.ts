import { randomUUID } from 'node:crypto';
import { SIGN_UP_LINK_HOURS, check, confirmSignUpInput, fieldError, signUpInput } from '@csp/domain';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RequestContext } from '../../core/context.js';
import { hashToken } from '../../core/auth/tokens.js';
import { hashPassword, verifyPassword } from '../../core/auth/passwords.js';
import { weakPasswordError } from '../../core/auth/password-strength.js';
import { logger } from '../../core/logger.js';
import { ConsultancyEntity, MemberEntity, type MemberRow } from './entities.js';
import { beginSignUp, consumeSignUp, findPendingSignUp, issueSignUpToken } from './pending-sign-ups.js';
import { requireSignedOut } from './log-in.js';
import { startSession } from './sessions.js';
import { alreadyMemberMail, confirmationMail } from './sign-up-mail.js';
import { claimSignInEmail } from './sign-in-directory.js';
import { refused, type Payload } from '../../core/payloads.js';
import { queuePreTenantMail } from '../mail/index.js';

/**
 * Sign-ups are mail to an address the caller chooses, so one address gets a few an hour at most, whoever asks:
 * nobody can flood a stranger's inbox through us. Over the limit the answer is unchanged and no mail goes.
 * In memory, per API process, like the request rate limit.
 */
const mailsPerAddress = new RateLimiterMemory({ points: 5, duration: 3600 });

/**
 * Starts a sign-up. Whether the email is new or already has an account, the caller gets the same answer after the
 * same work (an argon2 hash, two database calls, one mail queued): only the mailbox learns which, from the mail it
 * gets. Over the address's mail limit the same two calls are made, the second queueing nothing.
 */
export async function signUp(context: RequestContext, input: unknown): Promise<Payload<'SignUpPayload'>> {
  return (await signUpMailing(context, input)).payload;
}

/**
 * `signUp`, also answering the id of the mail it queued (null when none was): the demo seed follows its own link,
 * read by that id, which only the caller knows.
 */
export async function signUpMailing(
  context: RequestContext,
  input: unknown,
): Promise<{ payload: Payload<'SignUpPayload'>; mailId: string | null }> {
  requireSignedOut(context);
  const checked = check(signUpInput, input);
  if (!checked.ok) return { payload: { confirmationSent: false, userErrors: checked.errors }, mailId: null };
  const { consultancyName, name, email, password } = checked.value;
  // Judged on what the caller typed only, so the answer says nothing about whether the email has an account.
  const weak = await weakPasswordError(password, { email, name, consultancyName });
  if (weak) return { payload: { confirmationSent: false, userErrors: [weak] }, mailId: null };
  const passwordHash = await hashPassword(password);
  const { token, hash } = issueSignUpToken();
  const expiresAt = new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000);
  const publicUrl = context.settings.publicUrl;
  const mayMailNow = await mayMail(email);
  // The mail is queued in the request's transaction, with the pending sign-up: it exists exactly when the sign-up
  // commits, and the mail worker sends it (or, without SMTP_URL, keeps it and prints its link in development).
  const mailId = await context.db.beforeTenant(async (db) => {
    const stored = await beginSignUp(db, { email, consultancyName, name, passwordHash }, hash, expiresAt);
    const mail = stored ? confirmationMail(email, publicUrl, token) : alreadyMemberMail(email, publicUrl);
    return queuePreTenantMail(db, mayMailNow ? mail : null);
  });
  if (!mayMailNow) {
    logger.info(
      { requestId: context.requestId },
      'sign-up mail not sent: too many for this address this hour',
    );
  }
  return { payload: { confirmationSent: true, userErrors: [] }, mailId };
}

async function mayMail(email: string): Promise<boolean> {
  try {
    await mailsPerAddress.consume(email);
    return true;
  } catch {
    return false;
  }
}

const LINK_UNKNOWN = fieldError(
  'token',
  'NOT_FOUND',
  'This sign-up link is not valid. Open the link from the email exactly as it was sent, or sign up again.',
);
const LINK_USED = fieldError(
  'token',
  'CONFLICT',
  'This sign-up link was already used, so the account exists. Sign in with your email and password.',
);
const LINK_EXPIRED = fieldError(
  'token',
  'INVALID',
  `This sign-up link has expired (links last ${SIGN_UP_LINK_HOURS} hours). Sign up again to get a new one.`,
);
const EMAIL_TAKEN = fieldError(
  'token',
  'TAKEN',
  'An account with this email was created after this link was sent. Sign in with that account instead.',
);
const WRONG_PASSWORD = fieldError(
  'password',
  'INVALID',
  'This is not the password chosen when signing up. Enter that one, or sign up again with a new password.',
);

/**
 * Finishes a sign-up: the consultancy and its first admin are created in one transaction and signed in. The link
 * alone is not enough: the password chosen at sign-up must come with it, so someone who signs up with another
 * person's address cannot have that person click an account into being that its creator can sign in to.
 */
export async function confirmSignUp(
  context: RequestContext,
  input: unknown,
): Promise<Payload<'AuthPayload'>> {
  requireSignedOut(context);
  const checked = check(confirmSignUpInput, input);
  if (!checked.ok) return refused(['token', 'member'], ...checked.errors);
  const tokenHash = hashToken(checked.value.token);
  const pending = await context.db.beforeTenant((db) => findPendingSignUp(db, tokenHash));
  if (!pending) return refused(['token', 'member'], LINK_UNKNOWN);
  if (pending.state === 'USED') return refused(['token', 'member'], LINK_USED);
  if (pending.state === 'EXPIRED' || !pending.passwordHash) return refused(['token', 'member'], LINK_EXPIRED);
  const passwordHash = pending.passwordHash;
  if (!(await verifyPassword(passwordHash, checked.value.password)))
    return refused(['token', 'member'], WRONG_PASSWORD);

  const tenantId = randomUUID();
  await context.db.enterTenant({ tenantId, clientId: null });
  // One savepoint: if the email was taken meanwhile, the link stays unused and nothing is written.
  return context.db.write(async (db) => {
    if (!(await consumeSignUp(db, tokenHash))) return refused(['token', 'member'], LINK_USED);
    if (!(await claimSignInEmail(db, pending.email))) return refused(['token', 'member'], EMAIL_TAKEN);
    const now = new Date();
    await db
      .getRepository(ConsultancyEntity)
      .insert({ tenantId, name: pending.consultancyName, createdAt: now });
    const member: MemberRow = {
      tenantId,
      id: randomUUID(),
      email: pending.email,
      name: pending.name,
      passwordHash,
      role: 'ADMIN',
      clientId: null,
      createdAt: now,
      removedAt: null,
    };
    await db.getRepository(MemberEntity).insert(member);
    const token = await startSession(context, db, member);
    return { token, member, userErrors: [] };
  });
}
