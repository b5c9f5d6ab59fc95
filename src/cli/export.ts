/**
 * `npm run export -- --format popolo|ftm|cytoscape|graphml|gexf|csv [--id ID [--depth N] [--limit N]]
 * [--source SOURCE_ID] [--at DATE]`: writes the graph to stdout. With --id, the neighbourhood of
 * one entity (as GET /export); without it, Popolo and FollowTheMoney take the whole graph, or with
 * --source the entities one source mentions (a data set as it was imported). Uses the server's
 * configuration (see bulkCommand.ts).
 */
import { parseArgs } from 'node:util';
import { ExportParameterError, EXPORT_FORMATS, parseExportRequest } from '../export/exportRequest.js';
import { recordExportIds } from '../export/exportRecords.js';
import { exportRecords, isRecordFormat } from '../export/recordFormats.js';
import { exportBaseName, readExportGraph, writeExport } from '../export/runExport.js';
import { runCommand, withBulkStore } from './bulkCommand.js';

const USAGE =
  `usage: npm run export -- --format ${EXPORT_FORMATS.join('|')} [--id ID [--depth N] [--limit N]] [--source SOURCE_ID] [--at DATE]\n` +
  '  (popolo and ftm: the whole graph without --id, or the entities one --source mentions)';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' },
        id: { type: 'string' },
        depth: { type: 'string' },
        limit: { type: 'string' },
        source: { type: 'string' },
        at: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help || values.format === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const format = values.format;
  const whole = values.id === undefined;
  if (whole && !isRecordFormat(format)) {
    process.stderr.write(`--id is needed for --format ${format} (the whole graph is exported as popolo or ftm)\n${USAGE}\n`);
    return 2;
  }
  let request;
  try {
    request = whole
      ? null
      : parseExportRequest({ format, id: values.id, depth: values.depth, limit: values.limit, at: values.at });
  } catch (error) {
    if (!(error instanceof ExportParameterError)) throw error;
    process.stderr.write(`officegraph export: --${error.message}\n`);
    return 2;
  }
  if (whole && !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    process.stderr.write(`officegraph export: --format: expected one of ${EXPORT_FORMATS.join(', ')}, but got: ${JSON.stringify(format)}\n`);
    return 2;
  }
  return withBulkStore(async (store) => {
    if (request === null) {
      const ids = await recordExportIds(store, { source: values.source ?? null });
      const title = values.source ? `entities of ${values.source}` : 'the whole graph';
      const file = await exportRecords(store, ids, format as 'popolo' | 'ftm', title, 'officegraph');
      process.stdout.write(file.body);
      return 0;
    }
    const graph = await readExportGraph(store, request);
    if ('parameter' in graph) {
      process.stderr.write(`officegraph export: --${graph.parameter}: no entity with id ${JSON.stringify(graph.id)}\n`);
      return 1;
    }
    if (isRecordFormat(request.format)) {
      const file = await exportRecords(store, graph.nodes.map((node) => node.id), request.format, graph.title, exportBaseName(request));
      process.stdout.write(file.body);
      return 0;
    }
    const file = writeExport(graph, request.format, exportBaseName(request));
    await new Promise<void>((resolve, reject) => process.stdout.write(file.body, (error) => (error ? reject(error) : resolve())));
    return 0;
  });
}

runCommand('export', main);
