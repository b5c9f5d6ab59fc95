/**
 * `npm run import:ftm -- FILE... [--name "…"] [--publisher "…"] [--skip-invalid]`: imports
 * line-delimited FollowTheMoney entities (an OpenSanctions entities.ftm.json), each file as one
 * source in one write transaction, through the shared importer (src/cli/importCommand.ts).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { convertFtm, type FtmImportOptions } from '../import/ftm.js';
import { runImportCommand } from './importCommand.js';

runImportCommand<FtmImportOptions>({
  command: 'import:ftm',
  usage: 'usage: npm run import:ftm -- FILE... [--name "Source title"] [--publisher "Publisher"] [--skip-invalid]   (line-delimited FollowTheMoney JSON)',
  format: {
    name: 'ftm',
    filesInDirectory: (directory) =>
      readdirSync(directory)
        .filter((file) => /\.(ftm\.json|jsonl|ndjson)$/i.test(file))
        .sort()
        .map((file) => path.join(directory, file)),
    convert: (text, options) => convertFtm(text, options),
  },
  options: { name: { type: 'string' }, publisher: { type: 'string' } },
  convertOptions: (values) => ({ name: values.name as string | undefined, publisher: values.publisher as string | undefined }),
});
