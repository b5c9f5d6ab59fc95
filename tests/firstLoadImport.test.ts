/**
 * import:bulk --first-load (neo4j-admin import into an empty local store) writes the same graph
 * as import:bulk: one generated data set loaded both ways into two throw-away local stores, then
 * every node (labels, properties with their Cypher types) and every relationship (type, endpoints
 * by id, properties) compared, the stored tenure intervals too; a later import:bulk finds every
 * batch in. And the first load refuses a Neo4j at NEO4J_URI and a store that holds data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateGraph } from '../bench/generateGraph.js';
import { firstLoad, FirstLoadRefused } from '../src/bulk/firstLoad.js';
import { importBulk } from '../src/bulk/importBulk.js';
import { loadConfig } from '../src/config.js';
import { applySchema } from '../src/graph/applySchema.js';
import { GraphStore } from '../src/graph/graphStore.js';
import { loadQueries } from '../src/graph/queries.js';
import { createLogger } from '../src/logger.js';
import { createDriver } from '../src/neo4j/driver.js';
import { startLocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { tenuresAndLinks } from './helpers/holdsPostLinks.js';

const BATCH = 400;
const directories: string[] = [];
const temporary = (prefix: string) => {
  const directory = mkdtempSync(path.join(os.tmpdir(), prefix));
  directories.push(directory);
  return directory;
};
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A local-store configuration as the CLI would load it, NEO4J_URI unset. */
const localConfig = (dataDir: string, extra: Record<string, string> = {}) =>
  loadConfig({ OFFICEGRAPH_DATA_DIR: dataDir, OFFICEGRAPH_BOLT_PORT: '0', OFFICEGRAPH_NEO4J_HEAP: '512m', OFFICEGRAPH_NEO4J_PAGECACHE: '64m', LOG_LEVEL: 'silent', ...extra });

interface Dump {
  nodes: string[];
  /** The facts: every relationship but the derived HOLDS_POST links. */
  relationships: string[];
  /** The derived HOLDS_POST links, "tenureId person post heldFrom heldTo". */
  links: string[];
  intervals: string[];
}

/**
 * Every node and relationship as a sorted list of canonical lines. Properties carry their Cypher
 * type (valueType), so an integer and a float, or a list and a string, differ. A checkpoint's
 * time (ImportBatch.at) is when it was written, so it is left out.
 */
async function dump(store: GraphStore): Promise<Dump> {
  const session = store.driver.session();
  const typed = `[key IN keys(x) WHERE NOT (x:ImportBatch AND key = 'at') | [key, valueType(x[key]), x[key]]]`;
  try {
    const nodes = await session.run(`MATCH (x) RETURN labels(x) AS labels, ${typed} AS properties`);
    const relationships = await session.run(`MATCH (a)-[x]->(b) WHERE type(x) <> 'HOLDS_POST' RETURN type(x) AS type, a.id AS from, b.id AS to, ${typed} AS properties`);
    const intervals = await session.run(
      `MATCH (t:Tenure) RETURN t.id AS id, [key IN ['attestedFrom', 'effectiveStart', 'effectiveEnd', 'endIsDerived', 'endBasis', 'heldFrom', 'heldTo', 'predecessorId', 'successorId'] | t[key]] AS interval`,
    );
    const sortedProperties = (properties: Array<[string, string, unknown]>) => [...properties].sort((a, b) => a[0].localeCompare(b[0]));
    return {
      nodes: nodes.records
        .map((record) => JSON.stringify([[...(record.get('labels') as string[])].sort(), sortedProperties(record.get('properties'))]))
        .sort(),
      relationships: relationships.records
        .map((record) => JSON.stringify([record.get('type'), record.get('from'), record.get('to'), sortedProperties(record.get('properties'))]))
        .sort(),
      links: (await tenuresAndLinks(store.driver)).links,
      intervals: intervals.records.map((record) => JSON.stringify([record.get('id'), record.get('interval')])).sort(),
    };
  } finally {
    await session.close();
  }
}

