/**
 * Every transaction has a timeout: a slow query is stopped by Neo4j, classified TIMEOUT, and its
 * session is given back, so a burst of slow queries leaves the pool and the database clean.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { GraphStore } from '../src/graph/graphStore.js';
import { loadQueries, type QueryName, type QueryTexts } from '../src/graph/queries.js';
import { createDriver } from '../src/neo4j/driver.js';
import { classifyNeo4jError } from '../src/errors.js';

// A deliberately slow statement, run through the real GraphStore against the real Neo4j.
const SLOW = 'slow_for_test' as QueryName;
const SLOW_TEXT = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 123456789 RETURN count(x) AS slowForTest';
let driver: Driver;
let store: GraphStore;

beforeAll(() => {
  const neo4j = inject('neo4j');
  driver = createDriver({ uri: neo4j.uri, username: neo4j.username, password: neo4j.password }, 500);
  const queries = { ...loadQueries(), [SLOW]: SLOW_TEXT } as QueryTexts;
  store = new GraphStore(driver, queries, { database: undefined, timeoutMs: 500 });
});

afterAll(async () => {
  await driver?.close();
});

it('stops slow queries with TIMEOUT, frees their sessions and leaves no transaction running', { timeout: 120_000 }, async () => {
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: 12 }, () => store.read(SLOW).then(() => 'finished', (error: unknown) => classifyNeo4jError(error) ?? String(error))),
  );
  expect(outcomes).toEqual(Array.from({ length: 12 }, () => 'TIMEOUT'));
  expect(Date.now() - started).toBeLessThan(15_000);

  // The pool still serves ordinary reads, and Neo4j runs none of the slow statements any more.
  const [counts] = await store.read('graph_counts');
  expect(counts).toEqual({ nodes: expect.any(Number), relationships: expect.any(Number) });
  const session = driver.session();
  try {
    const running = await session.run('SHOW TRANSACTIONS YIELD currentQuery RETURN collect(currentQuery) AS queries');
    const queries = running.records[0]?.get('queries') as string[];
    expect(queries.filter((query) => query.includes('slowForTest'))).toEqual([]);
  } finally {
    await session.close();
  }
});
