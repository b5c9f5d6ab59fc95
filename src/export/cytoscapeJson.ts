/**
 * Cytoscape.js JSON: `{ elements: { nodes: [{data}], edges: [{data}] } }`, what cy.json() writes
 * and cy.add() / cytoscape({elements}) read back. Node data keeps every property; edge data
 * keeps its source ids and the evidence quotes.
 */
import { extraEdgeProperties, extraProperties, type ExportGraph } from './exportGraph.js';

export function toCytoscapeJson(graph: ExportGraph): Record<string, unknown> {
  return {
    data: { title: graph.title, truncated: graph.truncated },
    elements: {
      nodes: graph.nodes.map((node) => ({
        data: { ...extraProperties(node), id: node.id, label: node.label, kind: node.kind },
      })),
      edges: graph.edges.map((edge) => ({
        data: {
          ...extraEdgeProperties(edge),
          id: edge.id,
          source: edge.source,
          target: edge.target,
          type: edge.type,
          label: edge.type,
          sourceIds: edge.sourceIds,
          evidence: edge.evidence,
        },
      })),
    },
  };
}
