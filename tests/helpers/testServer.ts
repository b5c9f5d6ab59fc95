/**
 * Starts officegraph on a free loopback port against the test run's Neo4j, and speaks GraphQL
 * to it over real HTTP, as a client would.
 */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startOfficegraph, type Officegraph, type StartOptions } from '../../src/app.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

export interface TestServer {
  app: Officegraph;
  config: Config;
  url: string;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  get(path: string): Promise<Response>;
  stop(): Promise<void>;
}

export function testEnvironment(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const neo4j = inject('neo4j');
  return {
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    OFFICEGRAPH_SEED: 'true',
    ...overrides,
  };
}

export async function startTestServer(
  overrides: Record<string, string> = {},
  options: Partial<StartOptions> = {},
): Promise<TestServer> {
  const config = loadConfig(testEnvironment(overrides));
  const app = await startOfficegraph(config, { logger: createLogger('silent'), ...options });
  return {
    app,
    config,
    url: app.url,
    async graphql(query, variables = {}, headers = {}) {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] } as never;
    },
    get: (path) => fetch(`${app.url}${path}`),
    stop: () => app.stop(),
  };
}
