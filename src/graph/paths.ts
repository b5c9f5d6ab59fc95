/**
 * Shortest paths between two entities. Neo4j finds them (SHORTEST k, bidirectional search,
 * bounded hops); here a stored tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post) is folded
 * into the single HOLDS edge that clients see, so hop counts match what is drawn.
 */
import type { GraphStore } from './graphStore.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type RawEdge } from './graphElements.js';

export const PATHS_MAX_HOPS = 8;
export const PATHS_MAX_FIRST = 20;

export interface GraphPath {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export async function shortestPaths(
  store: GraphStore,
  request: { from: string; to: string; maxHops: number; first: number },
): Promise<GraphPath[]> {
  const rows = await store.read('shortest_paths', request);
  return rows.map((row) => foldTenures(row.nodes as Record<string, unknown>[], row.relationships as RawEdge[]));
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
