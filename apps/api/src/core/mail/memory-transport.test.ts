import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultMailTransport, mailLine, memoryMailTransport } from './memory-transport.js';

const message = (n: number) => ({
  to: `ava${n}@example.com`,
  subject: 'Confirm your account',
  text: `Open this link:\nhttp://localhost:4000/sign-up/confirm#token=csu_${n}\nThanks.`,
});

afterEach(() => vi.restoreAllMocks());

describe('the in-memory mail transport', () => {
  it('keeps what was sent, oldest first, and at most as many as it is told', async () => {
    const mail = memoryMailTransport({ keep: 2 });
    for (const n of [1, 2, 3]) await mail.send(message(n));
    expect(mail.sent().map((sent) => sent.to)).toEqual(['ava2@example.com', 'ava3@example.com']);
  });

  it('prints one line a message, with its links, for someone trying the product locally', async () => {
    const lines: string[] = [];
    await memoryMailTransport({ print: (line) => lines.push(line) }).send(message(1));
    expect(lines).toEqual([
      'mail to ava1@example.com: Confirm your account  http://localhost:4000/sign-up/confirm#token=csu_1',
    ]);
    expect(mailLine(message(1))).toBe(lines[0]);
  });

  it('prints to the console outside production and never in production', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await defaultMailTransport(false).send(message(1));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('mail to ava1@example.com'));
    log.mockClear();
    const production = defaultMailTransport(true);
    await production.send(message(2));
    expect(log).not.toHaveBeenCalled();
    expect(production.sent()).toEqual([]);
  });
});
