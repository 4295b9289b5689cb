import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/test-api.js';
import { DEMO_ACCOUNT } from './demo-programme.js';
import { seedDemo } from './seed-demo.js';
import { graphql } from '../../test/generated/index.js';

/** What a new user meets on first start: a living programme, seen from the consultancy and from a client leader. */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  expect(await seedDemo(api.dataSource)).toMatchObject({ created: true });
}, 120_000);
afterAll(() => api.close());

async function signIn(email: string) {
  const response = await api.graphql(
    graphql(`
      mutation SeedDemoLogIn($input: LogInInput!) {
        logIn(input: $input) {
          token
        }
      }
    `),
    { input: { email, password: DEMO_ACCOUNT.password } },
  );
  return { token: response.data.logIn.token };
}

describe('the demo consultancy', () => {
  it('loads only once', async () => {
    expect(await seedDemo(api.dataSource)).toMatchObject({ created: false });
    const [row] = await api.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM consultancies');
    expect(row?.n).toBe(1);
  });

  it('gives every client a published charter, audits with deltas, and open and overdue actions', async () => {
    const admin = await signIn(DEMO_ACCOUNT.email);
    const response = await api.graphql(
      graphql(`
        query SeedDemoClients {
          clients(first: 10) {
            nodes {
              name
              industry
              charter {
                published {
                  number
                }
              }
              audits {
                status
                deltas {
                  overall {
                    change
                  }
                }
              }
              actions {
                status
                overdue
              }
              engagements {
                status
              }
            }
          }
          actions(overdue: true) {
            totalCount
          }
        }
      `),
      {},
      admin,
    );
    const clients = response.data.clients.nodes;
    expect(new Set(clients.map((c) => c.industry)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(clients.flatMap((c) => c.engagements.map((e) => e.status))).size).toBeGreaterThanOrEqual(
      4,
    );
    for (const client of clients) {
      expect(client.charter?.published, client.name).not.toBeNull();
      const published = client.audits.filter((a) => a.status === 'PUBLISHED');
      expect(published.length, client.name).toBeGreaterThanOrEqual(2);
      expect(
        published.some((a) => a.deltas?.overall.change !== null),
        client.name,
      ).toBe(true);
      expect(
        client.actions.some((a) => a.status !== 'DONE'),
        client.name,
      ).toBe(true);
    }
    expect(response.data.actions.totalCount).toBeGreaterThan(0);
  });

  it('shows a client leader their signed-off charter, audits over time and their own actions', async () => {
    const leader = await signIn('sam@harbourline.example');
    const response = await api.graphql(
      graphql(`
        query SeedDemoMe {
          me {
            client {
              name
              charter {
                published {
                  signOff {
                    signedBy {
                      name
                    }
                  }
                }
              }
            }
          }
          clients {
            totalCount
          }
          actions(mine: true) {
            nodes {
              status
            }
          }
        }
      `),
      {},
      leader,
    );
    expect(response.data.me!.client!.name).toBe('Harbourline Bank');
    expect(response.data.me!.client!.charter!.published!.signOff?.signedBy!.name).toBe('Sam Okafor');
    expect(response.data.clients.totalCount).toBe(1);
    expect(response.data.actions.nodes.length).toBeGreaterThan(0);
  });

  it('shows Harbourline’s leader an industry benchmark on the follow-up audit, frozen at its publication', async () => {
    const leader = await signIn('sam@harbourline.example');
    const response = await api.graphql(
      graphql(`
        query SeedDemoMe2 {
          me {
            client {
              audits(frameworkKey: "aeiou-values") {
                conductedOn
                framework {
                  key
                }
                benchmark {
                  industry
                  contributors
                  unavailableReason
                  overall {
                    lowerQuartile
                    median
                    upperQuartile
                    count
                  }
                }
              }
            }
          }
        }
      `),
      {},
      leader,
    );
    const [followUp, first] = response.data.me!.client!.audits;
    // Five other banks had published their first audits when the follow-up was published.
    expect(followUp?.benchmark).toMatchObject({
      industry: 'BANKING_FINANCE',
      contributors: 5,
      unavailableReason: null,
    });
    const overall = followUp?.benchmark?.overall;
    for (const value of [overall?.lowerQuartile, overall?.median, overall?.upperQuartile])
      expect((value ?? 1) % 5).toBe(0);
    // The first audit was published before any of them, so its benchmark says there were not enough.
    expect(first?.benchmark).toMatchObject({
      unavailableReason: 'NOT_ENOUGH_COMPARABLE_CLIENTS',
      overall: null,
    });
  });

  it('measures two clients’ calls for a year, with one breach and the action raised from it', async () => {
    const admin = await signIn(DEMO_ACCOUNT.email);
    const response = await api.graphql(
      graphql(`
        query SeedDemoServiceLevels {
          clients(first: 10) {
            nodes {
              name
              serviceLevels {
                promiseKey
                summary
                periods(last: 53) {
                  closed
                  valid
                }
                changes {
                  kind
                  period {
                    label
                    compliance
                    target
                  }
                }
              }
              actions {
                description
                promise {
                  promiseKey
                }
              }
            }
          }
        }
      `),
      {},
      admin,
    );
    const measured = response.data.clients.nodes.filter((c) => c.serviceLevels.length > 0);
    expect(measured.map((c) => c.name).sort()).toEqual(['ClearCall Telecom', 'Harbourline Bank']);
    for (const client of measured) {
      // A year: 52 closed weeks with calls in every one, and the week now running.
      const periods = client.serviceLevels[0]!.periods;
      expect(
        periods.filter((p) => p.closed && p.valid > 0),
        client.name,
      ).toHaveLength(52);
      expect(periods.at(-1)?.closed, client.name).toBe(false);
    }

    const harbourline = measured.find((c) => c.name === 'Harbourline Bank')!;
    const level = harbourline.serviceLevels[0]!;
    expect(level.summary).toBe('Kept in 11 of the last 12 weeks');
    // Newest first: the bad week, then the week after it that kept the promise again.
    const [recovery, breach] = level.changes;
    expect([recovery?.kind, breach?.kind, level.changes.length]).toEqual(['RECOVERED', 'BREACHED', 2]);
    expect(breach!.period.compliance!).toBeLessThan(breach!.period.target - 0.1);
    const raised = harbourline.actions.filter(
      (a) => a.promise?.promiseKey === level.promiseKey && a.description.includes(breach!.period.label),
    );
    expect(raised).toHaveLength(1);
    expect(raised[0]!.description).toMatch(/^Compliance \d+(\.\d)? % in \d{4}-W\d{2}, target 90 %: /);

    const clearCall = measured.find((c) => c.name === 'ClearCall Telecom')!.serviceLevels[0]!;
    expect(clearCall.summary).toBe('Kept in 12 of the last 12 weeks');
    expect(clearCall.changes).toEqual([]);

    // The client leader reads the same record in plain words in the programme.
    const leader = await signIn('sam@harbourline.example');
    const own = await api.graphql(
      graphql(`
        query SeedDemoLeaderServiceLevels {
          me {
            client {
              serviceLevels {
                summary
              }
            }
          }
        }
      `),
      {},
      leader,
    );
    expect(own.data.me!.client!.serviceLevels.map((l) => l.summary)).toEqual([
      'Kept in 11 of the last 12 weeks',
    ]);
  });

  it('logs a year of complaints for two clients, with one category rising this month and an action on it', async () => {
    const admin = await signIn(DEMO_ACCOUNT.email);
    const response = await api.graphql(
      graphql(`
        query SeedDemoComplaints {
          clients(first: 10) {
            nodes {
              name
              complaints(first: 1) {
                totalCount
              }
              complaintPatterns(months: 12) {
                months
                categories {
                  category {
                    name
                  }
                  rising {
                    rising
                  }
                }
                rates {
                  contacts
                }
              }
            }
          }
        }
      `),
      {},
      admin,
    );
    const logged = response.data.clients.nodes.filter((c) => c.complaints.totalCount > 0);
    expect(logged.map((c) => c.name).sort()).toEqual(['ClearCall Telecom', 'Harbourline Bank']);
    for (const client of logged) {
      expect(client.complaints.totalCount).toBeGreaterThan(100);
      expect(client.complaints.totalCount).toBeLessThan(600);
      expect(client.complaintPatterns.categories.filter((c) => c.rising.rising)).toHaveLength(1);
      expect(client.complaintPatterns.rates.length).toBeGreaterThan(0);
    }
  });

  it('has a role profile with scored and ranked candidates', async () => {
    const admin = await signIn(DEMO_ACCOUNT.email);
    const response = await api.graphql(
      graphql(`
        query SeedDemoClients2 {
          clients {
            nodes {
              roleProfiles {
                ready
                candidates {
                  rank
                  flagged
                }
              }
            }
          }
        }
      `),
      {},
      admin,
    );
    const ready = response.data.clients.nodes.flatMap((c) => c.roleProfiles).filter((p) => p.ready);
    expect(ready.length).toBeGreaterThanOrEqual(1);
    expect(ready[0]?.candidates.length).toBeGreaterThanOrEqual(3);
    expect(ready[0]?.candidates.some((c) => c.flagged)).toBe(true);
  });
});
