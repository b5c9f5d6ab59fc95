/**
 * `npm run bench:faults -- --persons N --seed S --work DIR [--batch B] [--outage-seconds T] [--load-seconds L] [--min-statement-ms M]`:
 * faults at scale, on a generated graph (npm run generate), with Neo4j, the importer and the
 * server each in its own process:
 * 1. kill -9 the importer (import:bulk) while SHOW TRANSACTIONS shows one of its batch write
 *    transactions running a bulk_* write; check that the graph holds whole batches only;
 * 2. resume, and kill -9 Neo4j in the same way; restart it on the same store; check again;
 * 3. resume to the end; the graph holds exactly what the manifest says;
 * 4. start the server, run a concurrency-32 load of queries and mutations on loopback, kill -9
 *    Neo4j for some seconds and restart it: every request started while it was down must answer
 *    UNAVAILABLE within 2 s, and the server must serve again by itself.
 * Prints a summary and writes bench/results-faults.json and bench/RESULTS-faults.md.
 * --outage-only: step 4 alone, on the store a earlier run left in DIR/store (this one's, or
 * `npm run bench -- --work DIR`'s, which has the same layout); writes bench/results-outage.json
 * and bench/RESULTS-outage.md, so the record of the kills stays as it is.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import type { BulkManifest, BulkStage } from '../src/bulk/bulkFormat.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j/localNeo4j.js';
import { startLoadLoop, type Outcome } from '../tests/helpers/loadLoop.js';
import {
  auditBatches,
  graphTotals,
  parseBatchId,
  showBulkTransactions,
  startImporter,
  waitUntilGone,
  watchBulkWrite,
  type BatchAudit,
  type TransactionSighting,
} from './bulkAudit.js';
import { generateGraph } from './generateGraph.js';
import { freePort, startServerProcess } from './serverProcess.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] !== undefined ? String(args[index + 1]) : fallback;
};
const persons = Number(flag('--persons', '100000'));
const seed = Number(flag('--seed', '1'));
const work = path.resolve(flag('--work', path.join(os.tmpdir(), `officegraph-faults-${persons}-${seed}`)));
const batchSize = Number(flag('--batch', '5000'));
const outageMs = Number(flag('--outage-seconds', '10')) * 1000;
const loadBeforeMs = Number(flag('--load-seconds', '30')) * 1000;
/** How long the batch's bulk_* statement must have run before the kill; small graphs on a quiet machine write a batch faster. */
const minStatementMs = Number(flag('--min-statement-ms', '100'));
const outageOnly = args.includes('--outage-only');
const CLIENTS = 32;
const UNAVAILABLE_WITHIN_MS = 2_000;
const WRITE_TOKEN = 'faults-bench-token';

const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const loadAverage = () => os.loadavg().map((value) => Number(value.toFixed(2)));

// 1. The data set (generated once per work folder) and a fresh store.
const dataDir = path.join(work, 'data');
mkdirSync(work, { recursive: true });
let manifest: BulkManifest;
const manifestFile = path.join(dataDir, 'manifest.json');
if (existsSync(manifestFile) && (JSON.parse(readFileSync(manifestFile, 'utf8')) as BulkManifest).persons === persons) {
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BulkManifest;
  if (manifest.seed !== seed) throw new Error(`${dataDir} holds seed ${manifest.seed}, not ${seed}: use another --work`);
  log(`using the data set in ${dataDir}`);
} else {
  log(`generating ${persons} persons (seed ${seed}) in ${dataDir}`);
  manifest = generateGraph({ persons, seed, out: dataDir });
}
const prefix = `${manifest.id}/`;
const batchesOf = (stage: BulkStage) => Math.ceil(manifest.records[stage] / batchSize);
const storeDir = path.join(work, 'store');
if (outageOnly && !existsSync(storeDir)) {
  throw new Error(`--outage-only needs the store of an earlier run in ${storeDir}: run npm run bench:faults (or npm run bench) with --work ${work} first`);
}
if (!outageOnly) rmSync(storeDir, { recursive: true, force: true });
const boltPort = await freePort();
const neo4jOptions = { dataDir: storeDir, boltPort, heap: '2g', pageCache: '1g', readyTimeoutMs: 600_000, onProgress: (message: string) => log(`[neo4j] ${message}`) };

let local: LocalNeo4j = await startLocalNeo4j(neo4jOptions);
const target = () => ({ uri: local.uri, username: local.username, password: local.password });
log(`Neo4j (pid ${local.pid}) at ${local.uri}, store ${storeDir}`);
const driver: Driver = neo4j.driver(local.uri, neo4j.auth.basic(local.username, local.password), { disableLosslessIntegers: true });

