/**
 * GET /export on the Jilin plenary seed: the four formats, schema validation of GraphML and
 * GEXF (xmllint against tests/fixtures/xsd), source ids on every edge, and the 400s and 404s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const SEED_SOURCE = 'source:jilin-release-2026-02-11-foreign-affairs-committee-plenary';
const HUANG = 'person:huang-qiang';
const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';
const COMMITTEE = 'org:jilin-provincial-foreign-affairs-committee';
const XSD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'xsd');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'officegraph-export-'));

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

/** xmllint's verdict on a document against a schema: null when valid, else its complaints. */
function schemaErrors(xml: string, schema: string): string | null {
  const file = path.join(scratch, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(XSD, schema), file], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}

interface CytoscapeExport {
  data: { title: string; truncated: boolean };
  elements: {
    nodes: Array<{ data: Record<string, unknown> & { id: string; kind: string; label: string } }>;
    edges: Array<{ data: Record<string, unknown> & { id: string; source: string; target: string; type: string; sourceIds: string[] } }>;
  };
}

async function cytoscape(query: string): Promise<CytoscapeExport> {
  const response = await server.get(`/export?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CytoscapeExport;
}

describe('cytoscape JSON', () => {
  it('exports the neighborhood with every edge carrying its source ids and quotes', async () => {
    const response = await server.get(`/export?id=${encodeURIComponent(HUANG)}&depth=1&format=cytoscape`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="person_huang-qiang.cyjs.json"');
    const body = (await response.json()) as CytoscapeExport;
    expect(body.data).toEqual({ title: `neighborhood of ${HUANG} (depth 1)`, truncated: false });
    expect(body.elements.nodes.map((node) => node.data.id).sort()).toEqual(
      [
        HUANG,
        PLENARY,
        'post:director-of-the-jilin-provincial-foreign-affairs-committee',
        'post:secretary-of-the-jilin-provincial-party-committee',
      ].sort(),
    );
    expect(body.elements.nodes.find((node) => node.data.id === HUANG)?.data).toEqual({
      id: HUANG,
      label: 'Huang Qiang',
      kind: 'PERSON',
      aliases: ['黄强'],
      nameZh: '黄强',
    });
    const presided = body.elements.edges.find((edge) => edge.data.type === 'PARTICIPATED_IN');
    expect(presided?.data).toEqual({
      id: `participated_in:${HUANG}->${PLENARY}:presided`,
      source: HUANG,
      target: PLENARY,
      type: 'PARTICIPATED_IN',
      label: 'PARTICIPATED_IN',
      role: 'PRESIDED',
      capacity: 'post:director-of-the-jilin-provincial-foreign-affairs-committee',
      sourceIds: [SEED_SOURCE],
      evidence: [{ sourceId: SEED_SOURCE, quote: expect.stringContaining('presided over the meeting'), note: expect.any(String) }],
    });
    expect(body.elements.edges.length).toBeGreaterThanOrEqual(3);
    for (const edge of body.elements.edges) expect(edge.data.sourceIds).toEqual([SEED_SOURCE]);
  });

  it('exports the union of the shortest paths between two entities', async () => {
    const body = await cytoscape(`from=${encodeURIComponent(HUANG)}&to=${encodeURIComponent(COMMITTEE)}&maxHops=2&format=cytoscape`);
    expect(body.data.title).toBe(`shortest paths from ${HUANG} to ${COMMITTEE}`);
    const ids = body.elements.nodes.map((node) => node.data.id);
    expect(ids).toContain(HUANG);
    expect(ids).toContain(COMMITTEE);
    expect(body.elements.edges.length).toBeGreaterThanOrEqual(2);
    for (const edge of body.elements.edges) {
      expect(edge.data.sourceIds).toEqual([SEED_SOURCE]);
      expect(ids).toContain(edge.data.source);
      expect(ids).toContain(edge.data.target);
    }
  });

  it('leaves out what did not exist yet at the date asked', async () => {
    const before = await cytoscape(`id=${encodeURIComponent(HUANG)}&at=2025-12`);
    expect(before.data.title).toBe(`neighborhood of ${HUANG} (depth 1) as of 2025-12`);
    expect(before.elements.nodes.map((node) => node.data.id)).not.toContain(PLENARY);
    const after = await cytoscape(`id=${encodeURIComponent(HUANG)}&at=2026-02-11`);
    expect(after.elements.nodes.map((node) => node.data.id)).toContain(PLENARY);
  });
});

describe('GraphML', () => {
  it('validates against the GraphML schema and keeps source ids on every edge', async () => {
    const response = await server.get(`/export?id=${encodeURIComponent(COMMITTEE)}&depth=2&format=graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const xml = await response.text();
    expect(schemaErrors(xml, 'graphml-1.0.xsd')).toBeNull();
    const edges = xml.match(/<edge [^>]*>.*?<\/edge>/g) ?? [];
    const reference = await cytoscape(`id=${encodeURIComponent(COMMITTEE)}&depth=2`);
    expect(edges.length).toBe(reference.elements.edges.length);
    expect((xml.match(/<node /g) ?? []).length).toBe(reference.elements.nodes.length);
    for (const edge of edges) expect(edge).toContain(`<data key="e_sourceIds">${SEED_SOURCE}</data>`);
    expect(xml).toContain('<data key="np_aliases">Provincial Foreign Affairs Committee;');
    expect(xml).toContain('吉林省委外事工作委员会');
  });

  it('the schema check can fail: an edge to an undeclared node is refused', async () => {
    const xml = await (await server.get(`/export?id=${encodeURIComponent(HUANG)}&format=graphml`)).text();
    const broken = xml.replace(/source="person:huang-qiang"/, 'source="person:nobody"');
    expect(broken).not.toBe(xml);
    expect(schemaErrors(broken, 'graphml-1.0.xsd')).toMatch(/edge_source_ref|No match found/);
  });
});

