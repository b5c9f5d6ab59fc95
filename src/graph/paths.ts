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
  from: string;
  to: string;
  maxHops: number;
  first: number;
  /** Partial date, or null for all time. */
  at?: string | null;
}

export async function shortestPaths(
  store: GraphStore,
  request: PathsRequest,
): Promise<GraphPath[]> {
  const days = dayRange(request.at, request.at);
  const rows = await store.read('shortest_paths', {
    from: request.from,
    to: request.to,
    maxHops: request.maxHops,
    candidates: request.first,
    atFirst: days.heldFirst,
    atLast: days.heldLast,
  });
  return rows.map((row) => ({
    length: row.hops,
    nodes: row.nodes.map(toGraphNode),
    edges: row.relationships.map(toGraphEdge),
  }));
}