interface KillRecord {
  victim: 'importer' | 'neo4j';
  stage: BulkStage;
  pid: number;
  sighting: TransactionSighting;
  /** SHOW TRANSACTIONS right after an importer kill (Neo4j lives on), and how the transaction ended. */
  listedAfterKill?: Array<Pick<TransactionSighting, 'transactionId' | 'status' | 'queryName'>>;
  rolledBackAfterMs?: number;
  importerExit: { code: number | null; signal: string | null; lastLine: string };
  neo4jRestartMs?: number;
  audit: AuditSummary;
  killedBatch: { batch: number; checkpoint: boolean; recordsInGraph: number; size: number };
  totals: { nodes: number; relationships: number };
  insideTransaction: boolean;
  loadAverage: number[];
}

interface RequestStats {
  count: number;
  queries: number;
  mutations: number;
  /** Answers by error code (OK: no error). */
  codes: Record<string, number>;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

type AuditSummary = Pick<BatchAudit, 'checkpoints' | 'intervalCheckpoints' | 'wholeBatchesOnly' | 'elapsedMs'> & {
  stages: Array<{ stage: BulkStage; batches: number; checkpoints: number; checkpointRecords: number; recordsInGraph: number; records: number; broken: number }>;
};

const summarize = (audit: BatchAudit): AuditSummary => ({
  checkpoints: audit.checkpoints,
  intervalCheckpoints: audit.intervalCheckpoints,
  wholeBatchesOnly: audit.wholeBatchesOnly,
  elapsedMs: audit.elapsedMs,
  stages: audit.stages.map((stage) => ({
    stage: stage.stage,
    batches: stage.batches,
    checkpoints: stage.checkpoints,
    checkpointRecords: stage.checkpointRecords,
    recordsInGraph: stage.recordsInGraph,
    records: stage.records,
    broken: stage.broken.length,
  })),
});

async function killDuringImport(victim: 'importer' | 'neo4j', stage: BulkStage): Promise<KillRecord> {
  const importer = startImporter(dataDir, batchSize, target());
  const fromBatch = Math.floor(batchesOf(stage) * 0.3);
  log(`import:bulk (pid ${importer.pid}) running; waiting for a ${stage} batch ≥ ${fromBatch} in SHOW TRANSACTIONS to kill ${victim}`);
  const sighting = await watchBulkWrite(driver, { prefix, stage, fromBatch, minElapsedMs: minStatementMs, timeoutMs: 3_600_000, gaveUp: importer.exited });
  const pid = victim === 'importer' ? importer.pid : local.pid;
  process.kill(pid, 'SIGKILL');
  log(`kill -9 ${victim} (pid ${pid}) with ${sighting.batch} open: ${sighting.transactionId} ${sighting.status}, ${sighting.queryName} for ${sighting.queryElapsedMs} ms, ${sighting.activeLockCount} locks, ${sighting.queryAllocatedBytes} bytes allocated`);
  const record: Partial<KillRecord> = { victim, stage, pid, sighting, loadAverage: loadAverage() };
  if (victim === 'importer') {
    record.listedAfterKill = (await showBulkTransactions(driver, prefix)).map(({ transactionId, status, queryName }) => ({ transactionId, status, queryName }));
    record.rolledBackAfterMs = (await waitUntilGone(driver, prefix, sighting.transactionId, 120_000)).goneAfterMs;
  }
  // With Neo4j gone the importer fails its batch (the driver retries for 0.5 s) and exits by itself.
  const exit = await Promise.race([importer.exited, new Promise<null>((done) => setTimeout(() => done(null), 120_000))]);
  if (exit === null) process.kill(importer.pid, 'SIGKILL');
  const { code, signal } = exit ?? (await importer.exited);
  // The line that says why it stopped (its error), not the last line of a stack trace.
  const reason = importer.output.find((line) => /failed|error/i.test(line)) ?? importer.output.at(-1) ?? '';
  record.importerExit = { code, signal, lastLine: reason };
  if (victim === 'neo4j') {
    const started = Date.now();
    local = await startLocalNeo4j(neo4jOptions);
    record.neo4jRestartMs = Date.now() - started;
    log(`Neo4j restarted on the same store in ${(record.neo4jRestartMs / 1000).toFixed(1)} s (pid ${local.pid})`);
  }
  const audit = await auditBatches(driver, dataDir, batchSize);
  const killed = parseBatchId(sighting.batch);
  const state = audit.stages.find((candidate) => candidate.stage === stage)!;
  const killedBroken = state.broken.find((broken) => broken.batch === killed.batch);
  const killedCommitted = state.checkpoints > killed.batch;
  record.killedBatch = { batch: killed.batch, checkpoint: killedCommitted, recordsInGraph: killedBroken?.present ?? (killedCommitted ? Math.min(batchSize, manifest.records[stage] - killed.batch * batchSize) : 0), size: batchSize };
  // Inside the transaction: what it was writing never committed, and every batch before it did.
  record.insideTransaction = !killedCommitted && state.checkpoints === killed.batch && record.killedBatch.recordsInGraph === 0;
  record.audit = summarize(audit);
  record.totals = await graphTotals(driver);
  log(`after the kill: ${audit.wholeBatchesOnly ? 'whole batches only' : 'BROKEN BATCHES'}; ${stage}: ${state.checkpoints}/${state.batches} batches, ${state.recordsInGraph} records in the graph = ${state.checkpointRecords} by the checkpoints; killed batch ${killed.batch} ${killedCommitted ? 'COMMITTED' : 'absent'} (audit ${(audit.elapsedMs / 1000).toFixed(1)} s)`);
  return record as KillRecord;
}

if (outageOnly) await outageAlone();

const started = Date.now();
const importerKill = await killDuringImport('importer', 'tenures');
const neo4jKill = await killDuringImport('neo4j', 'participations');

// 3. Resume to the end.
log('resuming the import to the end');
const resumeStarted = Date.now();
const last = startImporter(dataDir, batchSize, target());
const lastExit = await last.exited;
const resumeMs = Date.now() - resumeStarted;
const finalAudit = await auditBatches(driver, dataDir, batchSize);
const finalTotals = await graphTotals(driver);
const complete =
  lastExit.code === 0 &&
  finalAudit.wholeBatchesOnly &&
  finalAudit.stages.every((stage) => stage.checkpoints === stage.batches && stage.recordsInGraph === manifest.records[stage.stage]) &&
  finalTotals.nodes === manifest.nodes + finalAudit.checkpoints &&
  finalTotals.relationships === manifest.relationships;
log(`resumed in ${(resumeMs / 1000).toFixed(1)} s: ${last.output.at(-1)}; ${finalTotals.nodes} nodes (manifest ${manifest.nodes} + ${finalAudit.checkpoints} checkpoints), ${finalTotals.relationships} relationships (manifest ${manifest.relationships})`);

// 4. Neo4j down under a concurrency-32 load.
const outage = await outageUnderLoad();
await driver.close();
await local.stop();

const results = {
  date: new Date().toISOString(),
  command: `npm run bench:faults -- --persons ${persons} --seed ${seed} --work ${work}${batchSize === 5000 ? '' : ` --batch ${batchSize}`}`,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, neo4j: 'Community 5.26 (local launcher, heap 2g, page cache 1g)' },
  graph: { persons, seed, id: manifest.id, nodes: manifest.nodes, relationships: manifest.relationships, records: manifest.records },
  batchSize,
  kills: [importerKill, neo4jKill],
  resume: {
    elapsedMs: resumeMs,
    exit: lastExit,
    lastLine: last.output.at(-1) ?? '',
    audit: summarize(finalAudit),
    totals: finalTotals,
    expected: { nodes: manifest.nodes + finalAudit.checkpoints, relationships: manifest.relationships },
    complete,
  },
  outage,
  totalMs: Date.now() - started,
};
const holds = {
  importerKillInsideTransaction: importerKill.insideTransaction,
  neo4jKillInsideTransaction: neo4jKill.insideTransaction,
  wholeBatchesAfterImporterKill: importerKill.audit.wholeBatchesOnly,
  wholeBatchesAfterNeo4jKill: neo4jKill.audit.wholeBatchesOnly,
  resumedToManifest: complete,
  outageAllUnavailable: outage.during.count > 0 && outage.during.otherAnswers === 0,
  outageAllWithin2s: outage.during.count > 0 && outage.during.over2s === 0,
  recoveredWithoutRestart: outage.recovery.tenInARowAfterMs !== null,
};
// One line per request sample, so the file stays readable.
const { samples } = results.outage.during;
const json = JSON.stringify({ ...results, outage: { ...results.outage, during: { ...results.outage.during, samples: '__SAMPLES__' } }, holds }, null, 2).replace(
  '"__SAMPLES__"',
  `[\n${samples.map((sample) => `        ${JSON.stringify(sample)}`).join(',\n')}\n      ]`,
);
writeFileSync(path.join(here, 'results-faults.json'), `${json}\n`);
writeFileSync(path.join(here, 'RESULTS-faults.md'), renderMarkdown(results, holds));
log(`holds: ${JSON.stringify(holds)}`);
log(`wrote bench/results-faults.json and bench/RESULTS-faults.md in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exit(Object.values(holds).every(Boolean) ? 0 : 1);

/** --outage-only: Neo4j down under load on an imported store; its own record, then exit. */
async function outageAlone(): Promise<never> {
  const startedAt = Date.now();
  const totals = await graphTotals(driver);
  const outage = await outageUnderLoad();
  await driver.close();
  await local.stop();
  const record = {
    date: new Date().toISOString(),
    command: `npm run bench:faults -- --persons ${persons} --seed ${seed} --work ${work} --outage-only --outage-seconds ${outageMs / 1000}`,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, neo4j: 'Community 5.26 (local launcher, heap 2g, page cache 1g)' },
    graph: { persons, seed, id: manifest.id, ...totals },
    outage,
    totalMs: Date.now() - startedAt,
  };
  const holds = {
    outageAllUnavailable: outage.during.count > 0 && outage.during.otherAnswers === 0,
    outageAllWithin2s: outage.during.count > 0 && outage.during.over2s === 0,
    recoveredWithoutRestart: outage.recovery.tenInARowAfterMs !== null,
  };
  const { samples } = outage.during;
  const json = JSON.stringify({ ...record, outage: { ...outage, during: { ...outage.during, samples: '__SAMPLES__' } }, holds }, null, 2).replace(
    '"__SAMPLES__"',
    `[\n${samples.map((sample) => `        ${JSON.stringify(sample)}`).join(',\n')}\n      ]`,
  );
  writeFileSync(path.join(here, 'results-outage.json'), `${json}\n`);
  writeFileSync(
    path.join(here, 'RESULTS-outage.md'),
    [
      '# Neo4j down under a concurrency-32 load',
      '',
      `Written by \`${record.command}\` (bench/faults.ts) on ${record.date.slice(0, 10)}: ${record.machine.cpus} cores (${record.machine.cpuModel}), ${record.machine.memoryGB} GB, shared with other work; Node ${record.machine.node}; Neo4j ${record.machine.neo4j}, its own process; the server its own process, all on loopback. Graph: ${totals.nodes.toLocaleString('en')} nodes, ${totals.relationships.toLocaleString('en')} relationships (${persons.toLocaleString('en')} persons, seed ${seed}). The kills during a bulk import are in RESULTS-faults.md.`,
      '',
      '| check | holds |',
      '|---|---|',
      ...Object.entries(holds).map(([name, value]) => `| ${name} | ${value ? 'yes' : '**no**'} |`),
      '',
      ...renderOutage(outage, 'bench/results-outage.json'),
    ].join('\n'),
  );
  log(`holds: ${JSON.stringify(holds)}`);
  log('wrote bench/results-outage.json and bench/RESULTS-outage.md');
  process.exit(Object.values(holds).every(Boolean) ? 0 : 1);
}