describe('GEXF', () => {
  it('validates against the GEXF 1.3 schema and keeps source ids on every edge', async () => {
    const response = await server.get(`/export?from=${encodeURIComponent(HUANG)}&to=${encodeURIComponent(COMMITTEE)}&format=gexf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="person_huang-qiang-to-org_jilin-provincial-foreign-affairs-committee.gexf"',
    );
    const xml = await response.text();
    expect(schemaErrors(xml, 'gexf-1.3.xsd')).toBeNull();
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    const edges = xml.match(/<edge [^>]*>.*?<\/edge>/g) ?? [];
    expect(edges.length).toBeGreaterThanOrEqual(2);
    for (const edge of edges) expect(edge).toContain(`<attvalue for="sourceIds" value="${SEED_SOURCE}"/>`);
    expect(xml).toMatch(/<node id="person:huang-qiang" label="Huang Qiang"><attvalues><attvalue for="kind" value="PERSON"\/>/);
  });

  it('the schema check can fail: a colour out of range is refused', async () => {
    const xml = await (await server.get(`/export?id=${encodeURIComponent(HUANG)}&format=gexf`)).text();
    expect(schemaErrors(xml, 'gexf-1.3.xsd')).toBeNull();
    expect(schemaErrors(xml.replace(/r="\d+"/, 'r="300"'), 'gexf-1.3.xsd')).toMatch(/300/);
    expect(schemaErrors(xml.replace(/target="person:huang-qiang"|source="person:huang-qiang"/, 'source="person:nobody"'), 'gexf-1.3.xsd')).toMatch(
      /edge-(source|target)|No match found/,
    );
  });
});

describe('CSV', () => {
  it('zips nodes.csv and edges.csv with source ids on every edge row', async () => {
    const response = await server.get(`/export?id=${encodeURIComponent(HUANG)}&format=csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const nodes = strFromU8(files['nodes.csv'] as Uint8Array).replace(/^\uFEFF/, '').split('\r\n');
    expect(nodes[0]).toBe('id,label,kind,properties');
    expect(nodes).toContain('person:huang-qiang,Huang Qiang,PERSON,"{""aliases"":[""黄强""],""nameZh"":""黄强""}"');
    expect(nodes.filter((line) => line !== '').length).toBe(1 + 4);
    const edges = strFromU8(files['edges.csv'] as Uint8Array).replace(/^\uFEFF/, '');
    expect(edges.startsWith('id,source,target,type,sourceIds,evidence,properties\r\n')).toBe(true);
    const rows = edges.split(/\r\n(?=[a-z_]+:|tenure)/).slice(1).filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toContain(`,${SEED_SOURCE},`);
  });
});

describe('bad parameters', () => {
  const cases: Array<[string, number, Record<string, unknown>]> = [
    [
      `id=${HUANG}&depth=9`,
      400,
      { code: 'BAD_USER_INPUT', parameter: 'depth', value: '9', message: 'depth: expected a whole number from 1 to 3, but got: "9"' },
    ],
    [
      `id=${HUANG}&format=pdf`,
      400,
      { code: 'BAD_USER_INPUT', parameter: 'format', value: 'pdf', message: 'format: expected one of cytoscape, graphml, gexf, csv, popolo, ftm, but got: "pdf"' },
    ],
    ['format=gexf', 400, { code: 'BAD_USER_INPUT', parameter: 'id', value: null, message: 'id: expected an entity id such as person:huang-qiang, but got: null' }],
    [
      `id=${HUANG}&at=yesterday`,
      400,
      { code: 'BAD_USER_INPUT', parameter: 'at', value: 'yesterday', message: 'at: expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "yesterday"' },
    ],
    [
      `from=${HUANG}&to=${COMMITTEE}&maxHops=0`,
      400,
      { code: 'BAD_USER_INPUT', parameter: 'maxHops', value: '0', message: 'maxHops: expected a whole number from 1 to 8, but got: "0"' },
    ],
    [
      `id=${HUANG}&id=${COMMITTEE}`,
      400,
      { code: 'BAD_USER_INPUT', parameter: 'id', value: [HUANG, COMMITTEE], message: `id: expected one value, but got: ${JSON.stringify([HUANG, COMMITTEE])}` },
    ],
    ['id=person:nobody-at-all', 404, { code: 'NOT_FOUND', parameter: 'id', value: 'person:nobody-at-all', message: 'No entity with id "person:nobody-at-all".' }],
    [`from=${HUANG}&to=org:nothing`, 404, { code: 'NOT_FOUND', parameter: 'to', value: 'org:nothing', message: 'No entity with id "org:nothing".' }],
  ];
  it.each(cases)('GET /export?%s answers %i naming the parameter', async (query, status, error) => {
    const response = await server.get(`/export?${query}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error });
  });
});