describe('import:bulk --first-load', () => {
  it('refuses a Neo4j at NEO4J_URI', async () => {
    const config = localConfig(temporary('officegraph-first-load-'), { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'not-used-here' });
    await expect(firstLoad(config, createLogger('silent'), temporary('officegraph-first-load-'))).rejects.toThrow(FirstLoadRefused);
    await expect(firstLoad(config, createLogger('silent'), temporary('officegraph-first-load-'))).rejects.toThrow(/NEO4J_URI.*without --first-load/);
  });

  it('writes the graph import:bulk writes, with the same checkpoints and intervals, and refuses a store that holds data', { timeout: 300_000 }, async () => {
    const data = temporary('officegraph-first-load-data-');
    const manifest = generateGraph({ persons: 300, seed: 77, out: data });
    const bulkDir = temporary('officegraph-first-load-bulk-');
    const firstDir = temporary('officegraph-first-load-admin-');

    // Both loads at once: each has its own store, and most of the time is JVMs starting.
    const viaImportBulk = (async () => {
      const local = await startLocalNeo4j({ dataDir: bulkDir, boltPort: 0, heap: '512m', pageCache: '64m' });
      const driver = createDriver({ uri: local.uri, username: local.username, password: local.password }, 60_000);
      try {
        const queries = loadQueries();
        const store = new GraphStore(driver, queries, { database: undefined, timeoutMs: 60_000 });
        await applySchema(store, queries);
        await importBulk(store, data, { batchSize: BATCH });
        return await dump(store);
      } finally {
        await driver.close();
        await local.stop();
      }
    })();
    // That store holds data now: a first load into it is refused, and names what to do instead.
    const refused = viaImportBulk.then(() => firstLoad(localConfig(bulkDir), createLogger('silent'), data)).then(
      () => 'loaded',
      (error: Error) => error.message,
    );
    let later: Awaited<ReturnType<typeof importBulk>> | undefined;
    let firstDump: Dump | undefined;
    const viaFirstLoad = firstLoad(localConfig(firstDir), createLogger('silent'), data, {
      batchSize: BATCH,
      beforeStop: async (store) => {
        firstDump = await dump(store);
        later = await importBulk(store, data, { batchSize: BATCH });
      },
    });
    const [bulkDump, result, refusal] = await Promise.all([viaImportBulk, viaFirstLoad, refused]);

    expect(result.nodes).toBe(manifest.nodes);
    expect(result.relationships).toBe(manifest.relationships);
    expect(result.phases.map(({ phase }) => phase)).toEqual(['csv', 'neo4j-admin import', 'start', 'aliases', 'schema', 'checkpoints', 'intervals']);
    const first = firstDump as Dump;
    // The same graph: data set nodes plus one checkpoint per batch, every relationship.
    expect(first.nodes.length).toBe(bulkDump.nodes.length);
    expect(first.relationships.length).toBe(manifest.relationships);
    expect(first.nodes).toEqual(bulkDump.nodes);
    expect(first.relationships).toEqual(bulkDump.relationships);
    // Intervals were computed (endIsDerived is set on every tenure) and are the same.
    expect(first.intervals.length).toBe(manifest.records.tenures);
    expect(first.intervals.every((line) => JSON.parse(line)[1][3] !== null)).toBe(true);
    expect(first.intervals).toEqual(bulkDump.intervals);
    // The one-step links of the path search: one per tenure, the same on both paths.
    expect(first.links.length).toBe(manifest.records.tenures);
    expect(first.links).toEqual(bulkDump.links);
    // Spot checks of what the dump compares: typed lists, integers, empty aliases, mentions with their quote.
    expect(first.nodes.some((line) => line.includes('["evidence","LIST<STRING NOT NULL> NOT NULL",'))).toBe(true);
    expect(first.nodes.some((line) => line.includes('["seats","INTEGER NOT NULL",60]'))).toBe(true);
    expect(first.nodes.some((line) => /\["aliases","LIST<[^"]*> NOT NULL",\[\]\]/.test(line))).toBe(true);
    expect(first.relationships.some((line) => line.startsWith('["MENTIONS"') && line.includes('["quote","STRING NOT NULL",'))).toBe(true);
    // A later import:bulk of the same data set finds every batch in and writes nothing.
    expect(later?.batchesWritten).toBe(0);
    expect(later?.relationshipsCreated).toBe(0);
    expect(later?.batchesSkipped).toBe(first.nodes.filter((line) => line.startsWith('[["ImportBatch"]')).length);

    expect(refusal).toMatch(/already holds [\d,]+ nodes.*without --first-load.*OFFICEGRAPH_DATA_DIR/);
  });
});
