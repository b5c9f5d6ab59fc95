/**
 * The FollowTheMoney importer on a small file made for the tests (tests/fixtures/ftm) and, when it
 * is beside the project, on OpenSanctions' Venezuelan National Assembly export (CC BY-NC, read in
 * place through tests/helpers/sharedData.ts, never copied): every line quoted as it stands,
 * invalid lines listed and skipped with what depends on them, "current" occupancies without dates
 * counting from when they were seen, and the round trip import → export → import giving the same
 * graph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportRecords, recordExportIds } from '../src/export/exportRecords.js';
import { toFtm } from '../src/export/ftm.js';
import { convertFtm } from '../src/import/ftm.js';
import { writeConversion } from '../src/import/importFile.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { projectRoot } from '../src/projectRoot.js';
import { sharedDataForTests } from './helpers/sharedData.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { runCli } from './helpers/runCli.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const SMALL = path.join(projectRoot(), 'tests', 'fixtures', 'ftm', 'small.ftm.json');
const small = readFileSync(SMALL, 'utf8');
const line = (number: number) => small.split('\n')[number - 1]!;
const PROBLEMS = [
  { path: 'line 3.properties.birthDate', message: 'expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "around 1980"' },
  { path: 'line 11.properties.holder', message: 'refers to no Person in this file, but got: "tp-nobody"' },
  { path: 'line 13.properties.endDate', message: 'expected a date not before startDate 2022-01-15, but got: "2021-12-31"' },
];
const SKIPPED = [...PROBLEMS, { path: 'line 10', message: 'depends on line 3, which is left out' }];

describe('converting FollowTheMoney entities', () => {
  const conversion = convertFtm(small, { fileName: SMALL });

  it('maps persons, bodies, positions, occupancies and memberships, quoting each line, and lists what it leaves out', () => {
    expect({ counts: conversion.counts, records: conversion.records, problems: conversion.problems, skipped: conversion.skipped }).toEqual({
      counts: { persons: 3, organizations: 2, positions: 2, occupancies: 4, memberships: 2, otherSchemata: 1 },
      records: 14,
      problems: PROBLEMS,
      skipped: SKIPPED,
    });
    const { entities, facts } = conversion.document;
    expect(entities.map((entity) => [entity.kind, entity.name, entity.identifiers ?? [], entity.quote === line(Number(entity.ref.split('/').at(-1))) || entity.quote])).toEqual([
      ['PERSON', 'Ada Example', ['opensanctions:tp-ada', 'opensanctions:ofac-990001', 'xx-register:17'], true],
      ['PERSON', 'Bo Sample', ['wikidata:Q990002001'], true],
      ['ORGANIZATION', 'Example City Council', ['opensanctions:tb-council'], true],
      ['PLACE', 'Germany', ['iso3166-1:DE'], line(4)],
      ['ORGANIZATION', 'Example Rowing Club', ['opensanctions:tb-club'], true],
      ['POST', 'Mayor of Example City', ['opensanctions:tpos-mayor'], true],
      ['PLACE', 'Example City', [], line(6)],
      ['ORGANIZATION', 'Member of the Example Parliament', [], true],
      ['POST', 'Member of the Example Parliament', ['opensanctions:tpos-member'], true],
      ['POST', 'Member of Example Rowing Club', [], line(12)],
    ]);
    const tenures = facts.filter((fact) => fact.type === 'TENURE').map((fact: any) => [fact.person, fact.post, fact.startDate ?? null, fact.endDate ?? null, fact.note]);
    expect(tenures).toEqual([
      ['line/1', 'line/6', '2019-05', '2024-04-30', 'datasets officegraph_tests; status ended'],
      [
        'line/2',
        'line/7',
        null,
        null,
        'datasets officegraph_tests; status current; current, without a start date: attested as current when last seen (2025-06-30)',
      ],
      ['line/1', 'member-of/line/5', '2001', null, 'datasets officegraph_tests'],
    ]);
    expect(facts.filter((fact) => fact.type !== 'TENURE').map((fact: any) => `${fact.type} ${fact.from} ${fact.to}`)).toEqual([
      'BASED_IN line/4 country/de',
      'POST_OF line/6 line/4',
      'REPRESENTS line/6 area/example city',
      'BASED_IN office/7 country/de',
      'POST_OF line/7 office/7',
      'POST_OF member-of/line/5 line/5',
    ]);
    expect(conversion.document.source).toMatchObject({ id: 'source:followthemoney-small', publishedDate: '2025-06-30', text: small });
  });
});

describe('importing FollowTheMoney into the graph', () => {
  let server: TestServer;
  const sources: string[] = [];
  const cli = (script: string, args: string[]) => runCli(script, args, 180_000);

  beforeAll(async () => {
    server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
  }, 120_000);

  afterAll(async () => {
    for (const id of sources) await retractSource(server.app.store, id).catch(() => undefined);
    await server.stop();
  });

  it('imports the small file with --skip-invalid, lists what it skipped, and a current occupancy counts from when it was seen', async () => {
    sources.push('source:followthemoney-small');
    const result = await cli('importFtm.ts', [SMALL, '--skip-invalid']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(1)).toEqual([
      `[1/1] ${path.relative(projectRoot(), SMALL)}: skipped 4 record(s):`,
      ...SKIPPED.map((entry) => `  ${entry.path}: ${entry.message}`),
      'done: 1 file(s) imported, 0 refused; 4 record(s) skipped',
    ]);
    const query = `query ($at: Date) { entityByIdentifier(scheme: "wikidata", value: "Q990002001") { ... on Person { name tenures(at: $at) { post { name organization { name } } } } } }`;
    const before = await server.graphql(query, { at: '2025-06-29' });
    expect(before.body).toEqual({ data: { entityByIdentifier: { name: 'Bo Sample', tenures: [] } } });
    const seen = await server.graphql(query, { at: '2025-06-30' });
    expect(seen.body).toEqual({
      data: {
        entityByIdentifier: {
          name: 'Bo Sample',
          tenures: [{ post: { name: 'Member of the Example Parliament', organization: { name: 'Member of the Example Parliament' } } }],
        },
      },
    });
  }, 240_000);

  it('gives the same graph after import → export → import of the small file', async () => {
    await roundTrip('source:followthemoney-small', 'FtM round trip of the small file');
  }, 240_000);

  const { file: venezuela, needs } = sharedDataForTests('ftm/ve_asamblea_nacional.entities.ftm.json');
  describe.skipIf(!venezuela)(`the OpenSanctions export of the Venezuelan National Assembly (${needs})`, () => {
    const SOURCE = 'source:followthemoney-ve-asamblea-nacional';

    it('imports every person and occupancy, counted from the raw file, with Wikidata ids as identifiers', async () => {
      const text = readFileSync(venezuela!, 'utf8');
      const records = text.trimEnd().split('\n').map((lineText) => JSON.parse(lineText));
      sources.push(SOURCE);
      const result = await cli('importFtm.ts', [venezuela!]);
      expect(result.code).toBe(0);
      const persons = records.filter((record) => record.schema === 'Person');
      const occupancies = records.filter((record) => record.schema === 'Occupancy');
      const position = records.find((record) => record.schema === 'Position');
      const withQid = persons.find((record) => /^Q\d+$/.test(record.id));
      const response = await server.graphql(
        `query ($qid: String!, $post: ID!, $seen: Date) {
          entityByIdentifier(scheme: "wikidata", value: $qid) { name }
          now: roleHolders(post: $post, at: $seen) { id }
          before: roleHolders(post: $post, at: "2024-01-01") { id }
        }`,
        {
          qid: withQid.id,
          post: `post:${position.properties.name[0].toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
          seen: occupancies.map((record) => record.last_seen.slice(0, 10)).sort().at(-1),
        },
      );
      expect({
        name: (response.body.data as any).entityByIdentifier.name,
        now: (response.body.data as any).now.length,
        before: (response.body.data as any).before.length,
      }).toEqual({ name: withQid.properties.name[0], now: new Set(occupancies.map((record) => record.properties.holder[0])).size, before: 0 });
    }, 240_000);

    it('gives the same graph after import → export → import', async () => {
      await roundTrip(SOURCE, 'FtM round trip of the National Assembly');
    }, 240_000);
  });

  /** Exports what one source states, takes the source back, imports the export, and exports again: the same records. */
  async function roundTrip(sourceId: string, name: string) {
    const exportOf = async (id: string) => toFtm(await readExportRecords(server.app.store, await recordExportIds(server.app.store, { source: id })));
    const first = await exportOf(sourceId);
    await retractSource(server.app.store, sourceId);
    sources.splice(sources.indexOf(sourceId), 1);
    const roundTripId = `source:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    sources.push(roundTripId);
    const imported = await writeConversion(server.app.store, convertFtm(first, { name }));
    expect(imported.sourceId).toBe(roundTripId);
    const second = await exportOf(roundTripId);
    // Everything but the evidence summary, which names the source that states each occupancy.
    const withoutSummary = (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .map((lineText) => {
          const record = JSON.parse(lineText);
          delete record.properties.summary;
          return record;
        });
    expect(withoutSummary(second)).toEqual(withoutSummary(first));
    expect(withoutSummary(first).length).toBeGreaterThan(0);
    // Each exported occupancy says who stated it: the original source, then the round trip's.
    expect(first.includes(`stated by ${sourceId}`) || !first.includes('"Occupancy"')).toBe(true);
    expect(second.includes(`stated by ${roundTripId}`) || !second.includes('"Occupancy"')).toBe(true);
  }
});
