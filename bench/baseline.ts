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

/** Counted per request only to report statements per request, as the product does in a header. */
interface Counted {
  statements: number;
}

export async function startBaseline(databaseUrl: string, tenantId: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  pool.on('error', () => undefined);
  const query = (context: Counted, sql: string, params: unknown[]) => {
    context.statements++;
    return pool.query(sql, params);
  };
  const resolvers = {
    Query: {
      clients: async (_: unknown, args: { first?: number }, context: Counted) => {
        const { rows } = await query(
          context,
          'SELECT id, name, industry FROM clients WHERE tenant_id = $1 ORDER BY name, id LIMIT $2',
          [tenantId, args.first ?? 50],
        );
        return { nodes: rows };
      },
    },
    Client: {
      engagements: async (client: Row, _: unknown, context: Counted) => {
        const { rows } = await query(
          context,
          `SELECT id, title, status FROM engagements WHERE tenant_id = $1 AND client_id = $2
            ORDER BY created_at DESC, id DESC`,
          [tenantId, client.id],
        );
        return rows;
      },
    },
    Engagement: {
      milestones: async (engagement: Row, _: unknown, context: Counted) => {
        const { rows } = await query(
          context,
          `SELECT id, title, due_on::text AS "dueOn", done_at IS NOT NULL AS done FROM milestones
            WHERE tenant_id = $1 AND engagement_id = $2 ORDER BY due_on, id`,
          [tenantId, engagement.id],
        );
        return rows;
      },
    },
  };
  const server = new ApolloServer<Counted>({
    typeDefs,
    resolvers,
    plugins: [
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-sql-statements', String(contextValue.statements));
            },
          };
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async () => ({ statements: 0 }),
  });
  return {
    url,
    async stop() {
      await server.stop();
      await pool.end();
    },
  };
}
