/**
 * Shortest paths between two entities. Neo4j finds them (SHORTEST k, bidirectional search,
 * bounded hops); here a stored tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post) is folded
 * into the single HOLDS edge that clients see, so hop counts match what is drawn.
 * With `at`, paths walk only the graph as it stood on that date: tenures held then, by their
 * stored intervals, and entities that existed by then (both decided in the Cypher query).
 */
import { dayRange } from '../model/partialDate.js';
import type { GraphStore } from './graphStore.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type RawEdge } from './graphElements.js';

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
  return rows.map((row) => foldTenures(row.nodes, row.relationships));
}

function foldTenures(storedNodes: Record<string, unknown>[], storedEdges: RawEdge[]): GraphPath {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (let index = 0; index < storedNodes.length; index += 1) {
    const node = storedNodes[index] as Record<string, unknown>;
    if (node.isTenure === true) {
      const before = storedEdges[index - 1] as RawEdge;
      const after = storedEdges[index] as RawEdge;
      const holds = before.type === 'HOLDS' ? before : after;
      const ofPost = before.type === 'HOLDS' ? after : before;
      const { isTenure, ...tenure } = node;
      void isTenure;
      edges.push(toGraphEdge({ type: 'HOLDS', source: holds.source, target: ofPost.target, properties: tenure }));
      continue;
    }
    nodes.push(toGraphNode(node));
    const next = storedNodes[index + 1];
    if (next !== undefined && next.isTenure !== true) edges.push(toGraphEdge(storedEdges[index] as RawEdge));
  }
  return { length: edges.length, nodes, edges };
}
