/**
 * Starts one throw-away Neo4j for the whole test run: a fresh temporary store on a free port,
 * deleted afterwards. Tests reach it through inject('neo4j'). With NEO4J_URI set, tests use
 * that database instead (it must be one you can afford to write test data into).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../src/neo4j/localNeo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; username: string; password: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
    });
    return async () => undefined;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'officegraph-test-'));
  const local = await startLocalNeo4j({
    dataDir,
    boltPort: 0,
    heap: '1g',
    pageCache: '256m',
    onProgress: (message) => process.stdout.write(`[neo4j] ${message}\n`),
  });
  project.provide('neo4j', { uri: local.uri, username: local.username, password: local.password });
  return async () => {
    await local.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
