/**
 * What every export format writes: the nodes and edges of one neighborhood or of a set of
 * paths, with each edge's supporting source ids and quotes spelled out, so a file opened in
 * Gephi, yEd or a spreadsheet still says who states each fact.
 */
import type { GraphEdge, GraphNode } from '../graph/graphElements.js';
import type { GraphPath } from '../graph/paths.js';
import type { Subgraph } from '../graph/neighborhood.js';

export interface ExportEdge extends GraphEdge {
  /** Every source that supports the edge, sorted, without repeats. */
  sourceIds: string[];
}

export interface ExportGraph {
  /** What was exported, e.g. "neighborhood of person:huang-qiang (depth 1)". */
  title: string;
  nodes: GraphNode[];
  edges: ExportEdge[];
  truncated: boolean;
}

export function withSourceIds(edge: GraphEdge): ExportEdge {
  const stored = Array.isArray(edge.properties.sourceIds) ? (edge.properties.sourceIds as unknown[]).map(String) : [];
  const sourceIds = [...new Set([...stored, ...edge.evidence.map((item) => item.sourceId)])].sort();
  return { ...edge, sourceIds };
}

export function fromSubgraph(title: string, subgraph: Subgraph): ExportGraph {
  return { title, nodes: subgraph.nodes, edges: subgraph.edges.map(withSourceIds), truncated: subgraph.truncated };
}

/** The union of several paths: each node and edge once, in the order first met. */
export function fromPaths(title: string, paths: ReadonlyArray<GraphPath>): ExportGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, ExportEdge>();
  for (const path of paths) {
    for (const node of path.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
    for (const edge of path.edges) if (!edges.has(edge.id)) edges.set(edge.id, withSourceIds(edge));
  }
  return { title, nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}

/** Node properties other than the ones every format writes in their own columns. */
export function extraProperties(node: GraphNode): Record<string, unknown> {
  const { id, kind, name, ...rest } = node.properties;
  void id;
  void kind;
  void name;
  return rest;
}

/** Edge properties other than id, evidence and source ids, which every format writes on their own. */
export function extraEdgeProperties(edge: ExportEdge): Record<string, unknown> {
  const { sourceIds, id, ...rest } = edge.properties;
  void sourceIds;
  void id;
  return rest;
}

/** The quotes of an edge's evidence, one line each, prefixed with the source id. */
export function evidenceText(edge: ExportEdge): string {
  return edge.evidence
    .map((item) => `${item.sourceId}: "${item.quote}"${item.note ? ` (${item.note})` : ''}`)
    .join('\n');
}
