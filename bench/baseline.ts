import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import pg from 'pg';

/**
 * The baseline: the plainest Apollo Server + pg that answers `clients(first: 50)` with engagements and milestones.
 * No auth, no tenancy layer (the tenant is fixed when it starts), no DataLoaders, no transaction per request: one
 * pool, one query per field that needs rows, as a first version would be written.
 */
const typeDefs = /* GraphQL */ `
  type Query {
    clients(first: Int): ClientConnection!
  }
  type ClientConnection {
    nodes: [Client!]!
  }
  type Client {
    id: ID!
    name: String!
    industry: String!
    engagements: [Engagement!]!
  }
  type Engagement {
    id: ID!
    title: String!
    status: String!
    milestones: [Milestone!]!
  }
  type Milestone {
    id: ID!
    title: String!
    dueOn: String!
    done: Boolean!
  }
`;

interface Row {
  id: string;
  [column: string]: unknown;
}

export async function startBaseline(databaseUrl: string, tenantId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  let statements = 0;
  const query = (sql: string, params: unknown[]) => {
    statements++;
    return pool.query(sql, params);
  };
  const resolvers = {
    Query: {
      clients: async (_: unknown, args: { first?: number }) => {
        const { rows } = await query(
          'SELECT id, name, industry FROM clients WHERE tenant_id = $1 ORDER BY name, id LIMIT $2',
          [tenantId, args.first ?? 50],
        );
        return { nodes: rows };
      },
    },
    Client: {
      engagements: async (client: Row) => {
        const { rows } = await query(
          `SELECT id, title, status FROM engagements WHERE tenant_id = $1 AND client_id = $2
            ORDER BY created_at DESC, id DESC`,
          [tenantId, client.id],
        );
        return rows;
      },
    },
    Engagement: {
      milestones: async (engagement: Row) => {
        const { rows } = await query(
          `SELECT id, title, due_on::text AS "dueOn", done_at IS NOT NULL AS done FROM milestones
            WHERE tenant_id = $1 AND engagement_id = $2 ORDER BY due_on, id`,
          [tenantId, engagement.id],
        );
        return rows;
      },
    },
  };
  const server = new ApolloServer({ typeDefs, resolvers });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return {
    url,
    /** Statements sent so far (the bench reads the difference around one request). */
    statements: () => statements,
    async stop() {
      await server.stop();
      await pool.end();
    },
  };
}
