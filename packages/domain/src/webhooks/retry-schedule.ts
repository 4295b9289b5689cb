/**
 * When a failed delivery is tried again. The waits grow from seconds (a receiver restarting) to a day (a receiver
 * down over a weekend), and the whole schedule spans more than three days even at the shortest jitter, so an
 * integration that is fixed on Monday still receives Friday's events.
 */
export const RETRY_WAITS_SECONDS = [
  30,
  2 * 60,
  10 * 60,
  30 * 60,
  60 * 60,
  3 * 60 * 60,
  6 * 60 * 60,
  12 * 60 * 60,
  24 * 60 * 60,
  24 * 60 * 60,
  24 * 60 * 60,
] as const;

/** Every wait is stretched or shrunk by up to this fraction, so receivers that failed together are not retried together. */
export const RETRY_JITTER = 0.2;

/** The first try plus one per wait. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_WAITS_SECONDS.length + 1;

/**
 * The wait after the `attemptsMade`-th failed attempt, in milliseconds, or null when that was the last one.
 * `random` is a number in [0, 1), from Math.random in the product and from a generator in tests.
 */
export function nextRetryDelayMs(attemptsMade: number, random: number): number | null {
  const base = RETRY_WAITS_SECONDS[attemptsMade - 1];
  if (base === undefined || attemptsMade < 1) return null;
  const factor = 1 - RETRY_JITTER + 2 * RETRY_JITTER * Math.min(Math.max(random, 0), 1);
  return Math.round(base * 1000 * factor);
}

export type DeliveryOutcome =
  { kind: 'DELIVERED' } | { kind: 'GONE' } | { kind: 'RETRY'; delayMs: number } | { kind: 'GAVE_UP' };

/**
 * What an attempt's answer means. Any 2xx is delivered. 410 Gone is the receiver saying the endpoint no longer
 * exists, so it is disabled rather than retried for days. Everything else (another status, a timeout, a refused
 * connection) is retried on the schedule until it runs out.
 */
export function deliveryOutcome(
  status: number | null,
  attemptsMade: number,
  random: number,
): DeliveryOutcome {
  if (status !== null && status >= 200 && status < 300) return { kind: 'DELIVERED' };
  if (status === 410) return { kind: 'GONE' };
  const delayMs = nextRetryDelayMs(attemptsMade, random);
  return delayMs === null ? { kind: 'GAVE_UP' } : { kind: 'RETRY', delayMs };
}
