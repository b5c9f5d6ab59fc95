/**
 * The subgraph around one entity, breadth first: one batched query per depth level, nearest
 * nodes first and then by id, so the same graph always gives the same answer. Stops at
 * `limit` nodes and says so (truncated). Edges are kept only between nodes in the result.
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
}

/** Null when the centre does not exist. */
export async function neighborhood(store: GraphStore, request: NeighborhoodRequest): Promise<Subgraph | null> {
  const [centre] = await store.read('entities_by_ids', { ids: [request.id] });
  if (!centre) return null;
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const root = toGraphNode(centre.entity);
  nodes.set(root.id, root);
  const includeSources = request.kinds?.includes('SOURCE') ?? false;
  const rowLimit = request.limit * 5;
  let truncated = false;
  let frontier = [root.id];
  const days = dayRange(request.at, request.at);

  // One more step than the depth collects the edges between the outermost nodes.
  for (let level = 1; level <= request.depth + 1 && frontier.length > 0; level += 1) {
    const collecting = level <= request.depth;
    const rows = await store.read('neighborhood_expand', {
      frontier,
      includeSources,
      rowLimit,
      atFirst: days.heldFirst,
      atLast: days.heldLast,
    });
    if (rows.length >= rowLimit && collecting) truncated = true;
    const next: string[] = [];
    const pending: RawEdge[] = [];
    for (const row of rows) {
      const node = toGraphNode(row.node);
      pending.push(row.edge);
      if (nodes.has(node.id) || !collecting) continue;
      if (request.kinds && !request.kinds.includes(node.kind)) continue;
      if (nodes.size >= request.limit) {
        truncated = true;
        continue;
      }
      nodes.set(node.id, node);
      next.push(node.id);
    }
    for (const raw of pending) {
      if (!nodes.has(raw.source) || !nodes.has(raw.target)) continue;
      const edge = toGraphEdge(raw);
      edges.set(edge.id, edge);
    }
    frontier = next;
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    truncated,
  };
}
