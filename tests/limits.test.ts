/**
 * Query limits: depth, aliases, directives, tokens and cost are refused with QUERY_TOO_COMPLEX,
 * the limit and what the query came to, before a single Cypher query runs.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { QueryName } from '../src/graph/queries.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

let server: TestServer;
let defaults: TestServer;
const queriesRun: QueryName[] = [];

beforeAll(async () => {
  server = await startTestServer(
    {
      OFFICEGRAPH_MAX_DEPTH: '4',
      OFFICEGRAPH_MAX_ALIASES: '2',
      OFFICEGRAPH_MAX_DIRECTIVES: '2',
      OFFICEGRAPH_MAX_TOKENS: '200',
      OFFICEGRAPH_MAX_COST: '100',
      OFFICEGRAPH_DEFAULT_LIST_SIZE: '10',
    },
    { onQuery: (name) => queriesRun.push(name) },
  );
  defaults = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
  await defaults?.stop();
});

/** Sends the query and checks that it ran no Cypher at all. */
async function refused(query: string, variables: Record<string, unknown> = {}) {
  queriesRun.length = 0;
  const response = await server.graphql(query, variables);
  expect(queriesRun).toEqual([]);
  return response;
}

describe('query limits', () => {
  it('has documented defaults', () => {
    expect(loadConfig({}).queryLimits).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxDirectives: 20,
      maxTokens: 3000,
      maxCost: 20_000,
      defaultListSize: 10,
    });
  });

  it('prices a list by its first argument, also from a variable', async () => {
    // search(first: n) { entity { id } }: n hits × (hit 1 + entity 1) = 2n objects.
    const query = 'query Q($n: Int) { search(text: "Huang", first: $n) { entity { id } } }';
    const allowed = await server.graphql(query, { n: 50 });
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();

    expect(await refused(query, { n: 51 })).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Query too complex: it could fetch 102 objects, over the limit of 100; ask for smaller pages (first/limit) or fewer nested lists.',
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 100, cost: 102 },
          },
        ],
      },
    });
  });

  it('prices a connection-like field by its limit and lists without one by the default size', async () => {
    // neighborhood(limit: 20): 1 + nodes 20 × 1 + edges 20 × (1 + evidence 10 × 1) = 241.
    const response = await refused('{ neighborhood(id: "person:huang-qiang", limit: 20) { nodes { id } edges { id evidence { quote } } } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 100, cost: 241 });
  });

  it('refuses a query nested too deeply', async () => {
    const response = await refused('{ person(id: "person:huang-qiang") { tenures { post { organization { parent { name } } } } } }');
    expect(response).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Query too complex: depth 6 is over the limit of 4.',
            extensions: { code: 'QUERY_TOO_COMPLEX', limit: 4, found: 6 },
          },
        ],
      },
    });
  });

  it('refuses too many aliases', async () => {
    const response = await refused('{ a: person(id: "x") { id } b: person(id: "y") { id } c: person(id: "z") { id } }');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { message: 'Query too complex: aliases 3 is over the limit of 2.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 2, found: 3 } },
    ]);
  });

  it('refuses too many directives', async () => {
    const response = await refused('{ person(id: "x") { id @include(if: true) name @include(if: true) aliases @skip(if: false) } }');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { message: 'Query too complex: directives 3 is over the limit of 2.', extensions: { code: 'QUERY_TOO_COMPLEX', limit: 2, found: 3 } },
    ]);
  });

  it('stops parsing a document with too many tokens', async () => {
    const response = await refused(`{ ${'person(id: "x") { id } '.repeat(60)} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        message: 'Query too complex: more than 200 tokens.',
        locations: expect.any(Array),
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 200 },
      },
    ]);
  });

  it('lets ordinary queries and the standard introspection query through with the default limits', async () => {
    const introspection = await defaults.graphql(getIntrospectionQuery());
    expect(introspection.status).toBe(200);
    expect(introspection.body.errors).toBeUndefined();
    const neighborhood = await defaults.graphql(
      '{ neighborhood(id: "person:huang-qiang", limit: 200) { nodes { id } edges { id evidence { quote source { id } } } } }',
    );
    expect(neighborhood.status).toBe(200);
    expect(neighborhood.body.errors).toBeUndefined();
  });
});
