/**
 * Loads a bulk data set (src/bulk/bulkFormat.ts) with batched UNWIND writes: each batch is one
 * write transaction that also records a checkpoint (:ImportBatch), so a batch is in the graph
 * whole or not at all, a second run skips the batches already written (resumable), and writing
 * a batch twice changes nothing (every write is a MERGE: idempotent). The last stage recomputes
 * the stored tenure intervals of every post the data set's tenures touch, through the same
 * recomputeTenureIntervals every write path uses, in batches of posts with their own checkpoints.
 */
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { GraphStore, WriteTransaction } from '../graph/graphStore.js';
import { recomputeTenureIntervals } from '../graph/recomputeTenureIntervals.js';
import { BULK_STAGES, stageFile, type BulkManifest, type BulkRecords, type BulkStage, type BulkTenure } from './bulkFormat.js';

export const DEFAULT_BATCH_SIZE = 5000;
/** Posts per interval batch: each post's tenures are read and rewritten together. */
export const INTERVAL_BATCH_POSTS = 1000;
export const BULK_BATCH_TIMEOUT_MS = 600_000;

export type ImportStage = BulkStage | 'intervals';

export interface BulkProgress {
  stage: ImportStage;
  /** Records of all stages handled so far (written or skipped) and in all. */
  recordsDone: number;
  recordsTotal: number;
  relationshipsCreated: number;
  nodesCreated: number;
  batchesWritten: number;
  batchesSkipped: number;
  elapsedMs: number;
}

export interface BulkImportResult extends BulkProgress {
  manifest: BulkManifest;
  /** Posts whose tenure intervals were recomputed and stored. */
  postsRecomputed: number;
}

export interface BulkImportOptions {
  batchSize?: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Called after each batch commits (tests stop an import here). */
  afterBatch?: (stage: ImportStage, batch: number) => void | Promise<void>;
}

export function readManifest(directory: string): BulkManifest {
  const manifest = JSON.parse(readFileSync(path.join(directory, 'manifest.json'), 'utf8')) as BulkManifest;
  if (manifest.format !== 'officegraph-bulk/1') throw new Error(`${directory}: not an officegraph bulk data set (format ${JSON.stringify(manifest.format)})`);
  return manifest;
}

/** The id of a batch's (:ImportBatch) checkpoint: "<data set id>/<stage>/<batch size>/<batch number>". */
export function checkpointId(manifest: BulkManifest, stage: ImportStage, batchSize: number, batch: number): string {
  return `${manifest.id}/${stage}/${stage === 'intervals' ? INTERVAL_BATCH_POSTS : batchSize}/${batch}`;
}

const WRITERS: { [S in BulkStage]: (tx: WriteTransaction, records: Array<BulkRecords[S]>) => ReturnType<WriteTransaction['run']> } = {
  sources: (tx, sources) => tx.run('bulk_sources', { sources }),
  entities: (tx, entities) => tx.run('bulk_entities', { entities }),
  relations: (tx, relations) => tx.run('bulk_relations', { relations }),
  tenures: (tx, tenures) => tx.run('bulk_tenures', { tenures }),
  participations: (tx, participations) => tx.run('bulk_participations', { participations }),
  successions: (tx, successions) => tx.run('bulk_successions', { successions }),
};

