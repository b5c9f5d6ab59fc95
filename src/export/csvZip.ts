/**
 * CSV for spreadsheets and Gephi's import wizard: a zip of nodes.csv (id, label, kind,
 * properties as JSON) and edges.csv (id, source, target, type, sourceIds, evidence,
 * properties as JSON), RFC 4180 quoting, UTF-8 with a byte order mark so spreadsheets read
 * Chinese names right.
 */
import { strToU8, zipSync } from 'fflate';
import { evidenceText, extraEdgeProperties, extraProperties, type ExportGraph } from './exportGraph.js';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csv(rows: string[][]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function toCsvFiles(graph: ExportGraph): { 'nodes.csv': string; 'edges.csv': string } {
  return {
    'nodes.csv': csv([
      ['id', 'label', 'kind', 'properties'],
      ...graph.nodes.map((node) => [node.id, node.label, node.kind, JSON.stringify(extraProperties(node))]),
    ]),
    'edges.csv': csv([
      ['id', 'source', 'target', 'type', 'sourceIds', 'evidence', 'properties'],
      ...graph.edges.map((edge) => [
        edge.id,
        edge.source,
        edge.target,
        edge.type,
        edge.sourceIds.join('; '),
        evidenceText(edge),
        JSON.stringify(extraEdgeProperties(edge)),
      ]),
    ]),
  };
}

export function toCsvZip(graph: ExportGraph): Uint8Array {
  const files = toCsvFiles(graph);
  // A fixed timestamp keeps the same graph's zip byte-for-byte the same.
  const mtime = new Date('2000-01-01T00:00:00Z');
  return zipSync(
    { 'nodes.csv': [strToU8(files['nodes.csv']), { mtime }], 'edges.csv': [strToU8(files['edges.csv']), { mtime }] },
    { level: 6 },
  );
}
