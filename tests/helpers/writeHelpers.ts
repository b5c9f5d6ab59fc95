/**
 * Helpers for the write-side tests: the write token, the mutations, graph counts, and small
 * ingest documents about invented test entities (ids prefixed so they never meet the seeds).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { retractSource } from '../../src/ingest/retractSource.js';
import { startTestServer, type TestServer } from './testServer.js';

export const WRITE_TOKEN = 'test-write-token-0123456789';
export const AUTH = { authorization: `Bearer ${WRITE_TOKEN}` };
/**
 * Transaction timeout for the write tests: a 1000-fact document must reach the fact that fails
 * inside Neo4j before the timeout does, also on a busy CI machine.
 */
export const SLOW_MACHINE_TIMEOUT_MS = '60000';

export const INGEST = `mutation ($input: IngestInput!) {
  ingest(input: $input) {
    sourceId sourceCreated entities { created matched } facts { created matched }
  }
}`;
export const INGEST_DOCUMENT = `mutation ($document: JSON!) {
  ingestDocument(document: $document) {
    sourceId sourceCreated entities { created matched } facts { created matched }
  }
}`;
export const RETRACT = `mutation ($id: ID!) {
  retractSource(id: $id) { sourceId factsRemoved factsKept entitiesRemoved }
}`;

/** A test server that accepts mutations and gives write transactions room on a loaded machine. */
export function startWriteTestServer(): Promise<TestServer> {
  return startTestServer({ OFFICEGRAPH_WRITE_TOKEN: WRITE_TOKEN, OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
}

/**
 * One test server for the test file: started before its tests, stopped after them, once the
 * given sources are retracted so that nothing the file wrote is left behind. Returns the server.
 */
export function testServerRetractingAfterwards(sourceIds: readonly string[]): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
  });
  afterAll(async () => {
    if (server) for (const id of sourceIds) await retractSource(server.app.store, id).catch(() => undefined);
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the test server has not started');
    return server;
  };
}

/** The data of a GraphQL request that must answer without errors. */
export async function graphqlData(server: TestServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await server.graphql(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Record<string, any>;
}

export async function graphCounts(server: TestServer): Promise<{ nodes: number; relationships: number }> {
  const [row] = await server.app.store.read('graph_counts');
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

export async function ingest(server: TestServer, document: unknown) {
  return server.graphql(INGEST_DOCUMENT, { document }, AUTH);
}

export async function retract(server: TestServer, id: string) {
  return server.graphql(RETRACT, { id }, AUTH);
}

export interface Entity {
  kind: string;
  ref: string;
  name: string;
  quote: string;
  [field: string]: unknown;
}

/** A test source whose text is the given sentences; quotes are taken from them. */
export function testDocument(id: string, sentences: string[], entities: Entity[], facts: Array<Record<string, unknown>>) {
  return {
    source: {
      id: `source:${id}`,
      name: `[TEST] ${id}`,
      publisher: 'officegraph tests',
      publishedDate: '2026-04-01',
      language: 'en',
      text: sentences.join(' '),
    },
    entities,
    facts,
  };
}