async function outageUnderLoad() {
  const server = await startServerProcess(
    { ...env(), OFFICEGRAPH_WRITE_TOKEN: WRITE_TOKEN, OFFICEGRAPH_SEED: 'false' },
    { readyTimeoutMs: 600_000 },
  );
  log(`server (pid ${server.pid}) at ${server.url}; ${CLIENTS} clients for ${loadBeforeMs / 1000} s, then Neo4j down for ${outageMs / 1000} s`);
  const ids = sampleIds();
  const mutationClient = (client: number) => client % 4 === 3;
  const load = startLoadLoop({
    url: server.url,
    clients: CLIENTS,
    deadlineMs: loadBeforeMs + outageMs + 900_000,
    request: (client, iteration) => {
      if (mutationClient(client)) {
        return {
          query: 'mutation ($document: JSON!) { ingestDocument(document: $document) { sourceId } }',
          variables: { document: loadDocument(client) },
          headers: { authorization: `Bearer ${WRITE_TOKEN}` },
        };
      }
      const person = ids.persons[(client * 7919 + iteration) % ids.persons.length];
      const post = ids.posts[(client * 104729 + iteration) % ids.posts.length];
      switch ((client + iteration) % 4) {
        case 0:
          return { query: 'query ($id: ID!) { person(id: $id) { name tenures { post { name organization { name } } } } }', variables: { id: person } };
        case 1:
          return { query: 'query ($post: ID!) { roleHolders(post: $post, at: "2015") { person { name } } }', variables: { post } };
        case 2:
          return { query: 'query ($id: ID!) { neighborhood(id: $id, depth: 1, limit: 50) { nodes { id } edges { id } } }', variables: { id: person } };
        default:
          return { query: '{ search(text: "Wang", first: 5) { entity { id name } } }' };
      }
    },
  });
  const ok = (outcome: Outcome) => outcome.status === 200 && outcome.codes.length === 0;
  await sleep(loadBeforeMs);
  const loadAverageBefore = loadAverage();
  const downAt = Date.now();
  process.kill(local.pid, 'SIGKILL');
  log(`kill -9 Neo4j (pid ${local.pid}) under load`);
  await sleep(outageMs);
  const readyDuringOutage = await timed(() => fetch(`${server.url}/ready`).then((response) => response.status));
  const restartStarted = Date.now();
  // Until its Bolt port accepts connections again, nothing listens: that is the outage proper.
  // From then until the launcher says ready, the JVM recovers the store and starts the database.
  let portOpenAt: number | undefined;
  const restarting = startLocalNeo4j(neo4jOptions);
  while (portOpenAt === undefined) {
    const settled = await Promise.race([restarting.then(() => true), sleep(50).then(() => false)]);
    if (await portOpen(boltPort)) portOpenAt = Date.now();
    else if (settled) portOpenAt = Date.now();
  }
  local = await restarting;
  const upAt = Date.now();
  log(`Neo4j back after ${((upAt - downAt) / 1000).toFixed(1)} s (restart took ${((upAt - restartStarted) / 1000).toFixed(1)} s)`);
  let readyAfterMs: number | null = null;
  let firstSuccessAfterMs: number | null = null;
  let tenInARowAfterMs: number | null = null;
  const endAt = Date.now() + 300_000;
  while (Date.now() < endAt && tenInARowAfterMs === null) {
    if (readyAfterMs === null && (await fetch(`${server.url}/ready`).then((response) => response.status, () => 0)) === 200) readyAfterMs = Date.now() - upAt;
    const after = load.outcomes.filter((outcome) => outcome.startedAt >= upAt);
    const firstOk = after.find(ok);
    if (firstSuccessAfterMs === null && firstOk) firstSuccessAfterMs = firstOk.startedAt + firstOk.durationMs - upAt;
    const recent = after.slice(-10);
    if (recent.length === 10 && recent.every(ok)) tenInARowAfterMs = Math.max(...recent.map((outcome) => outcome.startedAt + outcome.durationMs)) - upAt;
    await sleep(100);
  }
  await sleep(5_000);
  await load.stop();
  const rssMB = Math.round(server.rssBytes() / 2 ** 20);
  server.child.kill('SIGTERM');
  await server.exited;

  const describe = (outcomes: Outcome[]): RequestStats => {
    const durations = outcomes.map((outcome) => outcome.durationMs).sort((a, b) => a - b);
    const at = (q: number) => (durations.length === 0 ? null : (durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)] as number));
    const codes: Record<string, number> = {};
    for (const outcome of outcomes) {
      const key = outcome.codes.length === 0 ? (outcome.status === 200 ? 'OK' : `HTTP ${outcome.status}`) : [...new Set(outcome.codes)].join('+');
      codes[key] = (codes[key] ?? 0) + 1;
    }
    return {
      count: outcomes.length,
      queries: outcomes.filter((outcome) => !mutationClient(outcome.client)).length,
      mutations: outcomes.filter((outcome) => mutationClient(outcome.client)).length,
      codes,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: durations.at(-1) ?? null,
    };
  };
  const before = load.outcomes.filter((outcome) => outcome.startedAt < downAt && outcome.startedAt + outcome.durationMs <= downAt);
  const inFlight = load.outcomes.filter((outcome) => outcome.startedAt < downAt && outcome.startedAt + outcome.durationMs > downAt);
  const during = load.outcomes.filter((outcome) => outcome.startedAt >= downAt && outcome.startedAt < portOpenAt!);
  const starting = load.outcomes.filter((outcome) => outcome.startedAt >= portOpenAt! && outcome.startedAt < upAt);
  const after = load.outcomes.filter((outcome) => outcome.startedAt >= upAt);
  const unavailable = (outcome: Outcome) => outcome.status === 200 && outcome.codes.length > 0 && outcome.codes.every((code) => code === 'UNAVAILABLE');
  const slowest = [...during].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).map((outcome) => ({
    startedAfterKillMs: outcome.startedAt - downAt,
    durationMs: outcome.durationMs,
    kind: mutationClient(outcome.client) ? 'mutation' : 'query',
    codes: outcome.codes,
  }));
  const unavailableOnly = describe(during.filter(unavailable));
  // Where in the outage the slow answers were: just after the kill, just before the port opened again, or in between.
  const over2s = during.filter((outcome) => outcome.durationMs > UNAVAILABLE_WITHIN_MS);
  const slowWhere = {
    firstTwoSecondsAfterKill: over2s.filter((outcome) => outcome.startedAt - downAt < 2_000).length,
    lastTwoSecondsBeforePortOpen: over2s.filter((outcome) => portOpenAt! - outcome.startedAt <= 2_000).length,
    inBetween: over2s.filter((outcome) => outcome.startedAt - downAt >= 2_000 && portOpenAt! - outcome.startedAt > 2_000).length,
  };
  const result = {
    clients: CLIENTS,
    mutationClients: Array.from({ length: CLIENTS }, (_, client) => client).filter(mutationClient).length,
    downForMs: portOpenAt - downAt,
    portOpenAfterRestartMs: portOpenAt - restartStarted,
    readyAfterKillMs: upAt - downAt,
    neo4jRestartMs: upAt - restartStarted,
    readyDuringOutage,
    before: describe(before),
    inFlightAtKill: describe(inFlight),
    during: {
      ...describe(during),
      mutationsUnavailable: during.filter((outcome) => mutationClient(outcome.client) && unavailable(outcome)).length,
      otherAnswers: during.filter((outcome) => !unavailable(outcome)).length,
      over2s: over2s.length,
      over2sWhere: slowWhere,
      unavailableOnly,
      slowest,
      /** Every request started in the outage and the start-up: [ms after the kill, duration ms, answer, kind]. */
      samples: [...during, ...starting].map((outcome) => [
        outcome.startedAt - downAt,
        outcome.durationMs,
        outcome.codes.length === 0 ? 'OK' : [...new Set(outcome.codes)].join('+'),
        mutationClient(outcome.client) ? 'mutation' : 'query',
      ]),
    },
    startingUp: describe(starting),
    after: describe(after),
    recovery: { readyAfterMs, firstSuccessAfterMs, tenInARowAfterMs, serverRestarted: false },
    serverRssMB: rssMB,
    loadAverageBefore,
    loadAverageAfter: loadAverage(),
  };
  log(`starting up (port open → ready): ${JSON.stringify(result.startingUp.codes)}, max ${result.startingUp.maxMs} ms`);
  log(`outage: ${result.during.count} requests started while Neo4j was down (${result.during.mutations} mutations): ${JSON.stringify(result.during.codes)}, p50 ${result.during.p50Ms} ms, p99 ${result.during.p99Ms} ms, max ${result.during.maxMs} ms; recovery: /ready after ${readyAfterMs} ms, first success after ${firstSuccessAfterMs} ms, ten in a row after ${tenInARowAfterMs} ms`);
  return result;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function env(): Record<string, string> {
  return { NEO4J_URI: local.uri, NEO4J_USERNAME: local.username, NEO4J_PASSWORD: local.password };
}

