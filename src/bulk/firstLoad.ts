/**
 * The first load of a bulk data set into an empty local store (`npm run import:bulk -- DIR
 * --first-load`): instead of batched Cypher writes, the data set is turned into CSV files
 * (adminImportFiles.ts) and written by Neo4j's offline importer (`neo4j-admin database import
 * full`) straight into the store of the local Neo4j. Then Neo4j starts and the rest is what
 * import:bulk does: the schema (constraints and indexes, waited for until online), a checkpoint
 * for every batch of the six record stages, and the intervals stage through importBulk itself
 * (recomputeTenureIntervals, checkpointed), so that the graph is the one import:bulk writes and a
 * later `import:bulk DIR` (same batch size) finds everything in.
 *
 * Only for the local Neo4j (the importer writes store files, so it needs the store on this
 * machine and Neo4j stopped) and only into an empty database (the importer cannot merge).
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { connectDatabase } from '../app.js';
import type { Config } from '../config.js';
import { applySchema } from '../graph/applySchema.js';
import { GraphStore } from '../graph/graphStore.js';
import { loadQueries } from '../graph/queries.js';
import { BULK_INGEST_TIMEOUT_MS } from '../ingest/ingestDocument.js';
import type { Logger } from '../logger.js';
import { runLocalNeo4jImport } from '../neo4j/localNeo4j.js';
import { ARRAY_DELIMITER_OPTION, writeAdminImportFiles, type AdminImportFiles } from './adminImportFiles.js';
import { BULK_STAGES, type BulkManifest } from './bulkFormat.js';
import { checkpointId, DEFAULT_BATCH_SIZE, importBulk, readManifest, type BulkProgress } from './importBulk.js';

/** The database the local Neo4j serves (Neo4jLocal.java). */
const LOCAL_DATABASE = 'neo4j';
const ALIAS_FIX_BATCH = 20_000;

/** The first load cannot run here; the message says why and what to do instead. */
export class FirstLoadRefused extends Error {
  override name = 'FirstLoadRefused';
}

export type FirstLoadPhase = 'check' | 'csv' | 'neo4j-admin import' | 'start' | 'aliases' | 'schema' | 'checkpoints' | 'intervals';

export interface FirstLoadOptions {
  /** The batch size whose checkpoints are written (a later import:bulk with it skips everything). */
  batchSize?: number;
  /** Where the CSV files go (default: DATA_DIR/first-load-csv); removed afterwards unless keepCsv. */
  csvDir?: string;
  keepCsv?: boolean;
  /** A phase starts (and the previous one ended). */
  onPhase?: (phase: FirstLoadPhase, message: string) => void;
  /** Each line neo4j-admin import prints. */
  onImporterOutput?: (line: string) => void;
  /** Progress of the intervals stage, as import:bulk reports it. */
  onProgress?: (progress: BulkProgress) => void;
  /** Called with the loaded store before the local Neo4j stops (tests read the graph here). */
  beforeStop?: (store: GraphStore) => Promise<void>;
}

export interface FirstLoadResult {
  manifest: BulkManifest;
  nodes: number;
  relationships: number;
  batchesMarked: number;
  postsRecomputed: number;
  /** Milliseconds per phase, in order. */
  phases: Array<{ phase: FirstLoadPhase; ms: number }>;
  elapsedMs: number;
}

