/**
 * Tools for killing a bulk import on purpose and judging what it left behind, shared by
 * bench/faults.ts and tests/bulkFaults.test.ts:
 * - startImporter runs `import:bulk` (src/cli/importBulk.ts) as its own process, so it can be
 *   killed with SIGKILL by its pid;
 * - watchBulkWrite polls SHOW TRANSACTIONS from a separate session until the import's write
 *   transaction for a stage is open and writing (each batch's transaction carries its checkpoint
 *   id as metadata: bulkBatch);
 * - auditBatches looks up every record of the data set in the graph and groups them by the
 *   batch the importer put them in: after any crash each batch must be whole (every record, with
 *   its checkpoint) or absent (no record, no checkpoint).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { BULK_STAGES, stageFile, type BulkStage } from '../src/bulk/bulkFormat.js';
import { readManifest } from '../src/bulk/importBulk.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
}

export interface ImporterProcess {
  child: ChildProcess;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote (progress lines, the final "done: …" line, errors). */
  output: string[];
}

/** `import:bulk DIRECTORY --batch N` as a child process against the given Neo4j (from the sources, through tsx). */
export function startImporter(directory: string, batchSize: number, neo4j: Neo4jTarget): ImporterProcess {
  const { NODE_ENV: _testRunnerNodeEnv, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'src', 'cli', 'importBulk.ts'), directory, '--batch', String(batchSize)],
    {
      cwd: projectRoot,
      env: { ...inherited, NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split(/[\r\n]+/).filter(Boolean));
    output.splice(0, Math.max(0, output.length - 200));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, pid: child.pid!, exited, output };
}

/** One row of SHOW TRANSACTIONS for a bulk batch's write transaction. */
export interface TransactionSighting {
  transactionId: string;
  status: string;
  /** The checkpoint id the transaction writes ("<data set>/<stage>/<batch size>/<batch>"), from its metadata. */
  batch: string;
  /** The name of the statement running in it (the header of its cypher/ file), e.g. bulk_tenures. */
  queryName: string;
  currentQuery: string;
  currentQueryStatus: string;
  /** How long the transaction, and its current statement, have run. */
  elapsedMs: number;
  queryElapsedMs: number;
  /** Memory the current statement has allocated, and the transaction's estimated heap use. */
  queryAllocatedBytes: number | null;
  heapBytes: number | null;
  /** Locks the transaction holds: the nodes and index entries its MERGEs have written. */
  activeLockCount: number | null;
  pageHits: number | null;
  /** When it was seen (epoch ms) and after how many polls. */
  seenAt: number;
  polls: number;
}

const SHOW_BULK_TRANSACTIONS = `
SHOW TRANSACTIONS
YIELD transactionId, status, currentQuery, currentQueryStatus, elapsedTime, currentQueryElapsedTime, currentQueryAllocatedBytes,
      estimatedUsedHeapMemory, activeLockCount, pageHits, metaData
WHERE metaData.bulkBatch STARTS WITH $prefix
RETURN transactionId, status, currentQuery, currentQueryStatus, elapsedTime.milliseconds AS elapsedMs,
       currentQueryElapsedTime.milliseconds AS queryElapsedMs, currentQueryAllocatedBytes AS queryAllocatedBytes,
       estimatedUsedHeapMemory AS heapBytes, activeLockCount, pageHits, metaData.bulkBatch AS batch`;

