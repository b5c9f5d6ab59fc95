/**
 * The neighbourhood computed the slow, plain way, to check the one-statement queries
 * (neighborhood_one, neighborhood_two) against: the centre, then one query per level and one for
 * the edges, with the kinds filter and the cuts done here in TypeScript. This is how the server
 * answered depths 2 and 3 before they became one statement (neighborhoodByLevels).
 *
 * Per level: every edge touching the frontier and the entity at its other end (the entity_edges
 * fragment), entities that existed by the "as of" day only, ordered by entity id, edge type,
 * source and target and cut at limit × 5 rows. Each row's entity is added, in row order, unless
 * it is already in, is not of the kinds asked, or the limit is reached; truncated when a row limit
 * was reached or an entity had to be left out. The entities added form the next frontier.
 */
import neo4j from 'neo4j-driver';
import type { GraphStore } from '../../src/graph/graphStore.js';
import { toGraphEdge, toGraphNode, type GraphEdge, type GraphNode, type RawEdge } from '../../src/graph/graphElements.js';
import type { NeighborhoodRequest, Subgraph } from '../../src/graph/neighborhood.js';
import { withFragments } from '../../src/graph/queries.js';
import { dayRange } from '../../src/model/partialDate.js';

const EXPAND = withFragments(`
UNWIND $frontier AS frontierId
MATCH (n:Entity {id: frontierId})
CALL (n) {
  {{entity_edges n}}
}
WITH m, edge
WHERE {{entity_existed m $atLast}}
ORDER BY m.id, edge.type, edge.source, edge.target
LIMIT $rowLimit
RETURN m {.*, text: null} AS node, edge`);

const EDGES = withFragments(`
WITH $ids AS ids
{{edges_among ids}}
RETURN edges`);

async function read(store: GraphStore, statement: string, params: Record<string, unknown>): Promise<Array<Record<string, any>>> {
  const session = store.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return (await session.executeRead((tx) => tx.run(statement, params))).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

export async function referenceNeighborhood(store: GraphStore, request: NeighborhoodRequest): Promise<Subgraph | null> {
  const [centre] = await store.read('entities_by_ids', { ids: [request.id] });
  if (!centre) return null;
  const nodes = new Map<string, GraphNode>();
  const root = toGraphNode(centre.entity);
  nodes.set(root.id, root);
  const includeSources = request.kinds?.includes('SOURCE') ?? false;
  const rowLimit = request.limit * 5;
  const days = dayRange(request.at, request.at);
  const asOf = { atFirst: days.heldFirst, atLast: days.heldLast };
  let truncated = false;
  let frontier = [root.id];
  for (let level = 1; level <= request.depth && frontier.length > 0; level += 1) {
    const rows = await read(store, EXPAND, { frontier, includeSources, rowLimit: neo4j.int(rowLimit), ...asOf });
    if (rows.length >= rowLimit) truncated = true;
    const next: string[] = [];
    for (const row of rows) {
      const node = toGraphNode(row.node);
      if (nodes.has(node.id)) continue;
      if (request.kinds && !request.kinds.includes(node.kind)) continue;
      if (nodes.size >= request.limit) {
        truncated = true;
        continue;
      }
      nodes.set(node.id, node);
      next.push(node.id);
    }
    frontier = next;
  }
  const [edgeRow] = await read(store, EDGES, { ids: [...nodes.keys()], includeSources, edgeProperties: true, ...asOf });
  const edges = new Map<string, GraphEdge>();
  for (const raw of (edgeRow?.edges ?? []) as RawEdge[]) {
    const edge = toGraphEdge(raw);
    edges.set(edge.id, edge);
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    truncated,
  };
}