/** Some persons and one-seat posts of the data set, for the load. */
function sampleIds(): { persons: string[]; posts: string[] } {
  const persons: string[] = [];
  const posts: string[] = [];
  for (const line of readFileSync(path.join(dataDir, 'entities.ndjson'), 'utf8').split('\n')) {
    if (line === '') continue;
    const entity = JSON.parse(line) as { id: string; kind: string; properties: { seats?: number } };
    if (entity.kind === 'PERSON' && persons.length < 2000) persons.push(entity.id);
    if (entity.kind === 'POST' && entity.properties.seats === 1 && posts.length < 500) posts.push(entity.id);
    if (persons.length >= 2000 && posts.length >= 500) break;
  }
  return { persons, posts };
}

/** A small ingest document per client: written again and again (idempotent), so mutations keep taking write locks. */
function loadDocument(client: number) {
  const name = `Faultbench Person ${client}`;
  const organization = `Faultbench Bureau ${client}`;
  const text = `${name} was appointed Director of the ${organization} in 2024.`;
  return {
    source: { id: `source:faultbench-${client}`, name: `[BENCH] faults ${client}`, publisher: 'officegraph bench', publishedDate: '2026-01-01', language: 'en', text },
    entities: [
      { kind: 'PERSON', ref: 'person', name, quote: name },
      { kind: 'ORGANIZATION', ref: 'bureau', name: organization, quote: organization },
      { kind: 'POST', ref: 'director', name: `Director of the ${organization}`, role: 'Director', quote: `Director of the ${organization}` },
    ],
    facts: [
      { type: 'POST_OF', from: 'director', to: 'bureau', quote: `Director of the ${organization}` },
      { type: 'TENURE', person: 'person', post: 'director', startDate: '2024', quote: text },
    ],
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T | string; ms: number }> {
  const begin = Date.now();
  const value = await work().catch((error: Error) => error.message);
  return { value, ms: Date.now() - begin };
}

function sleep(ms: number) {
  return new Promise((done) => setTimeout(done, ms));
}

function renderMarkdown(r: typeof results, holds: Record<string, boolean>): string {
  const n = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toLocaleString('en'));
  const kill = (k: KillRecord) => {
    const s = k.sighting;
    const stages = k.audit.stages
      .map((stage) => `| ${stage.stage} | ${n(stage.batches)} | ${n(stage.checkpoints)} | ${n(stage.checkpointRecords)} | ${n(stage.recordsInGraph)} | ${stage.broken} |`)
      .join('\n');
    return [
      `### kill -9 ${k.victim === 'importer' ? 'the importer (import:bulk)' : 'Neo4j'} during the ${k.stage} stage`,
      '',
      `SHOW TRANSACTIONS, polled every 25 ms from a separate session, showed (poll ${s.polls}):`,
      '',
      '| transaction | status | batch (metadata) | statement | statement running | transaction running | locks held | statement allocated | heap (est.) | page hits |',
      '|---|---|---|---|---|---|---|---|---|---|',
      `| ${s.transactionId} | ${s.status} | \`${s.batch}\` | ${s.queryName} (${s.currentQueryStatus}) | ${n(s.queryElapsedMs)} ms | ${n(s.elapsedMs)} ms | ${n(s.activeLockCount)} | ${n(s.queryAllocatedBytes)} B | ${n(s.heapBytes)} B | ${n(s.pageHits)} |`,
      '',
      `Statement: \`${s.currentQuery}…\``,
      '',
      k.victim === 'importer'
        ? `Right after the kill Neo4j still listed: ${k.listedAfterKill?.length ? k.listedAfterKill.map((row) => `${row.transactionId} ${row.status} ${row.queryName}`).join('; ') : 'nothing (already rolled back)'}; the transaction was gone (rolled back) ${n(k.rolledBackAfterMs)} ms after the kill. The importer ended with signal ${k.importerExit.signal}.`
        : `The importer lost its connection and exited by itself (code ${k.importerExit.code}): "${k.importerExit.lastLine.slice(0, 200)}". Neo4j restarted on the same store (recovery included) in ${((k.neo4jRestartMs ?? 0) / 1000).toFixed(1)} s.`,
      '',
      `Afterwards (audit of every record, ${(k.audit.elapsedMs / 1000).toFixed(1)} s): ${k.audit.wholeBatchesOnly ? '**whole batches only**' : '**BROKEN BATCHES**'}; the killed batch ${k.killedBatch.batch} has ${k.killedBatch.checkpoint ? 'a checkpoint (the kill came after its commit)' : 'no checkpoint'} and ${n(k.killedBatch.recordsInGraph)} of its records in the graph; ${k.insideTransaction ? 'the kill landed inside its open write transaction' : '**the kill did not land inside the transaction**'}. Graph: ${n(k.totals.nodes)} nodes, ${n(k.totals.relationships)} relationships; ${n(k.audit.checkpoints)} checkpoints. Load average ${k.loadAverage.join(' / ')}.`,
      '',
      '| stage | batches | checkpoints | records by the checkpoints | records in the graph | partial batches |',
      '|---|---|---|---|---|---|',
      stages,
      '',
    ].join('\n');
  };
  const o = r.outage;
  return [
    '# Faults at scale: kill -9 during a bulk import, Neo4j down under load',
    '',
    `Written by \`${r.command}\` (bench/faults.ts) on ${r.date.slice(0, 10)}: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGB} GB, shared with other work; Node ${r.machine.node}; Neo4j ${r.machine.neo4j}, its own process; importer and server each their own process, all on loopback.`,
    '',
    `Graph: ${n(r.graph.persons)} persons, seed ${r.graph.seed}: ${n(r.graph.nodes)} nodes, ${n(r.graph.relationships)} relationships; records ${Object.entries(r.graph.records).map(([stage, count]) => `${stage} ${n(count as number)}`).join(', ')}. Batch size ${n(r.batchSize)} records (one write transaction per batch, with its ImportBatch checkpoint). Whole run ${(r.totalMs / 60_000).toFixed(1)} min.`,
    '',
    '| check | holds |',
    '|---|---|',
    ...Object.entries(holds).map(([name, value]) => `| ${name} | ${value ? 'yes' : '**no**'} |`),
    '',
    '"Whole batches only" is checked record by record: every record of the data set is looked up in the graph and counted against the batch the importer put it in; a batch must be whole with its checkpoint (every record, an entity with all its mentions, a tenure with its holder and post) or absent without one, and per stage the records in the graph must equal the sum of the checkpoints\' `records`.',
    '',
    '## Kills during the import',
    '',
    ...r.kills.map(kill),
    '### Resumed to the end',
    '',
    `import:bulk ran again and finished in ${(r.resume.elapsedMs / 1000).toFixed(1)} s (exit ${r.resume.exit.code}): "${r.resume.lastLine}". The graph then holds ${n(r.resume.totals.nodes)} nodes and ${n(r.resume.totals.relationships)} relationships; the manifest says ${n(r.graph.nodes)} nodes + ${n(r.resume.audit.checkpoints)} checkpoints = ${n(r.resume.expected.nodes)} and ${n(r.resume.expected.relationships)} relationships: ${r.resume.complete ? '**equal**, every batch whole' : '**not equal**'}.`,
    '',
    ...renderOutage(o, 'bench/results-faults.json'),
  ].join('\n');
}

