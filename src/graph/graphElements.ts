/**
 * Graph nodes and edges in the shape visualization clients read (one to one with Cytoscape.js
 * elements). Edge ids are derived from what the edge means, so they stay the same across
 * stores and re-ingests; a tenure is shown as one HOLDS edge from the person to the post.
 */
import type { EntityKind } from '../model/document.js';
import { parseEvidence, type EvidenceRecord } from './records.js';

export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  properties: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  properties: Record<string, unknown>;
  evidence: EvidenceRecord[];
}

/** An edge as the Cypher queries return it. */
export interface RawEdge {
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

const HIDDEN_NODE_PROPERTIES = new Set(['searchText', 'text', 'isTenure', 'referencedIds']);

export function toGraphNode(properties: Record<string, unknown>): GraphNode {
  const visible = Object.fromEntries(
    Object.entries(properties).filter(([key, value]) => !HIDDEN_NODE_PROPERTIES.has(key) && value !== null),
  );
  return {
    id: String(properties.id),
    kind: properties.kind as EntityKind,
    label: String(properties.name ?? properties.id),
    properties: visible,
  };
}

export function toGraphEdge(edge: RawEdge): GraphEdge {
  const { evidence, ...rest } = edge.properties;
  const properties = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== null));
  if (edge.type === 'MENTIONS') {
    return {
      id: `mentions:${edge.source}->${edge.target}`,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      properties: { ...properties, sourceIds: [edge.source] },
      evidence: [{ sourceId: edge.source, quote: String(rest.quote ?? ''), note: (rest.note as string | undefined) ?? null }],
    };
  }
  return {
    id: edgeId(edge),
    source: edge.source,
    target: edge.target,
    type: edge.type,
    properties,
    evidence: parseEvidence(evidence),
  };
}

function edgeId(edge: RawEdge): string {
  if (edge.type === 'HOLDS') return String(edge.properties.id);
  const base = `${edge.type.toLowerCase()}:${edge.source}->${edge.target}`;
  return edge.type === 'PARTICIPATED_IN' ? `${base}:${String(edge.properties.role).toLowerCase()}` : base;
}
