/**
 * Popolo and FollowTheMoney exports: `npm run export -- --format popolo --source …` writes a data
 * set as imported, the round trip import → export → import gives the same ids, counts, dates and
 * parties (on the multi-member fixture, and on the Nigeria data set when it is beside the
 * project), and GET /export answers format=popolo and format=ftm for a neighbourhood.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportRecords, recordExportIds } from '../src/export/exportRecords.js';
import { toPopolo } from '../src/export/popolo.js';
import { writeConversion } from '../src/import/importFile.js';
import { convertPopolo } from '../src/import/popolo.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer, testEnvironment, type TestServer } from './helpers/testServer.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const FIXTURE = path.join(projectRoot(), 'tests', 'fixtures', 'popolo', 'multi-member-district.json');
const FIXTURE_SOURCE = 'source:popolo-multi-member-district';
const ROUND_TRIP_SOURCE = 'source:popolo-round-trip-of-the-multi-member-fixture';
const run = promisify(execFile);
let server: TestServer;
const sources: string[] = [];

const exportCli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(projectRoot(), 'src', 'cli', 'export.ts'), ...args], {
    cwd: projectRoot(),
    env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
  sources.push(FIXTURE_SOURCE);
  await writeConversion(server.app.store, convertPopolo(readFileSync(FIXTURE, 'utf8'), { fileName: FIXTURE }), { skipInvalid: true });
}, 240_000);

afterAll(async () => {
  for (const id of sources) await retractSource(server.app.store, id).catch(() => undefined);
  await server.stop();
});

/** A Popolo export without what names its source: the meta block and each record's sources. */
function comparable(popolo: any) {
  const strip = (records: any[] = []) => records.map(({ sources: _sources, ...rest }) => rest);
  return {
    persons: strip(popolo.persons),
    organizations: strip(popolo.organizations),
    areas: strip(popolo.areas),
    events: strip(popolo.events),
    posts: strip(popolo.posts),
    memberships: strip(popolo.memberships),
  };
}

async function popoloOf(sourceId: string) {
  return toPopolo(await readExportRecords(server.app.store, await recordExportIds(server.app.store, { source: sourceId })), { title: sourceId });
}

/** Takes the source back, imports its export as a new source, and returns both exports. */
async function roundTrip(sourceId: string, exported: any, name: string) {
  await retractSource(server.app.store, sourceId);
  sources.splice(sources.indexOf(sourceId), 1);
  const conversion = convertPopolo(JSON.stringify(exported, null, 2), { name, publisher: 'officegraph tests' });
  expect(conversion.problems).toEqual([]);
  const result = await writeConversion(server.app.store, conversion);
  sources.push(result.sourceId);
  return { first: exported, second: await popoloOf(result.sourceId), result };
}

describe('Popolo export', () => {
  it('writes the data set one source imported, and import → export → import gives the same graph', async () => {
    const { stdout } = await exportCli(['--format', 'popolo', '--source', FIXTURE_SOURCE]);
    const exported = JSON.parse(stdout) as any;
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    // Every valid person, party and district, and every valid membership with the dates the import gave it.
    expect({
      persons: exported.persons.length,
      organizations: exported.organizations.map((organization: any) => [organization.name, organization.classification]),
      areas: exported.areas.map((area: any) => area.name),
      posts: exported.posts.length,
      memberships: exported.memberships.length,
      mateo: exported.memberships.find((membership: any) => membership.person_id === 'person:mateo-silva-p13'),
    }).toEqual({
      persons: raw.persons.length - 1,
      organizations: [
        ['Blue Party', 'party'],
        ['Green Party', 'party'],
        ['Test Regional Assembly', 'legislature'],
      ],
      areas: ['District East', 'District North', 'District South'],
      posts: 3,
      memberships: raw.memberships.length - 2,
      mateo: {
        id: 'tenure:mateo-silva-p13--member-of-the-test-regional-assembly-for-district-south--undated',
        person_id: 'person:mateo-silva-p13',
        post_id: 'post:member-of-the-test-regional-assembly-for-district-south',
        organization_id: 'org:test-regional-assembly',
        on_behalf_of_id: 'org:blue-party',
        end_date: '2022-05-28',
        sources: [
          {
            note: `stated by ${FIXTURE_SOURCE}: start date not taken from legislative period "term/2": it starts 2022-06-01, after the stated end date 2022-05-28`,
          },
        ],
      },
    });
    const { first, second, result } = await roundTrip(FIXTURE_SOURCE, exported, 'Popolo round trip of the multi-member fixture');
    expect(result.sourceId).toBe(ROUND_TRIP_SOURCE);
    expect(comparable(second)).toEqual(comparable(first));
  }, 240_000);

  const nigeria = path.join(projectRoot(), 'tests', 'fixtures', 'popolo', 'nigeria-house-of-representatives.json');
  it('gives the same ids, counts, dates and parties for the Nigeria data set', async () => {
    const conversion = convertPopolo(readFileSync(nigeria, 'utf8'), { name: 'Round trip: Nigeria House of Representatives', fileName: nigeria });
    const imported = await writeConversion(server.app.store, conversion);
    sources.push(imported.sourceId);
    const exported = (await popoloOf(imported.sourceId)) as any;
    expect({
      persons: exported.persons.length,
      memberships: exported.memberships.length,
      withStart: exported.memberships.filter((membership: any) => membership.start_date !== undefined).length,
    }).toEqual({ persons: conversion.counts.persons, memberships: conversion.counts.memberships, withStart: conversion.counts.memberships });
    const { first, second } = await roundTrip(imported.sourceId, exported, 'Round trip 2: Nigeria House of Representatives');
    expect(comparable(second)).toEqual(comparable(first));
  }, 300_000);
});

describe('GET /export as popolo and ftm', () => {
  it('writes the neighbourhood of a person as Popolo and as FollowTheMoney', async () => {
    const person = 'person:nadia-karim-p14';
    const popolo = await server.get(`/export?id=${encodeURIComponent(person)}&depth=2&format=popolo`);
    expect(popolo.status).toBe(200);
    expect(popolo.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await popolo.json()) as any;
    const nadia = body.memberships.filter((membership: any) => membership.person_id === person);
    expect({ persons: body.persons.map((item: any) => item.id).includes(person), nadia: nadia.map((membership: any) => [membership.post_id, membership.start_date]) }).toEqual({
      persons: true,
      nadia: [['post:member-of-the-test-regional-assembly-for-district-south', '2022-06-01']],
    });
    const ftm = await server.get(`/export?id=${encodeURIComponent(person)}&depth=2&format=ftm`);
    expect(ftm.status).toBe(200);
    const lines = (await ftm.text()).trimEnd().split('\n').map((lineText) => JSON.parse(lineText));
    expect(lines.filter((entity) => entity.schema === 'Occupancy' && entity.properties.holder[0] === person).map((entity) => entity.properties)).toEqual([
      {
        holder: [person],
        post: ['post:member-of-the-test-regional-assembly-for-district-south'],
        startDate: ['2022-06-01'],
        // The fixture's data set, as imported or (after the round trip above) as re-imported.
        summary: [expect.stringMatching(new RegExp(`^stated by (${FIXTURE_SOURCE}|${ROUND_TRIP_SOURCE})$`))],
      },
    ]);
  });

  it('refuses the whole graph as graphml on the command line, naming --id', async () => {
    const failure = await exportCli(['--format', 'graphml']).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect({ code: failure?.code, stderr: failure?.stderr.split('\n')[0] }).toEqual({
      code: 2,
      stderr: '--id is needed for --format graphml (the whole graph is exported as popolo or ftm)',
    });
  });
});
