interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

/** One GraphQL request that must answer without errors: set-up and checks (measured runs go through load.ts). */
export async function post(url: string, query: string, variables: unknown, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer;
  if (response.status !== 200 || answer.errors) {
    throw new Error(`${response.status}: ${JSON.stringify(answer.errors ?? answer).slice(0, 500)}`);
  }
  return {
    data: answer.data as Record<string, unknown>,
    statements: response.headers.get('x-sql-statements'),
  };
}
