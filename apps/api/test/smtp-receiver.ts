import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** What the server does with the next mail: take it, hold it (never answer the end of DATA), or refuse it. */
export type SmtpAnswer = 'accept' | 'hang';

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, fixed for the receiver's life, also while it is stopped. */
  url: string;
  port: number;
  received: ParsedMail[];
  answer(next: SmtpAnswer): void;
  /** RCPT TO for this address is refused with 550, as for a mailbox that does not exist. */
  refuse(address: string): void;
  /** Resolves once `count` mails have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Stops listening, so connections to the port are refused, until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * A real SMTP server on loopback standing in for the consultancy's mail server (smtp-server, parsed with
 * mailparser). Created stopped when asked, to stand for a server that is down.
 */
export async function startSmtpReceiver(options: { stopped?: boolean } = {}): Promise<SmtpReceiver> {
  const port = await freePort();
  const received: ParsedMail[] = [];
  const refused = new Set<string>();
  const waiting: { count: number; resolve: () => void }[] = [];
  let next: SmtpAnswer = 'accept';
  let server: SMTPServer | null = null;

  function create() {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (!refused.has(address.address.toLowerCase())) return callback();
        const error = new Error('5.1.1 No such mailbox here') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push(mail);
            for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
            if (next === 'accept') callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  const receiver: SmtpReceiver = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    answer(answer) {
      next = answer;
    },
    refuse(address) {
      refused.add(address.toLowerCase());
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Expected ${count} mails, got ${received.length}.`)),
          timeoutMs,
        );
        waiting.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    async start() {
      if (server) return;
      const started = create();
      await new Promise<void>((resolve) => started.listen(port, '127.0.0.1', resolve));
      server = started;
    },
    async stop() {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
    close: () => receiver.stop(),
  };
  if (!options.stopped) await receiver.start();
  return receiver;
}
