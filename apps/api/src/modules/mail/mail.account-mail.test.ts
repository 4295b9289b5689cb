import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { PASSWORD, confirmSignUp, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/smtp-receiver.js';
import { graphql } from '../../../test/generated/index.js';
import { signUpTokenIn } from '../accounts/index.js';
import { invitationTokenIn } from '../members/index.js';
import { DEFAULT_MAIL_SETTINGS } from '../../core/config.js';
import { startMailWorker } from './worker.js';

/**
 * The account mails (the sign-up confirmation before any consultancy exists, and the invitation) go through the
 * outbox and the mail worker to a real SMTP server, with their links whole.
 */
const SIGN_UP = graphql(`
  mutation MailAccountSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      confirmationSent
    }
  }
`);
const INVITE = graphql(`
  mutation MailAccountInvite($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      userErrors {
        field
      }
    }
  }
`);
const ACCEPT = graphql(`
  mutation MailAccountAccept($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      member {
        name
      }
    }
  }
`);

let api: TestApi;
let smtp: SmtpReceiver;
let admin: SignedIn;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  api = await startTestApi({ outgoingMail: { smtpUrl: smtp.url } });
  admin = await signUpConsultancy(api, 'Lighthouse');
});
afterAll(async () => {
  await api.close();
  await smtp.close();
});

const arrivedFor = (address: string) =>
  smtp.received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.text === address);

describe('account mail over SMTP', () => {
  it('delivers the sign-up confirmation, whose link confirms the sign-up', async () => {
    const email = 'ines@beacon.example';
    const input = { consultancyName: 'Beacon', name: 'Ines', email, password: PASSWORD };
    expect((await api.graphql(SIGN_UP, { input })).data.signUp.confirmationSent).toBe(true);
    const before = smtp.received.length;
    // The admin's own sign-up mail of beforeAll goes in the same round.
    const sent = await api.mailWorker.runOnce();
    expect(sent).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(before + sent);
    const [mail] = arrivedFor(email);
    expect(mail?.subject).toBe('Confirm your Service Programme account');
    const token = signUpTokenIn(mail?.text ?? '');
    expect(mail?.text).toContain(`${api.url}/sign-up/confirm#token=${token}`);
    const confirmed = await confirmSignUp(api, token!);
    expect(confirmed.userErrors).toEqual([]);
    const [row] = await api.ownerQuery<{ status: string; attempt_count: number }>(
      'SELECT status, attempt_count FROM pre_tenant_mail WHERE to_address = $1',
      [email],
    );
    expect(row).toEqual({ status: 'SENT', attempt_count: 1 });
  });

  it('delivers the invitation, HTML and text, whose link accepts it; no unsubscribe headers', async () => {
    const email = 'rosa@lighthouse.example';
    const invited = await api.graphql(INVITE, { input: { email, role: 'CONSULTANT' } }, admin);
    expect(invited.data.inviteMember.userErrors).toEqual([]);
    const before = smtp.received.length;
    expect(await api.mailWorker.runOnce()).toBe(1);
    await smtp.waitFor(before + 1);
    const [mail] = arrivedFor(email);
    expect(mail?.subject).toBe('Ada Admin invited you to join Lighthouse on Service Programme');
    const token = invitationTokenIn(mail?.text ?? '');
    expect(token).toMatch(/^csi_/);
    expect(mail?.text).toContain(`${api.url}/accept-invitation#token=${token}`);
    expect(mail?.html).toContain(`href="${api.url}/accept-invitation#token=${token}"`);
    expect(mail?.headerLines.map((line) => line.key)).not.toContain('list-unsubscribe');
    const accepted = await api.graphql(ACCEPT, {
      input: { token: token!, name: 'Rosa', password: PASSWORD },
    });
    expect(accepted.data.acceptInvitation.member).toEqual({ name: 'Rosa' });
  });
});

describe('account mail without an SMTP server', () => {
  it('keeps the sign-up mail and shows its line, link included, where main.ts prints it outside production', async () => {
    const kept = await startTestApi();
    try {
      const email = 'noor@local.example';
      const input = { consultancyName: 'Local', name: 'Noor', email, password: PASSWORD };
      expect((await kept.graphql(SIGN_UP, { input })).data.signUp.confirmationSent).toBe(true);
      const lines: string[] = [];
      const worker = startMailWorker(
        kept.dataSource,
        { ...DEFAULT_MAIL_SETTINGS, worker: false },
        { showKept: (line) => lines.push(line) },
      );
      expect(await worker.runOnce()).toBe(1);
      await worker.stop();
      const [mail] = (await kept.queuedMail()).filter((queued) => queued.to === email);
      expect(mail?.status).toBe('KEPT');
      const token = signUpTokenIn(mail?.text ?? '');
      expect(lines).toEqual([
        `mail to ${email}: Confirm your Service Programme account  ${kept.url}/sign-up/confirm#token=${token}`,
      ]);
      expect((await confirmSignUp(kept, token!)).userErrors).toEqual([]);
    } finally {
      await kept.close();
    }
  });
});
