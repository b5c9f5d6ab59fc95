/**
 * Runs an export: reads the neighborhood or the paths through the same data access as the
 * GraphQL fields (no query of its own) and writes the chosen format.
 */
import type { GraphStore } from '../graph/graphStore.js';
import { neighborhood } from '../graph/neighborhood.js';
import { shortestPaths } from '../graph/paths.js';
import { toCsvZip } from './csvZip.js';
import { toCytoscapeJson } from './cytoscapeJson.js';
import { fromPaths, fromSubgraph, type ExportGraph } from './exportGraph.js';
import type { ExportFormat, ExportRequest } from './exportRequest.js';
import { toGexf } from './gexf.js';
import { toGraphml } from './graphml.js';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: string | Uint8Array;
}

/** An id the request names that resolves to no entity, and the parameter that named it. */
export type MissingEntity = { parameter: string; id: string };

export async function readExportGraph(store: GraphStore, request: ExportRequest): Promise<ExportGraph | MissingEntity> {
  const at = request.at;
  const asOf = at ? ` as of ${at}` : '';
  if (request.what === 'neighborhood') {
    const subgraph = await neighborhood(store, { id: request.id, depth: request.depth, limit: request.limit, kinds: null, at });
    if (!subgraph) return { parameter: 'id', id: request.id };
    return fromSubgraph(`neighborhood of ${request.id} (depth ${request.depth})${asOf}`, subgraph);
  }
  // Each id as it resolves (an id merged into another entity stands for that entity), as in the paths field.
  const answer = await shortestPaths(store, { from: request.from, to: request.to, maxHops: request.maxHops, first: request.first, at });
  if (answer.from === null) return { parameter: 'from', id: request.from };
  if (answer.to === null) return { parameter: 'to', id: request.to };
  const { paths } = answer;
  return fromPaths(`shortest paths from ${request.from} to ${request.to}${asOf}`, paths);
}

/** The graph formats; popolo and ftm are written from records (recordFormats.ts). */
export function writeExport(graph: ExportGraph, format: Exclude<ExportFormat, 'popolo' | 'ftm'>, baseName: string): ExportFile {
  switch (format) {
    case 'cytoscape':
      return { contentType: 'application/json; charset=utf-8', fileName: `${baseName}.cyjs.json`, body: JSON.stringify(toCytoscapeJson(graph)) };
    case 'graphml':
      return { contentType: 'application/graphml+xml; charset=utf-8', fileName: `${baseName}.graphml`, body: toGraphml(graph) };
    case 'gexf':
      return { contentType: 'application/gexf+xml; charset=utf-8', fileName: `${baseName}.gexf`, body: toGexf(graph) };
    case 'csv':
      return { contentType: 'application/zip', fileName: `${baseName}.csv.zip`, body: toCsvZip(graph) };
  }
}

/** A file name from the ids, safe in a Content-Disposition header. */
export function exportBaseName(request: ExportRequest): string {
  const parts = request.what === 'neighborhood' ? [request.id] : [request.from, 'to', request.to];
  return parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'export';
}
