/**
 * Shortest paths between two entities. Neo4j finds them (SHORTEST k, bidirectional search,
 * bounded hops), crossing a tenure in one step by its derived HOLDS_POST link and returning it
 * as the single HOLDS edge (person to post, the tenure's properties) that clients see, so hop
 * counts match what is drawn.
 * With `at`, paths walk only the graph as it stood on that date: tenures held then, by their
 * stored intervals, and entities that existed by then (both decided in the Cypher query).
 */
import { dayRange } from '../model/partialDate.js';
import type { GraphStore } from './graphStore.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode } from './graphElements.js';

export const PATHS_MAX_HOPS = 8;
export const PATHS_MAX_FIRST = 20;

export interface GraphPath {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

interface PathsRequest {
  /** The ends as asked: an id merged into another entity stands for that entity. */
  from: string;
  to: string;
  maxHops: number;
  first: number;
  /** Partial date, or null for all time. */
  at?: string | null;
  /** Whether nodes carry all their properties (the default), or only id, kind and name. */
  nodeProperties?: boolean;
  /** Whether edges carry their properties and evidence (the default), or only what makes their ids. */
  edgeProperties?: boolean;
}

export interface PathsAnswer {
  /** The ends' own ids, or null for an end that names no entity. */
  from: string | null;
  to: string | null;
  /** Fewest hops first; none when an end is unknown or both ends are one entity. */
  paths: GraphPath[];
}

/** One statement: the ends resolved and the paths between them. */
export async function shortestPaths(store: GraphStore, request: PathsRequest): Promise<PathsAnswer> {
  const days = dayRange(request.at, request.at);
  const [row] = await store.read('shortest_paths', {
    from: request.from,
    to: request.to,
    maxHops: request.maxHops,
    candidates: request.first,
    atFirst: days.heldFirst,
    atLast: days.heldLast,
    nodeProperties: request.nodeProperties ?? true,
    edgeProperties: request.edgeProperties ?? true,
  });
  const paths = (row?.paths ?? []).map((path) => ({
    length: path.hops,
    nodes: path.nodes.map(toGraphNode),
    edges: path.relationships.map(toGraphEdge),
  }));
  // Collected in the statement's order; sorted again so the order never rests on collect().
  const key = (path: GraphPath) => path.nodes.map((node) => node.id);
  paths.sort((x, y) => x.length - y.length || compareIds(key(x), key(y)));
  return { from: row?.fromId ?? null, to: row?.toId ?? null, paths };
}

function compareIds(x: string[], y: string[]): number {
  for (let index = 0; index < Math.min(x.length, y.length); index += 1) {
    if (x[index] !== y[index]) return (x[index] as string) < (y[index] as string) ? -1 : 1;
  }
  return x.length - y.length;
}
