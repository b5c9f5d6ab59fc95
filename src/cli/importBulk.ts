/**
 * `npm run import:bulk -- DIR [--batch N]`: loads a bulk data set (as `npm run generate` writes
 * it) with batched UNWIND writes, one write transaction per batch, with a progress bar (rate and
 * ETA) on stderr. Running it again skips the batches already written, so an interrupted import
 * resumes where it stopped. Uses the server's configuration (see bulkCommand.ts).
 */
import { describeProgress, importBulk, DEFAULT_BATCH_SIZE } from '../bulk/importBulk.js';
import { print, runCommand, withBulkStore } from './bulkCommand.js';

const USAGE = 'usage: npm run import:bulk -- DIRECTORY [--batch N]   (a data set written by npm run generate)';

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
  const tty = process.stderr.isTTY === true;
  let lastLine = 0;
  const result = await withBulkStore((store) =>
    importBulk(store, directory, {
      batchSize,
      onProgress: (progress) => {
        if (tty) process.stderr.write(`\r${describeProgress(progress)}\u001b[K`);
        else if (progress.elapsedMs - lastLine >= 5000) {
          lastLine = progress.elapsedMs;
          process.stderr.write(`${describeProgress(progress)}\n`);
        }
      },
    }),
  );
  if (tty) process.stderr.write('\n');
  const seconds = result.elapsedMs / 1000;
  print(
    `done: ${result.manifest.id}: ${result.nodesCreated.toLocaleString('en')} nodes and ${result.relationshipsCreated.toLocaleString('en')} relationships created ` +
      `in ${seconds.toFixed(1)} s (${Math.round(result.relationshipsCreated / Math.max(seconds, 0.001)).toLocaleString('en')} relationships/s); ` +
      `${result.batchesWritten} batches written, ${result.batchesSkipped} already in; tenure intervals stored for ${result.postsRecomputed.toLocaleString('en')} posts`,
  );
  return 0;
}

runCommand('import:bulk', main);