/** The bulk write transactions of a data set that Neo4j lists right now. */
export async function showBulkTransactions(driver: Driver, prefix: string): Promise<TransactionSighting[]> {
  const session = driver.session();
  try {
    const result = await session.run(SHOW_BULK_TRANSACTIONS, { prefix });
    const seenAt = Date.now();
    return result.records.map((record) => {
      const currentQuery = String(record.get('currentQuery') ?? '');
      const number = (key: string) => (record.get(key) === null ? null : Number(record.get(key)));
      return {
        transactionId: String(record.get('transactionId')),
        status: String(record.get('status')),
        batch: String(record.get('batch')),
        queryName: /^\s*\/\/\s*([a-z_]+):/.exec(currentQuery)?.[1] ?? '',
        currentQuery: currentQuery.replace(/^\s*\/\/.*$/gm, '').replace(/\s+/g, ' ').trim().slice(0, 160),
        currentQueryStatus: String(record.get('currentQueryStatus') ?? ''),
        elapsedMs: Number(record.get('elapsedMs')),
        queryElapsedMs: Number(record.get('queryElapsedMs')),
        queryAllocatedBytes: number('queryAllocatedBytes'),
        heapBytes: number('heapBytes'),
        activeLockCount: number('activeLockCount'),
        pageHits: number('pageHits'),
        seenAt,
        polls: 0,
      };
    });
  } finally {
    await session.close();
  }
}

/**
 * Polls SHOW TRANSACTIONS until a batch of `stage` is being written: its transaction is Running,
 * its current statement is the stage's bulk_* write (not yet the checkpoint), and it has run for
 * at least minElapsedMs (and its batch number is at least fromBatch). Throws after timeoutMs, or when `gaveUp` resolves (the importer ended).
 */
