#!/usr/bin/env node
/**
 * The server with its database: `node dist/src/cli/start.js` after `npm run build` (the
 * package's `officegraph` command, what a service manager should run), or `npm start`, which
 * builds first. SIGINT or SIGTERM stops it cleanly: in-flight requests drain, the driver
 * closes, the local Neo4j shuts down, and the process exits 0. A signal during start-up stops
 * it as soon as it has started. stopSignals.ts says when a second signal forces the exit.
 */
import type { Officegraph } from '../app.js';
import { startOfficegraph } from '../app.js';
import type { Config } from '../config.js';
import { ConfigError, loadConfig } from '../config.js';
import { chooseLogFormat, createLogger } from '../logger.js';
import { LocalNeo4jError } from '../neo4j/localNeo4j.js';
import { stopSignalPolicy, type StopSignal } from './stopSignals.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, chooseLogFormat(config.logFormat, Boolean(process.stdout.isTTY)));

  let app: Officegraph | undefined;
  let stopRequested = false;
  const stopAndExit = (running: Officegraph) =>
    running.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  const decide = stopSignalPolicy();
  const onSignal = (signal: StopSignal) => {
    const decision = decide(signal);
    if (decision.action === 'force') {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    if (decision.action === 'repeat') {
      logger.info(`${signal} again ${decision.afterMs} ms after the first: taken as the same request, still shutting down`);
      return;
    }
    stopRequested = true;
    if (app === undefined) {
      logger.info(`${signal}: stopping as soon as start-up is done (send ${signal} again to exit at once)`);
      return;
    }
    logger.info(`${signal}: shutting down (in-flight requests finish first)`);
    void stopAndExit(app);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  app = await startOfficegraph(config, { logger });
  if (stopRequested) {
    logger.info('started; shutting down as asked');
    await stopAndExit(app);
    return;
  }
  const shownUrl = app.url.replace('127.0.0.1', 'localhost');
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