export async function firstLoad(config: Config, logger: Logger, directory: string, options: FirstLoadOptions = {}): Promise<FirstLoadResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = performance.now();
  const phases: FirstLoadResult['phases'] = [];
  let phaseStart = started;
  let current: FirstLoadPhase | undefined;
  const phase = (next: FirstLoadPhase | undefined, message = '') => {
    const now = performance.now();
    if (current) phases.push({ phase: current, ms: now - phaseStart });
    current = next;
    phaseStart = now;
    if (next) options.onPhase?.(next, message);
  };

  if (config.neo4jUri !== undefined) {
    throw new FirstLoadRefused(
      `--first-load writes the store files of the local Neo4j and cannot load into the Neo4j at NEO4J_URI (${config.neo4jUri}): ` +
        'unset NEO4J_URI to load into the local store in OFFICEGRAPH_DATA_DIR, or run import:bulk without --first-load, which loads into any Neo4j.',
    );
  }
  if (config.neo4jDatabase !== undefined && config.neo4jDatabase !== LOCAL_DATABASE) {
    throw new FirstLoadRefused(
      `--first-load loads the local Neo4j's database "${LOCAL_DATABASE}", but NEO4J_DATABASE is "${config.neo4jDatabase}": unset NEO4J_DATABASE.`,
    );
  }
  const manifest = readManifest(directory);
  const csvDir = path.resolve(options.csvDir ?? path.join(config.dataDir, 'first-load-csv'));
  if (/[,=]/.test(csvDir)) {
    throw new FirstLoadRefused(`The CSV directory ${csvDir} contains "," or "=", which neo4j-admin import reads as separators: choose another OFFICEGRAPH_DATA_DIR.`);
  }

  // An existing store may be empty (the local Neo4j creates it on its first start): look inside.
  const storeDir = path.join(config.dataDir, 'data', 'databases', LOCAL_DATABASE);
  const storeExists = existsSync(storeDir);
  if (storeExists) {
    phase('check', `Checking that the store in ${config.dataDir} is empty…`);
    const { driver, local } = await connectDatabase(config, logger);
    try {
      const store = new GraphStore(driver, loadQueries(), { database: LOCAL_DATABASE, timeoutMs: config.queryTimeoutMs });
      const [counts] = await store.read('graph_counts');
      if ((counts?.nodes ?? 0) > 0) {
        throw new FirstLoadRefused(
          `The store in ${config.dataDir} already holds ${counts?.nodes.toLocaleString('en')} nodes and --first-load only loads into an empty store: ` +
            'run import:bulk without --first-load to add the data set to this graph (it merges), or set OFFICEGRAPH_DATA_DIR to a new directory for a first load.',
        );
      }
    } finally {
      await driver.close();
      await local?.stop();
    }
  }

  // A failed import leaves store files Neo4j cannot open. The database held nothing (checked
  // above), so they go, and the next start or first load finds no store rather than a broken one.
  const runImporter = async (importOptions: Parameters<typeof runLocalNeo4jImport>[0]) => {
    try {
      await runLocalNeo4jImport(importOptions);
    } catch (error) {
      await rm(storeDir, { recursive: true, force: true });
      await rm(path.join(config.dataDir, 'data', 'transactions', LOCAL_DATABASE), { recursive: true, force: true });
      if (error instanceof Error) error.message += '\nThe partial store was removed: correct the data set and run again, or load it with import:bulk.';
      throw error;
    }
  };

  let files: AdminImportFiles;
  let neo4jStore: { driver: Awaited<ReturnType<typeof connectDatabase>>['driver']; local: Awaited<ReturnType<typeof connectDatabase>>['local'] } | undefined;
  try {
    phase('csv', `Writing the CSV files for neo4j-admin import to ${csvDir}…`);
    await rm(csvDir, { recursive: true, force: true });
    files = await writeAdminImportFiles(directory, csvDir);

    phase('neo4j-admin import', `Running neo4j-admin import: ${files.nodes.toLocaleString('en')} nodes, ${files.relationships.toLocaleString('en')} relationships…`);
    const multiline = files.files.some((file) => file.multiline);
    await runImporter({
      dataDir: config.dataDir,
      heap: config.neo4jHeap,
      onOutput: options.onImporterOutput,
      args: [
        ...files.files.map((file) => `--${file.kind}=${file.labels.length > 0 ? `${file.labels.join(':')}=` : ''}${file.file}`),
        '--verbose', // on failure, the cause and not only "Error importing csv file"
        '--id-type=string',
        `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
        // Refuse what import:bulk would not write the same way: dangling references, repeated ids.
        '--bad-tolerance=0',
        '--skip-bad-relationships=false',
        '--skip-duplicate-nodes=false',
        '--strict=true',
        `--read-buffer-size=${Math.max(4 << 20, 2 * 4 * files.longestValue)}`,
        // Sources' texts hold line breaks. Naming only their file (--multiline-fields-format=v2) fails
        // in 5.26 once a quoted text crosses the importer's 4 MB chunk ("found CR outside a text
        // cell"), so multi-line parsing is switched on for all files when any file needs it.
        ...(multiline ? ['--multiline-fields=true'] : []),
        `--report-file=${path.join(csvDir, 'import.report')}`,
        ...(storeExists ? ['--overwrite-destination=true'] : []),
        LOCAL_DATABASE,
      ],
    });

    phase('start', 'Starting the local Neo4j on the imported store…');
    neo4jStore = await connectDatabase(config, logger);
    const store = new GraphStore(neo4jStore.driver, loadQueries(), {
      database: LOCAL_DATABASE,
      timeoutMs: Math.max(config.queryTimeoutMs, BULK_INGEST_TIMEOUT_MS),
    });

    phase('aliases', 'Giving entities without aliases the empty list…');
    for (;;) {
      const { rows } = await store.write((tx) => tx.run('bulk_empty_aliases', { limit: ALIAS_FIX_BATCH }));
      if ((rows[0]?.updated ?? 0) === 0) break;
    }

    phase('schema', 'Creating the constraints and indexes and waiting until they are online…');
    await applySchema(store, loadQueries());

    phase('checkpoints', 'Marking every batch of the data set as written…');
    const batches = BULK_STAGES.flatMap((stage) =>
      Array.from({ length: Math.ceil(files.records[stage] / batchSize) }, (_, batch) => ({
        id: checkpointId(manifest, stage, batchSize, batch),
        records: Math.min(batchSize, files.records[stage] - batch * batchSize),
      })),
    );
    await store.write((tx) => tx.run('bulk_checkpoints_mark_all', { batches }));

    phase('intervals', 'Storing the tenure intervals (import:bulk, which skips the batches marked)…');
    const intervals = await importBulk(store, directory, { batchSize, onProgress: options.onProgress });
    if (intervals.batchesWritten === 0 && intervals.postsRecomputed > 0) {
      // Every interval batch was already in: only possible if the store was not the one imported.
      throw new Error('the intervals stage found its checkpoints already written in a store that was just imported');
    }
    phase(undefined);
    const elapsedMs = performance.now() - started;
    await options.beforeStop?.(store);
    return {
      manifest,
      nodes: files.nodes,
      relationships: files.relationships,
      batchesMarked: batches.length,
      postsRecomputed: intervals.postsRecomputed,
      phases,
      elapsedMs,
    };
  } finally {
    await neo4jStore?.driver.close();
    await neo4jStore?.local?.stop();
    if (!options.keepCsv) await rm(csvDir, { recursive: true, force: true });
  }
}
