/**
 * The set-up promise: `npm start` builds, starts its own Neo4j in the data folder, creates the
 * schema, loads the seeds and serves GraphQL; a second start keeps the data and adds nothing.
 * Also: re-seeding is idempotent, and bad configuration stops start-up with a clear message.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { loadSeeds } from '../src/ingest/loadSeeds.js';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer } from './helpers/testServer.js';

const root = projectRoot();

describe('seeding', () => {
  it('loads the seeds a second time without creating anything', async () => {
    const server = await startTestServer();
    try {
      const [before] = await server.app.store.read('graph_counts');
      const [again] = await loadSeeds(server.app.store, path.join(root, 'seeds'));
      const [after] = await server.app.store.read('graph_counts');
      expect(after).toEqual(before);
      expect(again?.result).toMatchObject({
        sourceCreated: false,
        entities: { created: 0, matched: 31 },
        facts: { created: 0, matched: 41 },
        nodesCreated: 0,
        relationshipsCreated: 0,
        intervalChanges: [],
      });
    } finally {
      await server.stop();
    }
  });
});

describe('configuration', () => {
  it('names the bad variable and value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT: expected a port number, but got: "eighty"');
    expect(() => loadConfig({ NEO4J_URI: 'http://example' })).toThrow(
      'NEO4J_URI: expected a bolt://, neo4j:// or neo4j+s:// URI, but got: "http://example"',
    );
    expect(() => loadConfig({ OFFICEGRAPH_SEED: 'maybe' })).toThrow('OFFICEGRAPH_SEED: expected true or false, but got: "maybe"');
  });

  it('fills in the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      neo4jUri: undefined,
      neo4jUsername: 'neo4j',
      boltPort: 7687,
      writeToken: undefined,
      seed: true,
      logLevel: 'info',
      dataDir: path.resolve('.data'),
    });
  });
});

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-start-'));

  beforeAll(() => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    expect(build.status, build.stderr + build.stdout).toBe(0);
  }, 300_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts the built server the way `npm start` does, and waits for its ready line. */
  async function startServer(): Promise<{ child: ChildProcess; url: string; boltUri: string }> {
    const child = spawn('node', ['dist/src/cli/start.js'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: '', PORT: '0', OFFICEGRAPH_BOLT_PORT: '0', OFFICEGRAPH_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line in 120 s:\n${output}`)), 120_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /officegraph is ready: GraphQL at (http:\/\/\S+)\/graphql/.exec(output);
        const bolt = /"uri":"(bolt:\/\/[^"]+)"/.exec(output);
        if (ready && bolt) {
          clearTimeout(timer);
          resolve({ child, url: (ready[1] as string).replace('localhost', '127.0.0.1'), boltUri: bolt[1] as string });
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
  }

  async function countGraph(boltUri: string): Promise<{ nodes: number; relationships: number }> {
    const password = readFileSync(path.join(dataDir, 'neo4j-password'), 'utf8').trim();
    const driver = neo4j.driver(boltUri, neo4j.auth.basic('neo4j', password), { disableLosslessIntegers: true });
    try {
      const { records } = await driver.executeQuery(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      );
      return records[0]?.toObject() as { nodes: number; relationships: number };
    } finally {
      await driver.close();
    }
  }

  async function stopServer(child: ChildProcess): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  }

  it('says in one sentence what to do when Java is missing', () => {
    const result = spawnSync('node', ['dist/src/cli/start.js'], {
      cwd: root,
      env: { ...process.env, NEO4J_URI: '', JAVA_HOME: '/nonexistent-java', OFFICEGRAPH_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'officegraph: Java 17 or newer is needed to run the local Neo4j: install it (Debian: apt-get install openjdk-17-jre-headless) or set NEO4J_URI to an existing Neo4j.',
    );
  });

  it('serves the seed graph, stops cleanly, and keeps the same data on a second start', async () => {
    const first = await startServer();
    const ready = await fetch(`${first.url}/ready`);
    expect(ready.status).toBe(200);
    const response = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(id: "person:huang-qiang") { name aliases } }' }),
    });
    expect(await response.json()).toEqual({ data: { person: { name: 'Huang Qiang', aliases: ['黄强'] } } });
    const firstCounts = await countGraph(first.boltUri);
    expect(firstCounts.nodes).toBeGreaterThan(30);
    expect(statSync(path.join(dataDir, 'neo4j-password')).mode & 0o777).toBe(0o600);
    expect(await stopServer(first.child)).toBe(0);

    const second = await startServer();
    expect(await countGraph(second.boltUri)).toEqual(firstCounts);
    expect(await stopServer(second.child)).toBe(0);
  }, 300_000);
});
