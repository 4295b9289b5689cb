import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult, GraphQLError } from 'graphql';
import type { RequestContext } from '../context.js';
import { coded, codedBody } from '../errors.js';
import { nextTurn } from './fair-turns.js';

/**
 * The safety net behind the static cost (query-cost.ts), which judges by typical list lengths: what one request
 * may actually resolve, for how long, and how large its answer may be. Resolving runs JavaScript on the one event
 * loop every tenant shares, where the database's statement timeout never applies.
 */
/** The defaults and their variables (REQUEST_MAX_FIELDS, REQUEST_MAX_MS, RESPONSE_MAX_BYTES) are in core/config.ts. */
export interface BudgetLimits {
  /** Guarded fields resolved (every field of every object behind a permission). */
  fields: number;
  /** Wall time from when the request was let in (after any wait for a slot). */
  milliseconds: number;
  /** The serialised answer, in bytes. */
  responseBytes: number;
}

/** The clock is read only every so many fields, so the guard's per-field work stays one increment and a compare. */
const CHECK_EVERY = 256;

/** How long one request may resolve before it lets the event loop serve others (see `check`). */
const SLICE_MS = 2;

export class RequestBudget {
  /** Fields resolved so far; the guard increments it. */
  spent = 0;
  /** When `spent` passes this, the guard calls `check()`. */
  checkAt = CHECK_EVERY;
  /** Which budget ran out, once one has. */
  exceeded: string | null = null;
  private error: GraphQLError | undefined;
  private readonly startedAt = performance.now();
  private sliceStartedAt = this.startedAt;

  /**
   * @param group whose turns this request takes (fair-turns.ts): its consultancy, or the caller when anonymous.
   */
  constructor(
    readonly limits: BudgetLimits,
    private readonly group = 'anonymous',
  ) {}

  /**
   * Called every CHECK_EVERY fields. Once a budget is spent, answers a rejected promise for this and every further
   * field, so execution winds down at once. A rejection rather than a throw: graphql-js abandons the rest of a list
   * when one item throws synchronously, and the abandoned items' own failures would then go unhandled (which ends a
   * Node process).
   *
   * Otherwise, after a few milliseconds of uninterrupted work, answers a promise that resolves at its consultancy's
   * next turn (fair-turns.ts): a large request then resolves in slices, and other consultancies' requests are
   * served between them instead of waiting for the whole tree (the noisy-neighbour scenario of the bench).
   */
  check(): Promise<void> | undefined {
    const now = performance.now();
    if (!this.exceeded) {
      if (this.spent > this.limits.fields) {
        this.exceeded = `more than ${this.limits.fields.toLocaleString('en')} fields`;
      } else if (now - this.startedAt > this.limits.milliseconds) {
        this.exceeded = `more than ${(this.limits.milliseconds / 1000).toLocaleString('en')} s of work`;
      }
    }
    if (this.exceeded) {
      this.checkAt = 0;
      // One error for every field that still comes: only the answer's single error is ever shown.
      this.error ??= budgetError(this.exceeded);
      return Promise.reject(this.error);
    }
    this.checkAt = this.spent + CHECK_EVERY;
    if (now - this.sliceStartedAt < SLICE_MS) return undefined;
    return nextTurn(this.group).then(() => {
      this.sliceStartedAt = performance.now();
    });
  }
}

function budgetMessage(what: string): string {
  return (
    `This request was stopped: it needed ${what}, over what one request may use. ` +
    'Ask for fewer items per page (`first`) or fewer nested lists, and fetch the rest in further requests.'
  );
}

/**
 * Given a path of its own, so graphql-js passes it on as it is instead of building a located copy (with its
 * source locations) for every field that fails after the budget ran out.
 */
function budgetError(what: string): GraphQLError {
  return coded('QUERY_TOO_COSTLY', budgetMessage(what), { path: [] });
}

/**
 * One answer for a request whose budget ran out, instead of a partial tree with an error at every field that was
 * still pending. The transaction plugin rolls such a request back (see server.ts), so nothing it wrote stays.
 */
export const requestBudgetPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const exceeded = contextValue.budget?.exceeded;
        if (!exceeded || response.body.kind !== 'single') return;
        response.body.singleResult.data = null;
        response.body.singleResult.errors = [codedBody('QUERY_TOO_COSTLY', budgetMessage(exceeded))];
      },
    };
  },
};

/**
 * Apollo's `stringifyResult`, with a ceiling: the answer is serialised anyway, so measuring it costs nothing more.
 * Over the ceiling, the client gets the error instead of the data (the status is already 200 by then).
 */
export function capResponseSize(limit: number) {
  return (result: FormattedExecutionResult): string => {
    const text = JSON.stringify(result) + '\n';
    // A UTF-16 unit is at most 3 bytes of UTF-8, so only a long answer needs counting.
    if (text.length * 3 <= limit || Buffer.byteLength(text) <= limit) return text;
    return (
      JSON.stringify({
        data: null,
        errors: [
          codedBody('QUERY_TOO_COSTLY', budgetMessage(`an answer larger than ${describeBytes(limit)}`)),
        ],
      }) + '\n'
    );
  };
}

function describeBytes(bytes: number): string {
  const format = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${format(bytes / 1024 / 1024)} MB`;
  if (bytes >= 10 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes)} bytes`;
}
