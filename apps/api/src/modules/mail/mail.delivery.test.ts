import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { addMember, createClient, signUpConsultancy, type SignedIn } from '../../../test/factories.js';
import { modules } from '../index.js';
import { mailProbe, QUEUE_PROBE_MAIL } from '../../../test/mail-probe.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../../test/smtp-receiver.js';
import { graphql } from '../../../test/generated/index.js';
import { DEFAULT_MAIL_SETTINGS } from '../../core/config.js';
import { startMailWorker } from './worker.js';

/**
 * Mail end to end: a mutation queues a mail in its own write (through a probe module of the tests, as a feature
 * will), the worker (run by hand here, so each step is visible) sends it to a real SMTP server on loopback, and
 * the outcome is recorded where admins read it.
 */
const SENT_MAIL = graphql(`
  query MailDeliverySentMail($status: MailStatus) {
    sentMail(status: $status) {
      totalCount
      nodes {
        id
        kind
        to
        subject
        status
        queuedAt
        sentAt
        attemptCount
        lastError
        text
      }
    }
    mailDelivery {
      mode
    }
  }
`);
const SUPPRESSIONS = graphql(`
  query MailDeliveryMailSuppressions {
    mailSuppressions {
      address
      reason
      smtpResponse
      createdAt
    }
  }
`);
const LIFT = graphql(`
  mutation MailDeliveryLiftMailSuppression($input: LiftMailSuppressionInput!) {
    liftMailSuppression(input: $input) {
      address
      userErrors {
        field
        code
      }
    }
  }
`);

interface ProbeAnswer {
  queueProbeMail: {
    mailId: string | null;
    status: string | null;
    userErrors: { field: string; code: string }[];
  };
}

async function queue(api: TestApi, who: SignedIn, to: string, subject = 'A note', refuse = false) {
  const response = await api.graphql<ProbeAnswer>(QUEUE_PROBE_MAIL, { input: { to, subject, refuse } }, who);
  expect(response.errors).toBeUndefined();
  return response.data.queueProbeMail;
}

async function outboxRow(api: TestApi, id: string) {
  const [row] = await api.ownerQuery<{
    status: string;
    attempt_count: number;
    next_attempt_at: Date | null;
    last_error: string | null;
    message_id: string;
    sent_at: Date | null;
  }>(
    'SELECT status, attempt_count, next_attempt_at, last_error, message_id, sent_at FROM mail_outbox WHERE id = $1',
    [id],
  );
  return row!;
}

