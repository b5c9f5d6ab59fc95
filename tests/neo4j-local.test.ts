// Starts its own local Neo4j on a temporary directory (independent of any global setup), because what is tested here
// is the start/stop life cycle itself: persistence across restarts, the password file and the error sentences.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/localNeo4j.js';

// The first run may build the launcher with Maven; every start takes several seconds.
const START_TIMEOUT_MS = 300_000;

describe('local Neo4j', () => {
  const started: LocalNeo4j[] = [];
  let dataDir: string | undefined;

  afterAll(async () => {
    await Promise.all(started.map((db) => db.stop()));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function start(dir: string, boltPort = 0): Promise<LocalNeo4j> {
    const db = await startLocalNeo4j({ dataDir: dir, boltPort, heap: '512m', pageCache: '64m' });
    started.push(db);
    return db;
  }

  async function query<T>(db: LocalNeo4j, cypher: string, password = db.password): Promise<T[]> {
    const driver = neo4j.driver(db.uri, neo4j.auth.basic(db.username, password));
    try {
      const { records } = await driver.executeQuery(cypher);
      return records.map((record) => record.get(0) as T);
    } finally {
      await driver.close();
    }
  }

  it('persists data and the password across restarts, and refuses a wrong password', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'officegraph-neo4j-'));
    const first = await start(dataDir);
    expect(first.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(first.username).toBe('neo4j');
    expect((await query<{ toNumber(): number }>(first, 'RETURN 1'))[0]?.toNumber()).toBe(1);
    await query(first, "CREATE (:Probe {name: 'kept'})");
    await first.stop();
    await first.stop(); // idempotent

    const second = await start(dataDir);
    expect(second.password).toBe(first.password);
    expect(await query<string>(second, 'MATCH (p:Probe) RETURN p.name')).toEqual(['kept']);
    expect((await stat(join(dataDir, 'neo4j-password'))).mode & 0o777).toBe(0o600);
    await expect(query(second, 'RETURN 1', `${second.password}-wrong`)).rejects.toThrow(/unauthorized|authentication/i);
    await second.stop();
  }, START_TIMEOUT_MS);

  it('explains a port that is in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', listening));
    const port = (blocker.address() as { port: number }).port;
    const dir = await mkdtemp(join(tmpdir(), 'officegraph-neo4j-port-'));
    try {
      const attempt = start(dir, port);
      await expect(attempt).rejects.toBeInstanceOf(LocalNeo4jError);
      await expect(attempt).rejects.toThrow(/OFFICEGRAPH_BOLT_PORT/);
    } finally {
      blocker.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, START_TIMEOUT_MS);
});
