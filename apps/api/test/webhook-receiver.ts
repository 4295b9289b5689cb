import http from 'node:http';

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers next: a status and body, or no answer at all (the request hangs until closed). */
export type ReceiverAnswer = { status: number; body?: string } | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedDelivery[];
  answer(next: ReceiverAnswer): void;
  /** Resolves once `count` deliveries have arrived in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
  close(): Promise<void>;
}

/** A real HTTP endpoint on loopback standing in for a third party's system. */
export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const received: ReceivedDelivery[] = [];
  let next: ReceiverAnswer = { status: 200, body: 'ok' };
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      for (const waiter of waiting.filter((w) => received.length >= w.count)) waiter.resolve();
      if (next === 'hang') return;
      response.writeHead(next.status, { 'content-type': 'text/plain' }).end(next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answer(answer) {
      next = answer;
    },
    waitFor(count, timeoutMs = 10_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Expected ${count} deliveries, got ${received.length}.`)),
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
