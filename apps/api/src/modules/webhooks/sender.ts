import http from 'node:http';
import https from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { Webhook } from 'standardwebhooks';
import { DENIED_AT_DELIVERY } from '../../core/http/address-guard.js';

/** The answer kept with each attempt: enough to see why a receiver refused, not a copy of whatever it sent. */
const KEPT_BODY_BYTES = 2048;

export interface AttemptResult {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

export interface SenderOptions {
  timeoutMs: number;
  allowPrivateAddresses: boolean;
}

/**
 * The Standard Webhooks headers: the message id (the same on every retry and replay, so receivers can drop
 * duplicates), the time in seconds, and one `v1,` signature per active secret, space-separated, which is how a
 * rotation overlaps: a receiver holding either secret accepts the delivery.
 */
export function signedHeaders(messageId: string, sentAt: Date, body: string, secrets: readonly string[]) {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, sentAt, body));
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

export function createSender(options: SenderOptions) {
  const filter = {
    allowPrivateIPAddress: options.allowPrivateAddresses,
    allowMetaIPAddress: options.allowPrivateAddresses,
    // The agent checks this list even when private addresses are allowed, so it is given only with the guard on.
    denyIPAddressList: options.allowPrivateAddresses ? [] : DENIED_AT_DELIVERY,
  };
  const agents = {
    http: new RequestFilteringHttpAgent(filter),
    https: new RequestFilteringHttpsAgent(filter),
  };

  return function send(url: string, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const started = performance.now();
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: Omit<AttemptResult, 'durationMs'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...result, durationMs: Math.round(performance.now() - started) });
      };
      const request = (secure ? https : http).request(
        target,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          timeout: options.timeoutMs,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'user-agent': 'ServiceProgramme-Webhooks/1',
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          response.on('data', (chunk: Buffer) => {
            if (kept < KEPT_BODY_BYTES) chunks.push(chunk.subarray(0, KEPT_BODY_BYTES - kept));
            kept += chunk.length;
          });
          response.on('end', () =>
            finish({
              status: response.statusCode ?? null,
              body: Buffer.concat(chunks).toString('utf8'),
              error: null,
            }),
          );
          response.on('error', (error) =>
            finish({ status: response.statusCode ?? null, body: null, error: error.message }),
          );
        },
      );
      // A receiver that takes the whole timeout counts as a failure and is retried; its work may still complete,
      // which the unchanged webhook-id lets it recognise.
      request.on('timeout', () => request.destroy(new Error(`No answer within ${options.timeoutMs} ms.`)));
      request.on('error', (error) => finish({ status: null, body: null, error: error.message }));
      request.end(body);
    });
  };
}
