import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Viewer } from '../auth/viewer.js';
import type { RequestContext } from '../context.js';
import { coded } from '../errors.js';
import { callerKey } from './rate-limit.js';

/** The defaults and their variables (CONCURRENT_REQUESTS_PER_CALLER…) are in core/config.ts. */
export interface ConcurrencyOptions {
  /** Requests one member, API key or (when anonymous) address may have running at once. */
  perCaller: number;
  /** Requests one consultancy (all its members and keys together) may have running at once. */
  perTenant: number;
  /** How long a request over either limit waits for a slot before it is refused. */
  queueMs: number;
  /** How many requests of one consultancy (or anonymous address) may wait at once; more are refused at once. */
  maxQueued: number;
}

interface Waiter {
  keys: string[];
  admit: () => void;
}

export interface ConcurrencyLimiter {
  /** Waits for a slot (or refuses with 429); resolves with the function that gives it back, safe to call twice. */
  acquire(viewer: Viewer, address: string | undefined): Promise<() => void>;
  inFlight(): number;
  queued(): number;
}

/**
 * Requests in flight per caller and per consultancy, so one of them cannot take the event loop and the database
 * pool that every consultancy shares. A short queue absorbs a page's burst of parallel queries; past it the
 * answer is 429 with Retry-After. In memory, per API process, like the rate limit.
 */
export function concurrencyLimiter(options: ConcurrencyOptions): ConcurrencyLimiter {
  const running = new Map<string, number>();
  // Waiters are queued per consultancy (or anonymous caller): a release can only admit someone of the same group.
  const queues = new Map<string, Waiter[]>();
  let inFlight = 0;
  let queued = 0;

  const limitOf = (key: string) => (key.startsWith('tenant:') ? options.perTenant : options.perCaller);
  const fits = (keys: string[]) => keys.every((key) => (running.get(key) ?? 0) < limitOf(key));

  function take(keys: string[]): () => void {
    for (const key of keys) running.set(key, (running.get(key) ?? 0) + 1);
    inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      inFlight--;
      for (const key of keys) {
        const left = (running.get(key) ?? 1) - 1;
        if (left === 0) running.delete(key);
        else running.set(key, left);
      }
      admitWaiters(keys[keys.length - 1] as string);
    };
  }

  function admitWaiters(group: string) {
    const queue = queues.get(group);
    if (!queue) return;
    for (let i = 0; i < queue.length;) {
      const waiter = queue[i] as Waiter;
      if (fits(waiter.keys)) {
        queue.splice(i, 1);
        waiter.admit();
      } else i++;
    }
    if (queue.length === 0) queues.delete(group);
  }

  return {
    async acquire(viewer, address) {
      const caller = callerKey(viewer, address);
      const keys = viewer.kind === 'anonymous' ? [caller] : [caller, `tenant:${viewer.tenantId}`];
      if (fits(keys)) return take(keys);
      const group = keys[keys.length - 1] as string;
      const queue = queues.get(group) ?? [];
      if (queue.length >= options.maxQueued || options.queueMs === 0) throw tooManyConcurrent(viewer);
      queues.set(group, queue);
      queued++;
      return new Promise<() => void>((resolve, reject) => {
        const waiter: Waiter = {
          keys,
          admit: () => {
            clearTimeout(timer);
            queued--;
            resolve(take(keys));
          },
        };
        const timer = setTimeout(() => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          if (queue.length === 0 && queues.get(group) === queue) queues.delete(group);
          queued--;
          reject(tooManyConcurrent(viewer));
        }, options.queueMs);
        queue.push(waiter);
      });
    },
    inFlight: () => inFlight,
    queued: () => queued,
  };
}

/**
 * Gives the slot back once the work is done: when the answer is ready, not when the client hangs up, or a caller
 * could abort requests one after another and keep unlimited work running.
 */
export const releaseSlotPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue }) {
        contextValue.releaseSlot?.();
      },
    };
  },
};

function tooManyConcurrent(viewer: Viewer): GraphQLError {
  const who = viewer.kind === 'anonymous' ? 'this address' : 'your consultancy or this caller';
  return coded(
    'TOO_MANY_CONCURRENT_REQUESTS',
    `Too many requests from ${who} are running at once. Wait for one to finish, then try again in 1 s.`,
    {
      extensions: { retryAfterSeconds: 1 },
      http: { status: 429, headers: new Map([['retry-after', '1']]) },
    },
  );
}