/** The outage part of a record: the load, the kill, the answers while Neo4j was down, the recovery. */
function renderOutage(o: Awaited<ReturnType<typeof outageUnderLoad>>, samplesFile: string): string[] {
  const n = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toLocaleString('en'));
  const row = (label: string, d: RequestStats) =>
    `| ${label} | ${n(d.count)} | ${n(d.queries)} / ${n(d.mutations)} | ${Object.entries(d.codes).map(([code, count]) => `${code} ${n(count as number)}`).join(', ')} | ${n(d.p50Ms)} | ${n(d.p99Ms)} | ${n(d.maxMs)} |`;
  return [
    '## Neo4j killed under a concurrency-32 load',
    '',
    `${o.clients} clients on loopback, one request after another each: ${o.clients - o.mutationClients} send queries (person with tenures, posts and organizations; roleHolders; neighborhood; search), ${o.mutationClients} send an ingestDocument mutation with the write token. After ${loadBeforeMs / 1000} s Neo4j was killed with SIGKILL, left down for ${outageMs / 1000} s and restarted on the same store. Nothing listened on its Bolt port for ${(o.downForMs / 1000).toFixed(1)} s (the outage: from the kill until the restarted JVM opened the port, ${(o.portOpenAfterRestartMs / 1000).toFixed(1)} s into the restart); the database was ready ${(o.readyAfterKillMs / 1000).toFixed(1)} s after the kill (the restart, with store recovery, took ${(o.neo4jRestartMs / 1000).toFixed(1)} s). The server was not restarted. /ready during the outage: ${o.readyDuringOutage.value} in ${o.readyDuringOutage.ms} ms.`,
    '',
    '| requests | count | queries / mutations | answers | p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    row('before the kill', o.before),
    row('in flight at the kill', o.inFlightAtKill),
    row('**started while Neo4j was down**', o.during),
    row('started while it started up (port open, not ready)', o.startingUp),
    row('started after it was back', o.after),
    '',
    `While Neo4j was down: ${n(o.during.count)} requests started, ${n(o.during.otherAnswers)} answered anything but UNAVAILABLE, ${n(o.during.over2s)} took over 2 s; ${n(o.during.mutationsUnavailable)} of the ${n(o.during.mutations)} mutations answered UNAVAILABLE. Slowest: ${o.during.slowest.map((s) => `${s.kind} ${s.durationMs} ms (started ${s.startedAfterKillMs} ms after the kill, ${s.codes.join('+') || 'OK'})`).join('; ')}.`,
    '',
    `UNAVAILABLE answers alone: p50 ${n(o.during.unavailableOnly.p50Ms)} ms, p99 ${n(o.during.unavailableOnly.p99Ms)} ms, max ${n(o.during.unavailableOnly.maxMs)} ms. The ${n(o.during.over2s)} requests over 2 s started: ${n(o.during.over2sWhere.firstTwoSecondsAfterKill)} in the first 2 s after the kill, ${n(o.during.over2sWhere.lastTwoSecondsBeforePortOpen)} in the last 2 s before the port opened again, ${n(o.during.over2sWhere.inBetween)} in between (every request of the window, with its start, duration and answer, is in ${samplesFile} under outage.during.samples).`,
    '',
    `Recovery, counted from the moment Neo4j was ready again: /ready 200 after ${n(o.recovery.readyAfterMs)} ms, the first successful request after ${n(o.recovery.firstSuccessAfterMs)} ms, ten successes in a row after ${n(o.recovery.tenInARowAfterMs)} ms. Server RSS ${o.serverRssMB} MB. Load average ${o.loadAverageBefore.join(' / ')} before the kill, ${o.loadAverageAfter.join(' / ')} at the end.`,
    '',
  ];
}
