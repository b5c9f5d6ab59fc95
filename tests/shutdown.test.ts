/**
 * Graceful shutdown of the server process: SIGTERM lets in-flight requests finish, closes the
 * driver, stops the local Neo4j and exits 0; a second SIGTERM forces exit at once (code 1).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import { largeDocument } from './helpers/largeDocument.js';

const children: ServerProcess[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-shutdown-'));
afterAll(() => {
  for (const child of children) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const AUTH = { authorization: 'Bearer drain-token' };
const READ = '{ neighborhood(id: "person:huang-qiang", depth: 2, limit: 200) { nodes { id } edges { id evidence { quote } } } }';

function post(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
}

/** Processes whose command line names `dataDir`: the local Neo4j, while it runs. */
function processesUsing(directory: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').includes(directory);
      } catch {
        return false;
      }
    })
    .map(Number);
}

it('drains in-flight ingests on SIGTERM, stops the local Neo4j and exits 0', { timeout: 300_000 }, async () => {
  const server = await startServerProcess({ OFFICEGRAPH_WRITE_TOKEN: 'drain-token', OFFICEGRAPH_DATA_DIR: dataDir, OFFICEGRAPH_BOLT_PORT: '0', OFFICEGRAPH_NEO4J_HEAP: '512m', OFFICEGRAPH_NEO4J_PAGECACHE: '64m' });
  children.push(server);
  expect(processesUsing(dataDir)).toHaveLength(1);
  // Ingests keep Neo4j busy for a while: the signal comes while all of them are being written.
  const ingest = (tag: string) =>
    post(server.url, 'mutation I($d: JSON!) { ingestDocument(document: $d) { sourceId } }', { d: largeDocument(tag, 400) }, AUTH).then(
      async (response) => ({ status: response.status, body: await response.json() }),
    );
  expect((await ingest('warm')).status).toBe(200);
  let answered = 0;
  const tags = ['drain-a', 'drain-b', 'drain-c', 'drain-d'];
  const burst = tags.map((tag) => ingest(tag).finally(() => (answered += 1)));
  await new Promise((done) => setTimeout(done, 500));
  server.child.kill('SIGTERM');
  const answeredBeforeSignal = answered;
  const answers = await Promise.all(burst);
  expect(answeredBeforeSignal).toBeLessThan(tags.length);
  expect(answers).toEqual(tags.map((tag) => ({ status: 200, body: { data: { ingestDocument: { sourceId: `source:durable-${tag}` } } } })));
  expect(await server.exited).toEqual({ code: 0, signal: null });
  // No new connections after exit, and the local Neo4j is gone too.
  await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  expect(processesUsing(dataDir)).toEqual([]);
});

it('exits at once with code 1 on a second SIGTERM', { timeout: 300_000 }, async () => {
  const neo4j = inject('neo4j');
  const token = 'shutdown-token';
  const server = await startServerProcess({
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    OFFICEGRAPH_WRITE_TOKEN: token,
  });
  children.push(server);
  // A slow request keeps the first SIGTERM waiting for the drain.
  const slow = post(server.url, 'query S($t: String!) { search(text: $t, first: 100) { entity { id } } }', { t: 'x'.repeat(10) }).catch(() => undefined);
  const slowRequests = Array.from({ length: 32 }, () => post(server.url, READ).catch(() => undefined));
  await new Promise((done) => setTimeout(done, 20));
  server.child.kill('SIGTERM');
  await new Promise((done) => setTimeout(done, 20));
  const secondAt = Date.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  await Promise.all([slow, ...slowRequests]);
  expect(Date.now() - secondAt).toBeLessThan(2_000);
  expect(exit).toEqual({ code: 1, signal: null });
  expect(server.output.join('\n')).toContain('SIGTERM again: exiting now');
});
