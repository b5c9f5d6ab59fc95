/**
 * `npm run import:wikidata -- FILE|DIR... [--skip-invalid]`: imports Wikidata entity JSON files
 * (wbgetentities or Special:EntityData answers; a directory stands for its .json files), each as
 * one source in one write transaction, through the shared importer (src/cli/importCommand.ts).
 * Names of positions and other items come from label files beside the entity files (see
 * wikidataLabels.ts). A re-import of a newer dump of the same entities replaces the earlier one:
 * claims that disappeared are taken back.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { convertWikidata, type WikidataImportOptions } from '../import/wikidata.js';
import { wikidataLabelsBeside } from '../import/wikidataLabels.js';
import { runImportCommand } from './importCommand.js';

runImportCommand<WikidataImportOptions>({
  command: 'import:wikidata',
  usage: 'usage: npm run import:wikidata -- FILE_OR_DIRECTORY... [--skip-invalid]   (Wikidata entity JSON; label files in labels/ beside them)',
  format: {
    name: 'wikidata',
    filesInDirectory: (directory) =>
      readdirSync(directory)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .map((file) => path.join(directory, file)),
    context: (file) => wikidataLabelsBeside(file),
    convert: (text, options) => convertWikidata(text, options),
  },
  convertOptions: () => ({}),
});
