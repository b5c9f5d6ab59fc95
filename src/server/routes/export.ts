/**
 * GET /export: a neighborhood (`id`, `depth`, `limit`) or the shortest paths (`from`, `to`,
 * `maxHops`, `first`) as `format` = cytoscape | graphml | gexf | csv | popolo | ftm (the last two
 * with the entities' records and tenures), optionally `at` a date.
 * 400 with a JSON error naming the parameter and value; 404 when an entity is unknown; 503
 * UNAVAILABLE, 504 TIMEOUT or 500 when reading it fails.
 */
import { Router } from 'express';
import { ErrorCode } from '../../errors.js';
import type { GraphStore } from '../../graph/graphStore.js';
import type { Logger } from '../../logger.js';
import { ExportParameterError, parseExportRequest } from '../../export/exportRequest.js';
import { exportRecords, isRecordFormat } from '../../export/recordFormats.js';
import { exportBaseName, readExportGraph, writeExport } from '../../export/runExport.js';
import { classifyNeo4jError } from '../../errors.js';

/** How a failed export answers: the database gone, too slow, or anything else (logged in full). */
function exportFailure(error: unknown): { status: number; code: string; message: string } {
  const code = classifyNeo4jError(error);
  if (code === ErrorCode.UNAVAILABLE) return { status: 503, code, message: 'The graph database is unavailable; try again shortly.' };
  if (code === ErrorCode.TIMEOUT) return { status: 504, code, message: 'The export took too long and was stopped.' };
  return { status: 500, code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}

export function exportRoutes(options: { store: GraphStore; logger: Logger }): Router {
  const router = Router();
  router.get('/export', async (request, response) => {
    let exportRequest;
    try {
      exportRequest = parseExportRequest(request.query as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof ExportParameterError)) throw error;
      response.status(400).json({
        error: { code: ErrorCode.BAD_USER_INPUT, message: error.message, parameter: error.parameter, value: error.value },
      });
      return;
    }
    try {
      const graph = await readExportGraph(options.store, exportRequest);
      if ('parameter' in graph) {
        response.status(404).json({
          error: { code: ErrorCode.NOT_FOUND, message: `No entity with id ${JSON.stringify(graph.id)}.`, parameter: graph.parameter, value: graph.id },
        });
        return;
      }
      const file = isRecordFormat(exportRequest.format)
        ? await exportRecords(options.store, graph.nodes.map((node) => node.id), exportRequest.format, graph.title, exportBaseName(exportRequest))
        : writeExport(graph, exportRequest.format, exportBaseName(exportRequest));
      response
        .status(200)
        .type(file.contentType)
        .set('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    } catch (error) {
      options.logger.error({ err: error }, 'export failed');
      const { status, code, message } = exportFailure(error);
      response.status(status).json({ error: { code, message } });
    }
  });
  return router;
}
