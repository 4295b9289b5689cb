import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/test-api.js';
import { signUpConsultancy } from '../../../test/factories.js';
import { modules } from '../index.js';
import { mailProbe, QUEUE_PROBE_MAIL } from '../../../test/mail-probe.js';
import { freePort, startSmtpReceiver, type SmtpReceiver } from '../../../test/smtp-receiver.js';

/**
 * A mail survives the death of the process sending it: the product runs as a real separate process, is killed
 * with SIGKILL while the SMTP server holds the end of its DATA unanswered, and a new process sends the same mail,
 * with the same Message-ID, once the lease has run out.
 */
let api: TestApi;
let smtp: SmtpReceiver;
const children: ChildProcess[] = [];

async function startProduct(): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: api.appUrl,
      SKIP_MIGRATIONS: 'true',
      DEMO_DATA: 'off',
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '100',
      WEBHOOK_WORKER: 'off',
      LOG_LEVEL: process.env.FAULT_LOG ?? 'silent',
    },
    stdio: process.env.FAULT_LOG ? 'inherit' : 'ignore',
  });
  children.push(child);
  return child;
}

async function outbox(id: string) {
  const [row] = await api.ownerQuery<{ status: string; attempt_count: number; locked_until: Date | null }>(
    'SELECT status, attempt_count, locked_until FROM mail_outbox WHERE id = $1',
    [id],
  );
  return row;
}

beforeAll(async () => {
  api = await startTestApi({ modules: [...modules, mailProbe] });
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await smtp.close();
  await api.close();
});

describe('a mail when its process crashes', () => {
  it('is claimed again after its lease and sent by the next process, with the same Message-ID', async () => {
    const admin = await signUpConsultancy(api);
    // Its own sign-up mail is kept here (no SMTP server), so the product processes below have one mail to send.
    await api.mailWorker.runOnce();
    const queued = await api.graphql<{ queueProbeMail: { mailId: string } }>(
      QUEUE_PROBE_MAIL,
      { input: { to: 'crash@example.com', subject: 'Sent through a crash' } },
      admin,
    );
    const mailId = queued.data.queueProbeMail.mailId;

    smtp.answer('hang');
    const first = await startProduct();
    const [held] = await smtp.waitFor(1, 30_000);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const leased = await outbox(mailId);
    expect(leased).toMatchObject({ status: 'PENDING', attempt_count: 0 });
    expect(leased!.locked_until!.getTime()).toBeGreaterThan(Date.now());

    // The lease (three timeouts + 30 s) runs out; moved to its end here rather than waited for.
    await api.ownerQuery('UPDATE mail_outbox SET locked_until = now() WHERE id = $1', [mailId]);
    smtp.answer('accept');
    await startProduct();
    const [, again] = await smtp.waitFor(2, 30_000);
    expect(again?.messageId).toBe(held?.messageId);
    expect(again?.subject).toBe('Sent through a crash');
    for (let i = 0; i < 50 && (await outbox(mailId))?.status !== 'SENT'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await outbox(mailId)).toMatchObject({ status: 'SENT', attempt_count: 1 });
    expect(smtp.received).toHaveLength(2);
  }, 90_000);
});
