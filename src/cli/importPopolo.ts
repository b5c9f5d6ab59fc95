/**
 * `npm run import:popolo -- FILE [--name "…"] [--publisher "…"] [--url …] [--published DATE]
 * [--skip-invalid]`: imports a Popolo JSON data set as one source, through the shared importer
 * (src/cli/importCommand.ts): one write transaction, all or nothing; a re-import creates nothing
 * and takes back what the file no longer states. Uses the server's configuration (see
 * bulkCommand.ts).
 *
 * A file with invalid records (a bad date, an end before its own start, a reference to no record)
 * is refused with every problem named by its record path, unless --skip-invalid is given: then
 * the other records are imported and the skipped ones (with those that depend on them) are
 * listed at the end.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { convertPopolo, type PopoloImportOptions } from '../import/popolo.js';
import { runImportCommand } from './importCommand.js';

runImportCommand<PopoloImportOptions>({
  command: 'import:popolo',
  usage:
    'usage: npm run import:popolo -- FILE [--name "Source title"] [--publisher "Publisher"] [--url URL] [--published DATE] [--skip-invalid]',
  singleFile: true,
  format: {
    name: 'popolo',
    filesInDirectory: (directory) =>
      readdirSync(directory)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => path.join(directory, file)),
    convert: (text, options) => convertPopolo(text, options),
  },
  options: {
    name: { type: 'string' },
    publisher: { type: 'string' },
    url: { type: 'string' },
    published: { type: 'string' },
  },
  convertOptions: (values) => ({
    name: values.name as string | undefined,
    publisher: values.publisher as string | undefined,
    url: values.url as string | undefined,
    publishedDate: values.published as string | undefined,
  }),
});
