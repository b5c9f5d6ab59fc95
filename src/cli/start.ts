/**
 * `npm start`: the server with its database. SIGINT or SIGTERM stops it cleanly (in-flight
 * requests drain, the driver closes, the local Neo4j shuts down); a second signal forces exit.
 */
import type { Config } from '../config.js';
import { ConfigError, loadConfig } from '../config.js';
import { chooseLogFormat, createLogger } from '../logger.js';
import { startOfficegraph } from '../app.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, chooseLogFormat(config.logFormat, Boolean(process.stdout.isTTY)));
  const app = await startOfficegraph(config, { logger });
  const shownUrl = app.url.replace('127.0.0.1', 'localhost');
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
  // Only now: whoever waits for this line may signal the process at once.
  logger.info(`officegraph is ready: GraphQL at ${shownUrl}/graphql, explorer at ${shownUrl}/explore; ${describeDatabase(config, app.neo4jUri)}`);
}

/** Which Neo4j the server uses, in words; never the password. */
function describeDatabase(config: Config, uri: string): string {
  if (config.neo4jUri === undefined) {
    return `database: the local Neo4j with its store in ${config.dataDir}, Bolt port ${new URL(uri).port}`;
  }
  const shown = new URL(uri);
  shown.username = '';
  shown.password = '';
  return `database: Neo4j at ${shown.href.replace(/\/$/, '')} as user ${config.neo4jUsername}`;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    process.stderr.write(`officegraph: ${error.message}\n`);
  } else {
    process.stderr.write(`officegraph could not start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