export async function watchBulkWrite(
  driver: Driver,
  options: { prefix: string; stage: BulkStage; minElapsedMs: number; timeoutMs: number; fromBatch?: number; gaveUp?: Promise<unknown> },
): Promise<TransactionSighting> {
  const endAt = Date.now() + options.timeoutMs;
  let ended = false;
  void options.gaveUp?.then(() => (ended = true));
  for (let polls = 1; ; polls += 1) {
    if (ended) throw new Error(`The import ended before a ${options.stage} write transaction was seen`);
    if (Date.now() > endAt) throw new Error(`No ${options.stage} write transaction seen within ${options.timeoutMs} ms`);
    // While Neo4j restarts the poll fails: keep polling. A mistake in the statement itself is thrown.
    const rows = await showBulkTransactions(driver, options.prefix).catch((error: { code?: string }) => {
      if (String(error.code).startsWith('Neo.ClientError')) throw error;
      return [];
    });
    const writing = rows.find(
      (row) =>
        row.batch.includes(`/${options.stage}/`) &&
        row.status.startsWith('Running') &&
        row.queryName === `bulk_${options.stage}` &&
        row.queryElapsedMs >= options.minElapsedMs &&
        parseBatchId(row.batch).batch >= (options.fromBatch ?? 0),
    );
    if (writing) return { ...writing, polls };
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** Waits until Neo4j no longer lists the transaction (it rolled it back); returns how long that took and the statuses seen. */
export async function waitUntilGone(driver: Driver, prefix: string, transactionId: string, timeoutMs: number) {
  const started = Date.now();
  const statuses: string[] = [];
  while (Date.now() - started < timeoutMs) {
    const row = (await showBulkTransactions(driver, prefix)).find((candidate) => candidate.transactionId === transactionId);
    if (!row) return { goneAfterMs: Date.now() - started, statuses };
    if (statuses.at(-1) !== row.status) statuses.push(row.status);
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`Transaction ${transactionId} still listed after ${timeoutMs} ms (statuses: ${statuses.join(', ')})`);
}

export interface BatchState {
  batch: number;
  /** Records of the batch in the file (the checkpoint's `records`) and how many of them are in the graph. */
  size: number;
  present: number;
  /** Records only partly written (an entity without all its mentions, a tenure without its holder or post). */
  torn: number;
  checkpoint: boolean;
}

export interface StageAudit {
  stage: BulkStage;
  records: number;
  batches: number;
  checkpoints: number;
  /** Sum of `records` over the stage's checkpoints, and the records found in the graph. */
  checkpointRecords: number;
  recordsInGraph: number;
  wholeBatches: number;
  emptyBatches: number;
  /** Batches that are neither whole with a checkpoint nor absent without one. */
  broken: BatchState[];
}

export interface BatchAudit {
  stages: StageAudit[];
  /** Checkpoints of the interval stage (recomputed posts), reported only. */
  intervalCheckpoints: number;
  checkpoints: number;
  /** Every batch of every stage is whole with its checkpoint, or absent without one. */
  wholeBatchesOnly: boolean;
  elapsedMs: number;
}

/** Per stage: the key that finds a record in the graph, and a Cypher expression over `k` that is 1 (whole), 2 (torn) or 0 (absent). */
const PRESENCE: { [S in BulkStage]: { key: (record: any) => Record<string, unknown>; state: string } } = {
  sources: {
    key: (record) => ({ id: record.id }),
    state: `CASE WHEN EXISTS { MATCH (:Source {id: k.id}) } THEN 1 ELSE 0 END`,
  },
  entities: {
    key: (record) => ({ id: record.id, m: new Set((record.mentions as Array<{ s: string }>).map((mention) => mention.s)).size }),
    state: `CASE WHEN NOT EXISTS { MATCH (:Entity {id: k.id}) } THEN 0
                 WHEN COUNT { MATCH (:Source)-[:MENTIONS]->(:Entity {id: k.id}) } = k.m THEN 1 ELSE 2 END`,
  },
  relations: {
    key: (record) => ({ type: record.type, from: record.from, to: record.to }),
    state: `CASE WHEN EXISTS { MATCH (:Entity {id: k.from})-[r]->(:Entity {id: k.to}) WHERE type(r) = k.type } THEN 1 ELSE 0 END`,
  },
  tenures: {
    key: (record) => ({ id: record.id, person: record.person, post: record.post }),
    state: `CASE WHEN NOT EXISTS { MATCH (:Tenure {id: k.id}) } THEN 0
                 WHEN EXISTS { MATCH (:Person {id: k.person})-[:HOLDS]->(:Tenure {id: k.id})-[:OF_POST]->(:Post {id: k.post}) } THEN 1 ELSE 2 END`,
  },
  participations: {
    key: (record) => ({ person: record.person, event: record.event, role: record.role }),
    state: `CASE WHEN EXISTS { MATCH (:Person {id: k.person})-[r:PARTICIPATED_IN]->(:Event {id: k.event}) WHERE r.role = k.role } THEN 1 ELSE 0 END`,
  },
  successions: {
    key: (record) => ({ from: record.from, to: record.to }),
    state: `CASE WHEN EXISTS { MATCH (:Tenure {id: k.from})-[:SUCCEEDS]->(:Tenure {id: k.to}) } THEN 1 ELSE 0 END`,
  },
};

const AUDIT_CHUNK = 10_000;

/**
 * Looks up every record of the data set in `directory` and its checkpoints, batch by batch, as an
 * import with `batchSize` cut them (the same cut as src/bulk/importBulk.ts: non-empty lines, in
 * order, batchSize to a batch).
 */
export async function auditBatches(driver: Driver, directory: string, batchSize: number): Promise<BatchAudit> {
  const started = Date.now();
  const manifest = readManifest(directory);
  const checkpoints = await rows(driver, `MATCH (c:ImportBatch) WHERE c.id STARTS WITH $prefix RETURN c.id AS id, c.records AS records`, {
    prefix: `${manifest.id}/`,
  });
  const marked = new Map(checkpoints.map((row) => [String(row.id), Number(row.records)]));
  const stages: StageAudit[] = [];
  for (const stage of BULK_STAGES) {
    const sizes: number[] = [];
    const present: number[] = [];
    const torn: number[] = [];
    const seen = new Set<string>();
    let chunk: Array<Record<string, unknown>> = [];
    const lookUp = async () => {
      if (chunk.length === 0) return;
      const found = await rows(driver, `UNWIND $keys AS k WITH k, ${PRESENCE[stage].state} AS state WHERE state > 0 RETURN k.b AS batch, state, count(*) AS n`, {
        keys: chunk,
      });
      for (const row of found) {
        const counts = Number(row.state) === 1 ? present : torn;
        counts[Number(row.batch)] = (counts[Number(row.batch)] ?? 0) + Number(row.n);
      }
      chunk = [];
    };
    let line = 0;
    for await (const text of createInterface({ input: createReadStream(path.join(directory, stageFile(stage)), 'utf8'), crlfDelay: Infinity })) {
      if (text.trim() === '') continue;
      const batch = Math.floor(line / batchSize);
      line += 1;
      if (sizes[batch] === undefined) {
        sizes[batch] = 0;
        present[batch] = 0;
        torn[batch] = 0;
      }
      sizes[batch] = (sizes[batch] ?? 0) + 1;
      const key = PRESENCE[stage].key(JSON.parse(text));
      // A record repeated in a later line is the same fact: it counts as present in its later batch.
      const signature = JSON.stringify(key);
      if (seen.has(signature)) {
        present[batch] = (present[batch] ?? 0) + 1;
        continue;
      }
      seen.add(signature);
      chunk.push({ ...key, b: batch });
      if (chunk.length >= AUDIT_CHUNK) await lookUp();
    }
    await lookUp();
    const states: BatchState[] = sizes.map((size, batch) => ({
      batch,
      size,
      present: present[batch] ?? 0,
      torn: torn[batch] ?? 0,
      checkpoint: marked.has(`${manifest.id}/${stage}/${batchSize}/${batch}`),
    }));
    const whole = (state: BatchState) => state.checkpoint && state.present === state.size && state.torn === 0;
    const empty = (state: BatchState) => !state.checkpoint && state.present === 0 && state.torn === 0;
    const stageCheckpoints = states.filter((state) => state.checkpoint);
    stages.push({
      stage,
      records: line,
      batches: states.length,
      checkpoints: stageCheckpoints.length,
      checkpointRecords: stageCheckpoints.reduce((sum, state) => sum + (marked.get(`${manifest.id}/${stage}/${batchSize}/${state.batch}`) ?? 0), 0),
      recordsInGraph: states.reduce((sum, state) => sum + state.present, 0),
      wholeBatches: states.filter(whole).length,
      emptyBatches: states.filter(empty).length,
      broken: states.filter((state) => !whole(state) && !empty(state)),
    });
  }
  const intervalCheckpoints = [...marked.keys()].filter((id) => id.startsWith(`${manifest.id}/intervals/`)).length;
  return {
    stages,
    intervalCheckpoints,
    checkpoints: marked.size,
    wholeBatchesOnly: stages.every((stage) => stage.broken.length === 0 && stage.recordsInGraph === stage.checkpointRecords),
    elapsedMs: Date.now() - started,
  };
}

/** The stage and batch number of a checkpoint id ("<data set>/<stage>/<batch size>/<batch>"). */
export function parseBatchId(id: string): { stage: string; batchSize: number; batch: number } {
  const [stage, size, batch] = id.split('/').slice(-3);
  return { stage: String(stage), batchSize: Number(size), batch: Number(batch) };
}

/**
 * Nodes and relationships in the whole database (from Neo4j's count store); relationships are the
 * facts, without the derived HOLDS_POST links that the interval step writes, one per tenure.
 */
export async function graphTotals(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const [nodes] = await rows(driver, 'MATCH (n) RETURN count(n) AS n');
  const [relationships] = await rows(driver, 'MATCH ()-[r]->() RETURN count(r) AS n');
  const [links] = await rows(driver, 'MATCH ()-[r:HOLDS_POST]->() RETURN count(r) AS n');
  return { nodes: Number(nodes?.n), relationships: Number(relationships?.n) - Number(links?.n) };
}

async function rows(driver: Driver, statement: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    return (await session.executeRead((tx) => tx.run(statement, params), { timeout: 300_000 })).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}
