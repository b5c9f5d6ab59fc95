/**
 * `npm run import:bulk -- DIR [--batch N]`: loads a bulk data set (as `npm run generate` writes
 * it) with batched UNWIND writes, one write transaction per batch, with a progress bar (rate and
 * ETA) on stderr. Running it again skips the batches already written, so an interrupted import
 * resumes where it stopped. Uses the server's configuration (see bulkCommand.ts).
 *
 * `npm run import:bulk -- DIR --first-load [--batch N] [--keep-csv]`: the first load of a data
 * set into an empty local store with neo4j-admin import (src/bulk/firstLoad.ts): the same graph,
 * the same checkpoints, faster; refused for NEO4J_URI and for a store that holds data.
 */
import { loadConfig } from '../config.js';
import { FirstLoadDataError } from '../bulk/adminImportFiles.js';
import { firstLoad, FirstLoadRefused } from '../bulk/firstLoad.js';
import { describeProgress, importBulk, DEFAULT_BATCH_SIZE, type BulkProgress } from '../bulk/importBulk.js';
import { chooseLogFormat, createLogger } from '../logger.js';
import { print, runCommand, withBulkStore } from './bulkCommand.js';

const USAGE =
  'usage: npm run import:bulk -- DIRECTORY [--batch N] [--first-load [--keep-csv]]   (a data set written by npm run generate)';

function progressReporter() {
  const tty = process.stderr.isTTY === true;
  let lastLine = -Infinity;
  return {
    report: (progress: BulkProgress) => {
      if (tty) process.stderr.write(`\r${describeProgress(progress)}\u001b[K`);
      else if (progress.elapsedMs - lastLine >= 5000) {
        lastLine = progress.elapsedMs;
        process.stderr.write(`${describeProgress(progress)}\n`);
      }
    },
    end: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}

async function main(args: string[]): Promise<number> {
  const directory = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--batch');
  if (!directory || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(`${USAGE}\n`);
    return directory ? 0 : 2;
  }
  const batchIndex = args.indexOf('--batch');
  const batchSize = batchIndex >= 0 ? Number(args[batchIndex + 1]) : DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(`--batch: expected a whole number of at least 1, but got: ${args[batchIndex + 1]}\n`);
    return 2;
  }
  if (args.includes('--first-load')) return loadFirst(directory, batchSize, args.includes('--keep-csv'));
  const progress = progressReporter();
  const result = await withBulkStore((store) => importBulk(store, directory, { batchSize, onProgress: progress.report }));
  progress.end();
  const seconds = result.elapsedMs / 1000;
  print(
    `done: ${result.manifest.id}: ${result.nodesCreated.toLocaleString('en')} nodes and ${result.relationshipsCreated.toLocaleString('en')} relationships created ` +
      `in ${seconds.toFixed(1)} s (${Math.round(result.relationshipsCreated / Math.max(seconds, 0.001)).toLocaleString('en')} relationships/s); ` +
      `${result.batchesWritten} batches written, ${result.batchesSkipped} already in; tenure intervals stored for ${result.postsRecomputed.toLocaleString('en')} posts`,
  );
  return 0;
}

async function loadFirst(directory: string, batchSize: number, keepCsv: boolean): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, chooseLogFormat(config.logFormat, Boolean(process.stdout.isTTY)));
  const progress = progressReporter();
  let inIntervals = false;
  try {
    const result = await firstLoad(config, logger, directory, {
      batchSize,
      keepCsv,
      onPhase: (phase, message) => {
        inIntervals = phase === 'intervals';
        process.stderr.write(`${phase.padEnd(14)} ${message}\n`);
      },
      // The importer's own progress (stages and percentages), indented under its phase.
      onImporterOutput: (line) => {
        if (line.trim() !== '') process.stderr.write(`    ${line}\n`);
      },
      onProgress: progress.report,
    });
    if (inIntervals) progress.end();
    const seconds = result.elapsedMs / 1000;
    print(
      `done: ${result.manifest.id}: ${result.nodes.toLocaleString('en')} nodes and ${result.relationships.toLocaleString('en')} relationships loaded ` +
        `by neo4j-admin import in ${seconds.toFixed(1)} s end to end (${Math.round(result.relationships / Math.max(seconds, 0.001)).toLocaleString('en')} relationships/s); ` +
        `${result.batchesMarked} batches marked as written; tenure intervals stored for ${result.postsRecomputed.toLocaleString('en')} posts; ` +
        result.phases.map(({ phase, ms }) => `${phase} ${(ms / 1000).toFixed(1)} s`).join(', '),
    );
    return 0;
  } catch (error) {
    if (inIntervals) progress.end();
    if (error instanceof FirstLoadRefused || error instanceof FirstLoadDataError) {
      process.stderr.write(`officegraph import:bulk --first-load: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

runCommand('import:bulk', main);
