/**
 * `npm start`: the server with its database. SIGINT or SIGTERM stops it cleanly (in-flight
 * requests drain, the driver closes, the local Neo4j shuts down); a second signal forces exit.
 */
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startOfficegraph } from '../app.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const app = await startOfficegraph(config, { logger });
  const shownUrl = app.url.replace('127.0.0.1', 'localhost');
  logger.info(`officegraph is ready: ${shownUrl}/graphql (explore at ${shownUrl}/explore)`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.info(`${signal}: shutting down`);
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    process.stderr.write(`officegraph: ${error.message}\n`);
  } else {
    process.stderr.write(`officegraph could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
