/**
 * A bulk import killed with SIGKILL inside a batch's write transaction: SHOW TRANSACTIONS shows
 * the transaction open and writing when the kill lands, Neo4j rolls it back, the graph then holds
 * whole batches only (every record of a batch with its checkpoint, or nothing of it), and a second
 * run resumes to exactly what the manifest says. bench/faults.ts does the same on the 100k graph,
 * and kills Neo4j too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  auditBatches,
  parseBatchId,
  showBulkTransactions,
  startImporter,
  waitUntilGone,
  watchBulkWrite,
  type ImporterProcess,
} from '../bench/bulkAudit.js';
import { generateGraph } from '../bench/generateGraph.js';
import type { BulkManifest } from '../src/bulk/bulkFormat.js';

const SEED = 902;
const PERSONS = 600;
/** Small batches, so the import has many of them and the kill lands in the middle of a stage. */
const BATCH = 150;
const target = inject('neo4j');
let driver: Driver;
let directory: string;
let manifest: BulkManifest;
const importers: ImporterProcess[] = [];

beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'officegraph-bulk-faults-'));
  manifest = generateGraph({ persons: PERSONS, seed: SEED, out: directory });
  driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), { disableLosslessIntegers: true });
});

afterAll(async () => {
  for (const importer of importers) if (importer.child.exitCode === null && importer.child.signalCode === null) process.kill(importer.pid, 'SIGKILL');
  if (driver) {
    const session = driver.session();
    try {
      await session.run(`MATCH (n) WHERE n.id CONTAINS $tag OR n.id STARTS WITH $prefix CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS`, {
        tag: `:g${SEED}-`,
        prefix: `${manifest.id}/`,
      });
    } finally {
      await session.close();
    }
    await driver.close();
  }
  rmSync(directory, { recursive: true, force: true });
});

const start = () => {
  const importer = startImporter(directory, BATCH, target);
  importers.push(importer);
  return importer;
};

it('an importer killed with SIGKILL inside a write transaction leaves whole batches only, and a second run completes it', { timeout: 240_000 }, async () => {
  const prefix = `${manifest.id}/`;
  const importer = start();
  const sighting = await watchBulkWrite(driver, { prefix, stage: 'tenures', minElapsedMs: 0, timeoutMs: 60_000, gaveUp: importer.exited });
  process.kill(importer.pid, 'SIGKILL');
  const afterKill = await showBulkTransactions(driver, prefix);
  expect(await importer.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // The transaction was open and writing the batch's records when the kill landed.
  expect(sighting.status).toMatch(/^Running/);
  expect(sighting.queryName).toBe('bulk_tenures');
  expect(sighting.currentQuery).toMatch(/^UNWIND \$tenures AS f MATCH .* MERGE \(t:Tenure/);
  const killed = parseBatchId(sighting.batch);
  expect(killed).toMatchObject({ stage: 'tenures', batchSize: BATCH });
  // Neo4j still lists it, or has already rolled it back; either way it goes away without committing.
  expect(afterKill.filter((row) => row.transactionId !== sighting.transactionId).map((row) => row.status)).toEqual([]);
  await waitUntilGone(driver, prefix, sighting.transactionId, 30_000);

  const audit = await auditBatches(driver, directory, BATCH);
  const stage = (name: string) => audit.stages.find((candidate) => candidate.stage === name)!;
  expect(audit.stages.flatMap((candidate) => candidate.broken)).toEqual([]);
  expect(audit.wholeBatchesOnly).toBe(true);
  // Stages before tenures are complete, tenures holds exactly the batches before the killed one, later stages nothing.
  for (const name of ['sources', 'entities', 'relations']) {
    expect(stage(name)).toMatchObject({ checkpoints: stage(name).batches, recordsInGraph: manifest.records[name as 'sources'] });
  }
  expect(stage('tenures')).toMatchObject({ checkpoints: killed.batch, wholeBatches: killed.batch, recordsInGraph: killed.batch * BATCH });
  for (const name of ['participations', 'successions']) expect(stage(name)).toMatchObject({ checkpoints: 0, recordsInGraph: 0 });
  expect(audit.intervalCheckpoints).toBe(0);

  const resumed = start();
  expect(await resumed.exited).toEqual({ code: 0, signal: null });
  expect(resumed.output.join('\n')).toContain(`batches written, ${audit.checkpoints} already in`);
  const final = await auditBatches(driver, directory, BATCH);
  expect(final.wholeBatchesOnly).toBe(true);
  for (const done of final.stages) {
    expect(done).toMatchObject({ checkpoints: done.batches, wholeBatches: done.batches, recordsInGraph: manifest.records[done.stage] });
  }
  expect(final.intervalCheckpoints).toBeGreaterThan(0);
});

it('the audit notices a batch that is only partly in the graph', async () => {
  // Take one participation out of a committed batch: the audit must call that batch broken.
  const [record] = readFileSync(path.join(directory, 'participations.ndjson'), 'utf8').split('\n');
  const { person, event, role } = JSON.parse(String(record)) as { person: string; event: string; role: string };
  const session = driver.session();
  try {
    await session.run(`MATCH (:Person {id: $person})-[r:PARTICIPATED_IN {role: $role}]->(:Event {id: $event}) DELETE r`, { person, event, role });
  } finally {
    await session.close();
  }
  const audit = await auditBatches(driver, directory, BATCH);
  expect(audit.wholeBatchesOnly).toBe(false);
  expect(audit.stages.find((stage) => stage.stage === 'participations')?.broken).toEqual([
    { batch: 0, size: BATCH, present: BATCH - 1, torn: 0, checkpoint: true },
  ]);
});
