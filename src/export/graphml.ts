/**
 * GraphML 1.0 (http://graphml.graphdrawing.org/xmlns), read by yEd, Gephi, Cytoscape desktop,
 * NetworkX and igraph. Attributes are declared once as <key>s; every node property becomes a
 * key of its own, and every edge carries `sourceIds` and `evidence`. Edge ids (which hold "->")
 * are not XML name tokens, so they travel as the `id` data of the edge instead.
 */
import { evidenceText, extraEdgeProperties, extraProperties, type ExportGraph } from './exportGraph.js';
import { propertyText, xmlEscape } from './xml.js';

interface Key {
  id: string;
  for: 'node' | 'edge' | 'graph';
  name: string;
}

export function toGraphml(graph: ExportGraph): string {
  const nodeProperties = [...new Set(graph.nodes.flatMap((node) => Object.keys(extraProperties(node))))].sort();
  const edgeProperties = [...new Set(graph.edges.flatMap((edge) => Object.keys(extraEdgeProperties(edge))))].sort();
  const keys: Key[] = [
    { id: 'g_title', for: 'graph', name: 'title' },
    { id: 'g_truncated', for: 'graph', name: 'truncated' },
    { id: 'n_label', for: 'node', name: 'label' },
    { id: 'n_kind', for: 'node', name: 'kind' },
    ...nodeProperties.map((name): Key => ({ id: `np_${name}`, for: 'node', name })),
    { id: 'e_id', for: 'edge', name: 'id' },
    { id: 'e_type', for: 'edge', name: 'type' },
    { id: 'e_sourceIds', for: 'edge', name: 'sourceIds' },
    { id: 'e_evidence', for: 'edge', name: 'evidence' },
    ...edgeProperties.map((name): Key => ({ id: `ep_${name}`, for: 'edge', name })),
  ];
  const data = (key: string, value: string) => `<data key="${xmlEscape(key)}">${xmlEscape(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(
      (key) => `  <key id="${xmlEscape(key.id)}" for="${key.for}" attr.name="${xmlEscape(key.name)}" attr.type="string"/>`,
    ),
    '  <graph id="G" edgedefault="directed">',
    `    ${data('g_title', graph.title)}`,
    `    ${data('g_truncated', String(graph.truncated))}`,
  ];
  for (const node of graph.nodes) {
    const extra = Object.entries(extraProperties(node)).map(([name, value]) => data(`np_${name}`, propertyText(value)));
    lines.push(`    <node id="${xmlEscape(node.id)}">${[data('n_label', node.label), data('n_kind', node.kind), ...extra].join('')}</node>`);
  }
  for (const edge of graph.edges) {
    const extra = Object.entries(extraEdgeProperties(edge)).map(([name, value]) => data(`ep_${name}`, propertyText(value)));
    const values = [data('e_id', edge.id), data('e_type', edge.type), data('e_sourceIds', edge.sourceIds.join('; ')), data('e_evidence', evidenceText(edge)), ...extra];
    lines.push(
      `    <edge source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}">${values.join('')}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
