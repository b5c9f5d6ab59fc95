/**
 * Starts the whole service in order: the database (the user's, or the local one), the driver,
 * the HTTP server (so /health answers at once and /ready tells what is missing), the schema
 * constraints and indexes, then the seeds. stop() undoes it in reverse.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { warmUpPlans, warmUpWalks } from './plan/warmUp.js';
import { applySchema } from './graph/applySchema.js';
import { repairHoldsPostLinks } from './graph/repairHoldsPostLinks.js';
import { GraphStore } from './graph/graphStore.js';
import { loadQueries, type QueryName } from './graph/queries.js';
import { loadSeeds, seedFiles } from './ingest/loadSeeds.js';
import type { Logger } from './logger.js';
import { createDriver, verifyConnectivity } from './neo4j/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j/localNeo4j.js';
import { projectRoot } from './projectRoot.js';
import { startHttpServer, type RunningHttpServer } from './server/httpServer.js';

export interface Officegraph {
  url: string;
  /** The Bolt URI in use: NEO4J_URI, or the local Neo4j's. */
  neo4jUri: string;
  store: GraphStore;
  driver: Driver;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  seedsDirectory?: string;
  onQuery?: (name: QueryName) => void;
}

/** Connects to NEO4J_URI, or starts the local Neo4j in the data folder. */
export async function connectDatabase(config: Config, logger: Logger): Promise<{ driver: Driver; local: LocalNeo4j | undefined }> {
  let local: LocalNeo4j | undefined;
  let target = { uri: config.neo4jUri ?? '', username: config.neo4jUsername, password: config.neo4jPassword };
  if (config.neo4jUri === undefined) {
    local = await startLocalNeo4j({
      dataDir: config.dataDir,
      boltPort: config.boltPort,
      heap: config.neo4jHeap,
      pageCache: config.neo4jPageCache,
      onProgress: (message) => logger.info(message),
    });
    target = { uri: local.uri, username: local.username, password: local.password };
    logger.info({ uri: local.uri, dataDir: config.dataDir }, 'local Neo4j started');
  }
  const driver = createDriver(target, config.queryTimeoutMs);
  try {
    await verifyConnectivity(driver, config.neo4jDatabase);
  } catch (error) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${target.uri}: ${(error as Error).message}`);
  }
  return { driver, local };
}

export async function startOfficegraph(config: Config, options: StartOptions): Promise<Officegraph> {
  const { logger } = options;
  const queries = loadQueries();
  const { driver, local } = await connectDatabase(config, logger);
  const store = new GraphStore(driver, queries, {
    database: config.neo4jDatabase,
    timeoutMs: config.queryTimeoutMs,
    onQuery: options.onQuery,
  });
  const seedsDirectory = options.seedsDirectory ?? path.join(projectRoot(), 'seeds');
  const state = { schema: false, seeds: !config.seed, seedSourceIds: [] as string[] };

  let http: RunningHttpServer | undefined;
  const stop = async () => {
    await http?.stop();
    store.close();
    await driver.close();
    await local?.stop();
  };
  try {
    http = await startHttpServer({
      config,
      store,
      logger,
      readiness: async () => {
        if (!state.schema) return 'constraints and indexes are being created';
        if (!state.seeds) return 'seeds are being loaded';
        const found = await store.read('seeded_sources', { ids: state.seedSourceIds });
        if (found.length < state.seedSourceIds.length) return 'seed sources are missing from the database';
        return null;
      },
    });
    logger.info({ url: `${http.url}/graphql` }, 'GraphQL endpoint listening');
    await applySchema(store, queries);
    await repairHoldsPostLinks(store, (message) => logger.info(message));
    if (config.planRequests) await warmUpPlans(store);
    state.schema = true;
    if (config.seed) {
      const results = await loadSeeds(store, seedsDirectory, (message) => logger.info(message));
      state.seedSourceIds = results.map((seed) => seed.result.sourceId);
      state.seeds = true;
      logger.info({ seeds: seedFiles(seedsDirectory).length }, 'seeds loaded');
    }
    if (config.planRequests) {
      void warmUpWalks(store).catch((error: Error) => logger.debug({ err: error }, 'compiling the walk statements ahead failed; the first request compiles them'));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: http.url, neo4jUri: local?.uri ?? config.neo4jUri ?? '', store, driver, stop };
}
