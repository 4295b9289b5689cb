import { fieldError } from '@csp/domain';
import type { ApiModule } from '../src/core/api-module.js';
import type { RequestContext } from '../src/core/context.js';
import { queueMail } from '../src/modules/mail/index.js';

/**
 * A module for tests only: one mutation that queues a mail in its write, as a feature's mutation will, and can
 * refuse afterwards (a user error), which rolls its writes back. Served with `startTestApi({ modules })`.
 */
export const mailProbe: ApiModule = {
  name: 'mail-probe',
  typeDefs: [
    `extend type Mutation {
       queueProbeMail(input: QueueProbeMailInput!): QueueProbeMailPayload! @allow(to: "consultancy:read")
     }
     input QueueProbeMailInput { to: String!, subject: String!, refuse: Boolean }
     type QueueProbeMailPayload @public { mailId: ID, status: String, userErrors: [UserError!]! }`,
  ],
  resolvers: {
    Mutation: {
      queueProbeMail: (
        _: unknown,
        { input }: { input: { to: string; subject: string; refuse?: boolean } },
        context: RequestContext,
      ) =>
        context.db.write(async (db) => {
          const queued = await queueMail(db, {
            kind: 'PROBE',
            to: input.to,
            subject: input.subject,
            html: `<p>Hello from <strong>the probe</strong>: ${input.subject}</p>`,
            text: `Hello from the probe: ${input.subject}`,
            headers: {
              'List-Unsubscribe': '<https://service-programme.localhost/unsubscribe#t=probe>',
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          });
          if (input.refuse) {
            return {
              mailId: null,
              status: null,
              userErrors: [fieldError('refuse', 'INVALID', 'Refused on purpose, after queueing.')],
            };
          }
          return { mailId: queued.id, status: queued.status, userErrors: [] };
        }),
    },
  },
  entities: [],
};

export const QUEUE_PROBE_MAIL = `mutation QueueProbeMail($input: QueueProbeMailInput!) {
  queueProbeMail(input: $input) { mailId status userErrors { field code } }
}`;