describe('with an SMTP server', () => {
  let api: TestApi;
  let smtp: SmtpReceiver;
  let admin: SignedIn;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    api = await startTestApi({ modules: [...modules, mailProbe], outgoingMail: { smtpUrl: smtp.url } });
    admin = await signUpConsultancy(api);
    // The admin's sign-up mail goes first, so each test below sees its own mail only.
    await api.mailWorker.runOnce();
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });
  afterEach(async () => {
    await smtp.start();
    smtp.answer('accept');
  });

  it('sends a queued mail with its HTML and text parts, From, To, Subject, Message-ID and extra headers', async () => {
    const queued = await queue(api, admin, 'Ava.Lind@example.com', 'Your programme this week');
    expect(queued).toMatchObject({ status: 'PENDING', userErrors: [] });
    const before = smtp.received.length;
    expect(await api.mailWorker.runOnce()).toBe(1);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const row = await outboxRow(api, queued.mailId!);
    expect(mail!.subject).toBe('Your programme this week');
    expect(mail!.from?.value).toEqual([
      { name: 'Service Programme', address: 'no-reply@service-programme.localhost' },
    ]);
    expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : null).toBe('Ava.Lind@example.com');
    expect(mail!.html).toContain('<strong>the probe</strong>');
    expect(mail!.text?.trim()).toBe('Hello from the probe: Your programme this week');
    expect(mail!.messageId).toBe(row.message_id);
    expect(row.message_id).toMatch(/^<[0-9a-f-]{36}@mail\.service-programme>$/);
    // As sent, line by line: mailparser folds List-* headers into one parsed `list` header.
    const lines = Object.fromEntries(mail!.headerLines.map((header) => [header.key, header.line]));
    expect(lines['list-unsubscribe']).toBe(
      'List-Unsubscribe: <https://service-programme.localhost/unsubscribe#t=probe>',
    );
    expect(lines['list-unsubscribe-post']).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(row).toMatchObject({ status: 'SENT', attempt_count: 1, next_attempt_at: null, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);

    const listed = await api.graphql(SENT_MAIL, { status: 'SENT' }, admin);
    expect(listed.data.mailDelivery.mode).toBe('SMTP');
    expect(listed.data.sentMail.nodes[0]).toMatchObject({
      id: queued.mailId,
      kind: 'PROBE',
      to: 'Ava.Lind@example.com',
      status: 'SENT',
      attemptCount: 1,
    });
  });

  it('is sent once when two workers claim side by side', async () => {
    const other = startMailWorker(api.dataSource, {
      ...DEFAULT_MAIL_SETTINGS,
      smtpUrl: smtp.url,
      worker: false,
    });
    const subjects = ['One', 'Two', 'Three', 'Four', 'Five'].map((n) => `Side by side ${n}`);
    for (const subject of subjects) await queue(api, admin, 'both@example.com', subject);
    const before = smtp.received.length;
    const [mine, theirs] = await Promise.all([api.mailWorker.runOnce(), other.runOnce()]);
    expect(mine + theirs).toBe(5);
    const arrived = (await smtp.waitFor(before + 5)).slice(before).map((mail) => mail.subject);
    expect(arrived.sort()).toEqual([...subjects].sort());
    await other.stop();
  });

  it('queues nothing for a write that rolls back', async () => {
    const refused = await queue(api, admin, 'never@example.com', 'Rolled back', true);
    expect(refused.userErrors).toEqual([{ field: 'refuse', code: 'INVALID' }]);
    expect(await api.ownerQuery(`SELECT 1 FROM mail_outbox WHERE to_address = 'never@example.com'`)).toEqual(
      [],
    );
    expect(await api.mailWorker.runOnce()).toBe(0);
  });

  it('answers at once while the server is down, keeps the mail pending with a retry time, and sends it later', async () => {
    await smtp.stop();
    const queued = await queue(api, admin, 'later@example.com', 'Sent once the server is back');
    expect(queued.status).toBe('PENDING');
    expect(await api.mailWorker.runOnce()).toBe(1);
    const waiting = await outboxRow(api, queued.mailId!);
    expect(waiting).toMatchObject({ status: 'PENDING', attempt_count: 1 });
    expect(waiting.next_attempt_at!.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: the next round leaves it alone.
    expect(await api.mailWorker.runOnce()).toBe(0);

    await smtp.start();
    await api.ownerQuery('UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1', [queued.mailId]);
    const before = smtp.received.length;
    expect(await api.mailWorker.runOnce()).toBe(1);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.subject).toBe('Sent once the server is back');
    expect(mail!.messageId).toBe(waiting.message_id);
    expect(await outboxRow(api, queued.mailId!)).toMatchObject({
      status: 'SENT',
      attempt_count: 2,
      last_error: null,
    });
  });

  it('marks mail refused with 550 FAILED, suppresses the address, and does not send to it again until allowed', async () => {
    smtp.refuse('gone@example.com');
    const first = await queue(api, admin, 'Gone@Example.com', 'To a mailbox that does not exist');
    const before = smtp.received.length;
    expect(await api.mailWorker.runOnce()).toBe(1);
    const failed = await outboxRow(api, first.mailId!);
    expect(failed).toMatchObject({ status: 'FAILED', attempt_count: 1, next_attempt_at: null });
    expect(failed.last_error).toContain('550');
    expect(smtp.received.length).toBe(before);

    const suppressions = await api.graphql(SUPPRESSIONS, {}, admin);
    expect(suppressions.data.mailSuppressions).toEqual([
      expect.objectContaining({ address: 'gone@example.com', smtpResponse: expect.stringContaining('550') }),
    ]);

    const second = await queue(api, admin, 'gone@example.com', 'Never sent');
    expect(second.status).toBe('SUPPRESSED');
    expect(await api.mailWorker.runOnce()).toBe(0);
    const listed = await api.graphql(SENT_MAIL, { status: 'SUPPRESSED' }, admin);
    expect(listed.data.sentMail.nodes.map((mail) => mail.subject)).toEqual(['Never sent']);

    const lifted = await api.graphql(LIFT, { input: { address: 'GONE@example.com' } }, admin);
    expect(lifted.data.liftMailSuppression).toEqual({ address: 'gone@example.com', userErrors: [] });
    const again = await api.graphql(LIFT, { input: { address: 'gone@example.com' } }, admin);
    expect(again.data.liftMailSuppression).toEqual({
      address: null,
      userErrors: [{ field: 'address', code: 'NOT_FOUND' }],
    });
    expect((await api.graphql(SUPPRESSIONS, {}, admin)).data.mailSuppressions).toEqual([]);
    expect((await queue(api, admin, 'gone@example.com', 'Allowed again')).status).toBe('PENDING');
  });
});

describe('without an SMTP server', () => {
  let api: TestApi;
  let admin: SignedIn;

  beforeAll(async () => {
    api = await startTestApi({ modules: [...modules, mailProbe] });
    admin = await signUpConsultancy(api);
    // The admin's sign-up mail goes first, so each test below sees its own mail only.
    await api.mailWorker.runOnce();
  });
  afterAll(() => api.close());

  it('keeps mail instead of sending it, and lists it with its text for an admin, newest first', async () => {
    const older = await queue(api, admin, 'kept-1@example.com', 'First kept');
    const newer = await queue(api, admin, 'kept-2@example.com', 'Second kept');
    expect(await api.mailWorker.runOnce()).toBe(2);
    const listed = await api.graphql(SENT_MAIL, {}, admin);
    expect(listed.data.mailDelivery.mode).toBe('KEPT');
    expect(listed.data.sentMail.totalCount).toBe(2);
    expect(listed.data.sentMail.nodes).toEqual([
      expect.objectContaining({ id: newer.mailId, status: 'KEPT', sentAt: null, attemptCount: 0 }),
      expect.objectContaining({
        id: older.mailId,
        status: 'KEPT',
        subject: 'First kept',
        text: 'Hello from the probe: First kept',
      }),
    ]);
  });

  it('refuses the list to a consultant and to a client leader', async () => {
    const consultant = await addMember(api, admin, 'CONSULTANT');
    const leader = await addMember(api, admin, 'CLIENT_LEADER', await createClient(api, admin));
    for (const who of [consultant, leader]) {
      const response = await api.graphql(SENT_MAIL, {}, who);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const lift = await api.graphql(LIFT, { input: { address: 'a@example.com' } }, who);
      expect(lift.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("never lists another consultancy's mail", async () => {
    const other = await signUpConsultancy(api);
    await queue(api, other, 'theirs@example.com', 'Theirs');
    await api.mailWorker.runOnce();
    const mine = await api.graphql(SENT_MAIL, {}, admin);
    expect(mine.data.sentMail.nodes.map((mail) => mail.to)).not.toContain('theirs@example.com');
    const theirs = await api.graphql(SENT_MAIL, {}, other);
    expect(theirs.data.sentMail.nodes.map((mail) => mail.to)).toEqual(['theirs@example.com']);
  });
});
