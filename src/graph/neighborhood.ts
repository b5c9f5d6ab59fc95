/**
 * The subgraph around one entity, breadth first, nearest nodes first and then by id, so the
 * same graph always gives the same answer. Stops at `limit` nodes and says so (truncated). The
 * edges are every edge between two nodes of the result. One Cypher statement per request
 * (neighborhood_one for depth 1, neighborhood_two for depths 2 and 3).
 * With `at`, only the graph as it stood on that date: tenures held then, by their stored
 * intervals, and no event, document or source dated after it (both decided in the query).
 */
import type { EntityKind } from '../model/document.js';
import { dayRange } from '../model/partialDate.js';
import type { GraphStore } from './graphStore.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type RawEdge } from './graphElements.js';

export const NEIGHBORHOOD_MAX_DEPTH = 3;
export const NEIGHBORHOOD_MAX_LIMIT = 2000;

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface NeighborhoodRequest {
  id: string;
  depth: number;
  limit: number;
  kinds: ReadonlyArray<EntityKind> | null;
  /** Partial date, or null for all time. */
  at?: string | null;
  /**
   * Whether the edges carry their properties and evidence (the default). False when nobody
   * reads them (a GraphQL selection without edges' properties or evidence): only what makes an
   * edge's id is read, which halves the cost of a large neighbourhood.
   */
  edgeProperties?: boolean;
  /** Whether the nodes carry all their properties (the default), or only id, kind and name. */
  nodeProperties?: boolean;
}

/**
 * Null when the centre does not exist. One statement whatever the depth: neighborhood_one for
 * depth 1 (the explorer's click, the common question), neighborhood_two for depth 2 and 3.
 */
export async function neighborhood(store: GraphStore, request: NeighborhoodRequest): Promise<Subgraph | null> {
  if (!Number.isInteger(request.depth) || request.depth < 1 || request.depth > NEIGHBORHOOD_MAX_DEPTH) {
    // neighborhood_two walks at most three levels (its three neighborhood_ring steps).
    throw new RangeError(`neighborhood depth must be a whole number from 1 to ${NEIGHBORHOOD_MAX_DEPTH}, but got: ${request.depth}`);
  }
  const days = dayRange(request.at, request.at);
  const params = {
    id: request.id,
    limit: request.limit,
    rowLimit: request.limit * 5,
    kinds: request.kinds ? [...request.kinds] : null,
    includeSources: request.kinds?.includes('SOURCE') ?? false,
    edgeProperties: request.edgeProperties ?? true,
    nodeProperties: request.nodeProperties ?? true,
    atFirst: days.heldFirst,
    atLast: days.heldLast,
  };
  const [row] = request.depth === 1 ? await store.read('neighborhood_one', params) : await store.read('neighborhood_two', { ...params, depth: request.depth });
  if (!row) return null;
  return {
    nodes: [toGraphNode(row.centre), ...row.nodes.map(toGraphNode)],
    edges: sortedEdges(row.edges),
    truncated: row.truncated,
  };
}

function sortedEdges(raw: ReadonlyArray<RawEdge>): GraphEdge[] {
  const edges = new Map<string, GraphEdge>();
  for (const item of raw) {
    const edge = toGraphEdge(item);
    edges.set(edge.id, edge);
  }
  return [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