export async function importBulk(store: GraphStore, directory: string, options: BulkImportOptions = {}): Promise<BulkImportResult> {
  const manifest = readManifest(directory);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const prefix = `${manifest.id}/`;
  const done = new Set((await store.read('bulk_checkpoints', { prefix })).map((row) => row.id));
  const started = performance.now();
  const postIds = new Set<string>();
  const recordsTotal = BULK_STAGES.reduce((sum, stage) => sum + manifest.records[stage], 0);
  const progress: BulkProgress = {
    stage: 'sources',
    recordsDone: 0,
    recordsTotal,
    relationshipsCreated: 0,
    nodesCreated: 0,
    batchesWritten: 0,
    batchesSkipped: 0,
    elapsedMs: 0,
  };
  const report = () => {
    progress.elapsedMs = performance.now() - started;
    options.onProgress?.({ ...progress });
  };

  const writeBatch = async (stage: ImportStage, batch: number, records: number, work: (tx: WriteTransaction) => Promise<void>) => {
    const id = checkpointId(manifest, stage, batchSize, batch);
    if (done.has(id)) {
      progress.batchesSkipped += 1;
    } else {
      await store.write(
        async (tx) => {
          await work(tx);
          await tx.run('bulk_checkpoint_mark', { id, records });
        },
        // An operator (and bench/faults.ts) can see in SHOW TRANSACTIONS which batch is being written.
        { timeoutMs: BULK_BATCH_TIMEOUT_MS, metadata: { bulkBatch: id } },
      );
      progress.batchesWritten += 1;
    }
    await options.afterBatch?.(stage, batch);
  };

  for (const stage of BULK_STAGES) {
    progress.stage = stage;
    let batch = 0;
    let lines: string[] = [];
    const flush = async () => {
      if (lines.length === 0) return;
      // A batch already in is only parsed when its posts are needed (tenures, for the intervals).
      let records: Array<BulkRecords[typeof stage]> | undefined;
      const parsed = () => (records ??= lines.map((line) => JSON.parse(line) as BulkRecords[typeof stage]));
      if (stage === 'tenures') for (const tenure of parsed() as BulkTenure[]) postIds.add(tenure.post);
      await writeBatch(stage, batch, lines.length, async (tx) => {
        const { counters } = await (WRITERS[stage] as (tx: WriteTransaction, records: unknown[]) => ReturnType<WriteTransaction['run']>)(tx, parsed());
        progress.relationshipsCreated += counters.relationshipsCreated;
        progress.nodesCreated += counters.nodesCreated;
      });
      progress.recordsDone += lines.length;
      batch += 1;
      lines = [];
      report();
    };
    const input = createInterface({ input: createReadStream(path.join(directory, stageFile(stage)), 'utf8'), crlfDelay: Infinity });
    for await (const line of input) {
      if (line.trim() === '') continue;
      lines.push(line);
      if (lines.length >= batchSize) await flush();
    }
    await flush();
  }

  progress.stage = 'intervals';
  const posts = [...postIds].sort();
  for (let first = 0, batch = 0; first < posts.length; first += INTERVAL_BATCH_POSTS, batch += 1) {
    const slice = posts.slice(first, first + INTERVAL_BATCH_POSTS);
    await writeBatch('intervals', batch, slice.length, async (tx) => {
      await recomputeTenureIntervals(tx, { postIds: slice });
    });
    report();
  }
  progress.elapsedMs = performance.now() - started;
  return { ...progress, manifest, postsRecomputed: posts.length };
}

/** "entities  41% 123,456/300,000 records  22,345 rel/s  ETA 1m 12s" */
export function describeProgress(progress: BulkProgress): string {
  const fraction = progress.recordsTotal === 0 ? 1 : progress.recordsDone / progress.recordsTotal;
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.relationshipsCreated / seconds : 0;
  const recordRate = seconds > 0 ? progress.recordsDone / seconds : 0;
  const eta = recordRate > 0 ? (progress.recordsTotal - progress.recordsDone) / recordRate : 0;
  const width = 24;
  const filled = Math.round(fraction * width);
  return (
    `${progress.stage.padEnd(14)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
    `${progress.recordsDone.toLocaleString('en')}/${progress.recordsTotal.toLocaleString('en')} records  ` +
    `${Math.round(rate).toLocaleString('en')} rel/s  ${progress.stage === 'intervals' ? 'intervals' : `ETA ${duration(eta)}`}` +
    (progress.batchesSkipped > 0 ? `  (${progress.batchesSkipped} batches already in)` : '')
  );
}

function duration(seconds: number): string {
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
