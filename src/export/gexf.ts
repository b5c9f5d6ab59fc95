/**
 * GEXF 1.3 (http://gexf.net/1.3), Gephi's own format. Node and edge attributes are declared
 * once; nodes are coloured by kind (viz:color) so the file opens readable, and every edge
 * carries its `sourceIds` and `evidence` quotes as attributes.
 */
import { evidenceText, extraEdgeProperties, extraProperties, type ExportGraph } from './exportGraph.js';
import { propertyText, xmlEscape } from './xml.js';
import { KIND_COLOURS } from './kindColours.js';

export function toGexf(graph: ExportGraph, today: string = new Date().toISOString().slice(0, 10)): string {
  const nodeProperties = [...new Set(graph.nodes.flatMap((node) => Object.keys(extraProperties(node))))].sort();
  const edgeProperties = [...new Set(graph.edges.flatMap((edge) => Object.keys(extraEdgeProperties(edge))))].sort();
  const nodeAttributes = ['kind', ...nodeProperties];
  const edgeAttributes = ['type', 'sourceIds', 'evidence', ...edgeProperties];
  const declare = (names: string[]) =>
    names.map((name) => `      <attribute id="${xmlEscape(name)}" title="${xmlEscape(name)}" type="string"/>`);
  const attvalues = (entries: Array<[string, unknown]>) =>
    entries.length === 0
      ? ''
      : `<attvalues>${entries
          .map(([name, value]) => `<attvalue for="${xmlEscape(name)}" value="${xmlEscape(propertyText(value))}"/>`)
          .join('')}</attvalues>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta lastmodifieddate="${today}"><creator>officegraph</creator><description>${xmlEscape(graph.title)}${
      graph.truncated ? ' (truncated)' : ''
    }</description></meta>`,
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...declare(nodeAttributes),
    '    </attributes>',
    '    <attributes class="edge">',
    ...declare(edgeAttributes),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes) {
    const colour = KIND_COLOURS[node.kind] ?? '#888888';
    const [r, g, b] = [1, 3, 5].map((start) => parseInt(colour.slice(start, start + 2), 16));
    const values = attvalues([['kind', node.kind], ...Object.entries(extraProperties(node))]);
    lines.push(
      `      <node id="${xmlEscape(node.id)}" label="${xmlEscape(node.label)}">${values}<viz:color r="${r}" g="${g}" b="${b}"/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of graph.edges) {
    const values = attvalues([
      ['type', edge.type],
      ['sourceIds', edge.sourceIds],
      ['evidence', evidenceText(edge)],
      ...Object.entries(extraEdgeProperties(edge)),
    ]);
    lines.push(
      `      <edge id="${xmlEscape(edge.id)}" source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}" label="${xmlEscape(edge.type)}">${values}</edge>`,
    );
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
