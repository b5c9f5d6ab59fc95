/**
 * Durability: kill -9 the server process, and separately the local Neo4j, in the middle of a
 * large ingest. Afterwards the graph holds either the whole document or none of it, and the store
 * opens cleanly (a server starts and /ready answers 200).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { startServerProcess } from '../bench/serverProcess.js';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { largeDocument } from './helpers/largeDocument.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

/** How much of a document's data the graph holds: its source, and how many of its people. */
async function presence(server: TestServer, tag: string, people: number) {
  const ids = Array.from({ length: people }, (_, index) => `person:durable-person-${tag}-${index}`);
  const found = await server.app.store.read('entities_by_ids', { ids: [`source:durable-${tag}`, ...ids] });
  const foundIds = new Set(found.map((row) => String((row.entity as { id?: unknown } | undefined)?.id ?? row.id)));
  return { source: foundIds.has(`source:durable-${tag}`), people: ids.filter((id) => foundIds.has(id)).length };
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

it('a server killed with SIGKILL mid-ingest leaves all or nothing of the document', { timeout: 300_000 }, async () => {
  const neo4j = inject('neo4j');
  const token = 'durable-token';
  const people = 1_500;
  const document = largeDocument('server', people);
  const child = await startServerProcess({
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    OFFICEGRAPH_WRITE_TOKEN: token,
  });
  cleanups.push(async () => void child.child.kill('SIGKILL'));
  const request = fetch(`${child.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation I($d: JSON!) { ingestDocument(document: $d) { sourceId } }', variables: { d: document } }),
  }).then(
    () => 'answered',
    () => 'cut off',
  );
  await new Promise((done) => setTimeout(done, 700));
  process.kill(child.pid, 'SIGKILL');
  expect(await child.exited).toEqual({ code: null, signal: 'SIGKILL' });
  expect(await request).toBe('cut off');

  // The store opens cleanly and holds the whole document or none of it.
  const server = await startTestServer();
  cleanups.push(() => server.stop());
  expect((await server.get('/ready')).status).toBe(200);
  const after = await presence(server, 'server', people);
  expect([{ source: false, people: 0 }, { source: true, people }]).toContainEqual(after);
  // And the same document goes in whole afterwards; then it is taken back out.
  await ingestDocument(server.app.store, document);
  expect(await presence(server, 'server', people)).toEqual({ source: true, people });
  await retractSource(server.app.store, 'source:durable-server');
  expect(await presence(server, 'server', people)).toEqual({ source: false, people: 0 });
});

it('a local Neo4j killed with SIGKILL mid-ingest restarts cleanly with all or nothing of the document', { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-durable-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const options = { dataDir, boltPort: 0, heap: '512m', pageCache: '64m' };
  let neo4j: LocalNeo4j = await startLocalNeo4j(options);
  cleanups.push(() => neo4j.stop());
  const connect = (local: LocalNeo4j) =>
    startTestServer({ NEO4J_URI: local.uri, NEO4J_USERNAME: local.username, NEO4J_PASSWORD: local.password, OFFICEGRAPH_SEED: 'false' });
  let server = await connect(neo4j);
  cleanups.push(() => server.stop());

  const people = 1_500;
  const ingest = ingestDocument(server.app.store, largeDocument('neo4j', people)).then(
    () => 'committed',
    (error: Error) => `failed: ${error.message}`,
  );
  await new Promise((done) => setTimeout(done, 700));
  const jvm = childJvmFor(dataDir);
  process.kill(jvm, 'SIGKILL');
  const outcome = await ingest;
  await server.stop();

  neo4j = await startLocalNeo4j(options);
  server = await connect(neo4j);
  const after = await presence(server, 'neo4j', people);
  expect([{ source: false, people: 0 }, { source: true, people }]).toContainEqual(after);
  if (outcome === 'committed') expect(after).toEqual({ source: true, people });
});

/** The pid of the Java process this test started for `dataDir` (a child of this process). */
function childJvmFor(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && commandLine.includes(path.resolve(dataDir))) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  throw new Error(`No Java process of ours found for ${dataDir}`);
}
