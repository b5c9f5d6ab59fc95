/**
 * Reads the query string of GET /export into a checked request. A bad value is reported with
 * the parameter's name and the value received, like the GraphQL errors: "expected …, but got: …".
 */
import { isPartialDate, PARTIAL_DATE_HINT } from '../model/partialDate.js';
import { NEIGHBORHOOD_MAX_DEPTH, NEIGHBORHOOD_MAX_LIMIT } from '../graph/neighborhood.js';
import { PATHS_MAX_FIRST, PATHS_MAX_HOPS } from '../graph/paths.js';

export const EXPORT_FORMATS = ['cytoscape', 'graphml', 'gexf', 'csv', 'popolo', 'ftm'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportRequest =
  | { what: 'neighborhood'; format: ExportFormat; id: string; depth: number; limit: number; at: string | null }
  | { what: 'paths'; format: ExportFormat; from: string; to: string; maxHops: number; first: number; at: string | null };

export class ExportParameterError extends Error {
  constructor(
    readonly parameter: string,
    readonly value: unknown,
    expected: string,
  ) {
    super(`${parameter}: expected ${expected}, but got: ${JSON.stringify(value)}`);
  }
}

type Query = Record<string, unknown>;

function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ExportParameterError(name, value, 'one value');
  return value;
}

function wholeNumber(query: Query, name: string, fallback: number, min: number, max: number): number {
  const text = single(query, name);
  if (text === undefined) return fallback;
  const value = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ExportParameterError(name, text, `a whole number from ${min} to ${max}`);
  }
  return value;
}

function identifier(query: Query, name: string): string {
  const value = single(query, name);
  if (value === undefined || value.trim() === '' || value.length > 500) {
    throw new ExportParameterError(name, value ?? null, 'an entity id such as person:huang-qiang');
  }
  return value;
}

export function parseExportRequest(query: Query): ExportRequest {
  const formatText = single(query, 'format') ?? 'cytoscape';
  if (!(EXPORT_FORMATS as readonly string[]).includes(formatText)) {
    throw new ExportParameterError('format', formatText, `one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const format = formatText as ExportFormat;
  const atText = single(query, 'at');
  if (atText !== undefined && atText !== '' && !isPartialDate(atText)) {
    throw new ExportParameterError('at', atText, PARTIAL_DATE_HINT);
  }
  const at = atText ? atText : null;
  const hasId = query.id !== undefined;
  const hasPath = query.from !== undefined || query.to !== undefined;
  if (hasId && hasPath) throw new ExportParameterError('id', query.id, 'either id or from and to, not both');
  if (hasPath) {
    return {
      what: 'paths',
      format,
      from: identifier(query, 'from'),
      to: identifier(query, 'to'),
      maxHops: wholeNumber(query, 'maxHops', 4, 1, PATHS_MAX_HOPS),
      first: wholeNumber(query, 'first', 5, 1, PATHS_MAX_FIRST),
      at,
    };
  }
  return {
    what: 'neighborhood',
    format,
    id: identifier(query, 'id'),
    depth: wholeNumber(query, 'depth', 1, 1, NEIGHBORHOOD_MAX_DEPTH),
    limit: wholeNumber(query, 'limit', 200, 1, NEIGHBORHOOD_MAX_LIMIT),
    at,
  };
}
