/**
 * The Popolo importer on a parliament elected in multi-member districts
 * (tests/fixtures/popolo/multi-member-district.json, made for these tests): dates taken from a
 * legislative period never override or contradict the record's own, the period's end is the end
 * of the term and never a stated end, invalid records are listed by record path, and
 * `--skip-invalid` imports the rest and lists what it skipped.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertPopolo } from '../src/import/popolo.js';
import { writeConversion } from '../src/import/importFile.js';
import { retractSource } from '../src/ingest/retractSource.js';
import type { IngestFact } from '../src/model/document.js';
import { firstDay, lastDay } from '../src/model/partialDate.js';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { runCli } from './helpers/runCli.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

const FIXTURE = path.join(projectRoot(), 'tests', 'fixtures', 'popolo', 'multi-member-district.json');
const raw = readFileSync(FIXTURE, 'utf8');
const SOURCE_ID = 'source:popolo-multi-member-district';
const NORTH = 'Member of the Test Regional Assembly for District North';
const SOUTH = 'Member of the Test Regional Assembly for District South';
const EAST = 'Member of the Test Regional Assembly for District East';
const FROM_TERM_1 = 'start date from legislative period "term/1"';
const TERM_1_END = 'term end 2022-05-31 from legislative period "term/1"';
const FROM_TERM_2 = 'start date from legislative period "term/2"';

const problems = [
  { path: 'persons[18].birth_date', message: 'expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "1980-02-30"' },
  { path: 'memberships[21].end_date', message: 'expected a date not before start_date 2024-05-01, but got: "2024-02-01"' },
];
const skipped = [...problems, { path: 'memberships[22]', message: 'depends on persons[18], which is left out' }];

/**
 * Who sits on a day, read from the raw file, independently of the converter and the graph: a
 * member sits from the stated start (else the term's start, unless that falls after the stated
 * end) to the stated end (else the term's end). Skipped records do not count.
 */
function sitting(day: string): number {
  const data = JSON.parse(raw) as { events: Array<Record<string, string>>; memberships: Array<Record<string, string>> };
  const terms = new Map(data.events.map((event) => [event.id, event]));
  const valid = data.memberships.filter((_, index) => !skipped.some((entry) => entry.path.startsWith(`memberships[${index}]`)));
  return valid.filter((membership) => {
    const term = terms.get(membership.legislative_period_id!)!;
    const start = membership.start_date ?? (membership.end_date && term.start_date! > membership.end_date ? undefined : term.start_date);
    const end = membership.end_date ?? term.end_date;
    return start !== undefined && firstDay(start) <= day && (end === undefined || day <= lastDay(end));
  }).length;
}
const DAYS = ['2018-05-31', '2018-06-01', '2020-03-15', '2020-03-16', '2020-03-31', '2020-04-01', '2022-05-28', '2022-05-31', '2022-06-01', '2023-09-30', '2023-10-01', '2023-10-14', '2023-10-15', '2026-01-01'];
/** The head count the file gives for each of DAYS: every seat of every district, less the vacancies. */
const SITTING = [0, 9, 9, 8, 8, 9, 9, 9, 9, 9, 8, 8, 9, 9];

describe('converting a Popolo file with multi-member districts and two terms', () => {
  const conversion = convertPopolo(raw, { fileName: FIXTURE });
  const names = new Map(conversion.document.entities.map((entity) => [entity.ref, entity.name]));
  const tenures = conversion.document.facts.filter((fact): fact is Extract<IngestFact, { type: 'TENURE' }> => fact.type === 'TENURE');

  it('lists the invalid records by path, and the record that depends on one', () => {
    expect({ problems: conversion.problems, skipped: conversion.skipped, records: conversion.records, counts: conversion.counts }).toEqual({
      problems,
      skipped,
      records: 50,
      counts: { persons: 19, organizations: 3, areas: 3, events: 2, memberships: 23, posts: 3 },
    });
    expect(conversion.document.entities.filter((entity) => entity.kind === 'PERSON').map((entity) => entity.name)).not.toContain('Sofia Marin');
  });

  it('takes a start from the term only where the record states none and it does not contradict the stated end, and never an end', () => {
    const rows = tenures.map((fact) => [names.get(fact.person), names.get(fact.post), fact.startDate ?? null, fact.endDate ?? null, fact.termEnd ?? null, fact.note ?? null]);
    expect(rows).toEqual([
      ['Amara Okafor', NORTH, '2018-06-01', null, '2022-05-31', TERM_1_END],
      ['Bruno Lindqvist', NORTH, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Chen Mei', SOUTH, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Dario Rossi', SOUTH, '2018-06-01', '2020-03-15', null, FROM_TERM_1],
      ['Jonas Berg', SOUTH, '2020-04-01', null, '2022-05-31', TERM_1_END],
      ['Elif Yilmaz', SOUTH, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Farida Haddad', EAST, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Goran Petrovic', EAST, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Hana Sato', EAST, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Ivan Novak', EAST, '2018-06-01', null, '2022-05-31', `${FROM_TERM_1}; ${TERM_1_END}`],
      ['Amara Okafor', NORTH, '2022-06-01', null, null, FROM_TERM_2],
      ['Kofi Mensah', NORTH, '2022-06-01', null, null, FROM_TERM_2],
      ['Chen Mei', SOUTH, '2022-06-01', null, null, FROM_TERM_2],
      ['Lucia Fernandez', SOUTH, '2022-06-01', null, null, FROM_TERM_2],
      [
        'Mateo Silva',
        SOUTH,
        null,
        '2022-05-28',
        null,
        'start date not taken from legislative period "term/2": it starts 2022-06-01, after the stated end date 2022-05-28',
      ],
      ['Nadia Karim', SOUTH, '2022-06-01', null, null, null],
      ['Farida Haddad', EAST, '2022-06-01', null, null, FROM_TERM_2],
      ['Oscar Nilsson', EAST, '2022-06-01', '2023-09-30', null, FROM_TERM_2],
      ['Quinn Adeyemi', EAST, '2023-10-15', null, null, null],
      ['Priya Raman', EAST, '2022-06-01', null, null, FROM_TERM_2],
      ['Ivan Novak', EAST, '2022-06-01', null, null, null],
    ]);
    // Seats are not stated by Popolo, so no post claims one.
    expect(conversion.document.entities.filter((entity) => entity.kind === 'POST' && 'seats' in entity)).toEqual([]);
  });

  it('says who sits on each day from the records alone: every seat of every district, less the vacancies', () => {
    const fromDocument = (day: string) =>
      tenures.filter((fact) => {
        const end = fact.endDate ?? fact.termEnd;
        return fact.startDate !== undefined && firstDay(fact.startDate) <= day && (end === undefined || day <= lastDay(end));
      }).length;
    expect(DAYS.map(sitting)).toEqual(SITTING);
    expect(DAYS.map(fromDocument)).toEqual(SITTING);
  });
});

describe('npm run import:popolo with and without --skip-invalid', () => {
  let server: TestServer;
  const cli = (args: string[]) => runCli('importPopolo.ts', args);
  const label = `[1/1] ${path.relative(projectRoot(), FIXTURE)}`;

  beforeAll(async () => {
    server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
  }, 120_000);

  afterAll(async () => {
    await retractSource(server.app.store, SOURCE_ID).catch(() => undefined);
    await server.stop();
  });

  it('refuses the file without the flag, naming the flag and every invalid record, and writes nothing', async () => {
    const result = await cli([FIXTURE]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${label}: NOT imported, nothing was written: 2 invalid record problem(s). Run again with --skip-invalid to import the other records and list the skipped ones.\n` +
        'done: 0 file(s) imported, 1 refused; 0 record(s) skipped\n',
    );
    expect(result.stderr).toContain(problems.map((problem) => `  ${problem.path}: ${problem.message}\n`).join(''));
    const response = await server.graphql(`query ($id: ID!) { source(id: $id) { id } }`, { id: SOURCE_ID });
    expect(response.body).toEqual({ data: { source: null } });
  }, 120_000);

  it('imports the rest with --skip-invalid and lists each skipped record with its reason at the end', async () => {
    const result = await cli([FIXTURE, '--skip-invalid', '--published', '2024-06-01']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${escape(label)}: added ${SOURCE_ID}: entities 29 new, 0 matched; facts 29 new, 0 matched; \\d+ nodes and \\d+ relationships created \\(write `));
    expect(lines.slice(1)).toEqual([
      `${label}: skipped 3 record(s):`,
      ...skipped.map((entry) => `  ${entry.path}: ${entry.message}`),
      'done: 1 file(s) imported, 0 refused; 3 record(s) skipped',
    ]);
    expect(result.stderr).toMatch(/50 records \(19 persons, 3 organizations, 3 areas, 2 events, 23 memberships, 3 posts\) converted in \d+ ms \(\d+ records\/s\)/);
    expect(result.stderr).toContain(`${label}: leaving out 3 record(s) (--skip-invalid), listed at the end`);

    const response = await server.graphql(
      `{ post(id: "post:member-of-the-test-regional-assembly-for-district-south") {
           tenures { person { name } startDate endDate evidence { note } } }
         rafael: person(id: "person:rafael-duarte-p18") { name tenures { id } }
         sofia: person(id: "person:sofia-marin-p19") { id } }`,
    );
    const byName = (a: { person: { name: string }; startDate: string | null }, b: typeof a) =>
      `${a.person.name}|${a.startDate}`.localeCompare(`${b.person.name}|${b.startDate}`);
    expect(response.body.errors).toBeUndefined();
    const post = (response.body.data as { post: { tenures: Array<{ person: { name: string }; startDate: string | null }> } }).post;
    expect({ ...response.body.data, post: { tenures: [...post.tenures].sort(byName) } }).toEqual({
      post: {
        tenures: [
          { person: { name: 'Chen Mei' }, startDate: '2018-06-01', endDate: null, evidence: [{ note: `${FROM_TERM_1}; ${TERM_1_END}` }] },
          { person: { name: 'Chen Mei' }, startDate: '2022-06-01', endDate: null, evidence: [{ note: FROM_TERM_2 }] },
          { person: { name: 'Dario Rossi' }, startDate: '2018-06-01', endDate: '2020-03-15', evidence: [{ note: FROM_TERM_1 }] },
          { person: { name: 'Elif Yilmaz' }, startDate: '2018-06-01', endDate: null, evidence: [{ note: `${FROM_TERM_1}; ${TERM_1_END}` }] },
          { person: { name: 'Jonas Berg' }, startDate: '2020-04-01', endDate: null, evidence: [{ note: TERM_1_END }] },
          { person: { name: 'Lucia Fernandez' }, startDate: '2022-06-01', endDate: null, evidence: [{ note: FROM_TERM_2 }] },
          {
            person: { name: 'Mateo Silva' },
            startDate: null,
            endDate: '2022-05-28',
            evidence: [{ note: 'start date not taken from legislative period "term/2": it starts 2022-06-01, after the stated end date 2022-05-28' }],
          },
          { person: { name: 'Nadia Karim' }, startDate: '2022-06-01', endDate: null, evidence: [{ note: null }] },
        ],
      },
      rafael: { name: 'Rafael Duarte', tenures: [] },
      sofia: null,
    });
  }, 120_000);

  it('answers, on every day of both terms, as many sitting members as the file says', async () => {
    const fields = DAYS.map((day, index) => `d${index}: organization(id: "org:test-regional-assembly") { posts { tenures(at: "${day}") { person { id } } } }`);
    const response = await server.graphql(`{ ${fields.join('\n')} }`);
    expect(response.body.errors).toBeUndefined();
    const data = response.body.data as Record<string, { posts: Array<{ tenures: Array<{ person: { id: string } }> }> }>;
    const heads = DAYS.map((_day, index) => new Set(data[`d${index}`]!.posts.flatMap((post) => post.tenures.map((tenure) => tenure.person.id))).size);
    expect(heads).toEqual(DAYS.map(sitting));
    expect(heads).toEqual(SITTING);
  }, 120_000);

  it('takes back what a newer version of the file no longer states, and nothing when it is the same', async () => {
    const tenuresOf = async (id: string) => (await server.graphql(`query ($id: ID!) { person(id: $id) { tenures { startDate } } }`, { id })).body.data;
    const withoutNadia = JSON.parse(raw);
    withoutNadia.persons = withoutNadia.persons.filter((person: { id: string }) => person.id !== 'p14');
    withoutNadia.memberships = withoutNadia.memberships.filter((membership: { person_id: string }) => membership.person_id !== 'p14');
    // Amara's second term is no longer in the file, but Amara is.
    withoutNadia.memberships = withoutNadia.memberships.filter(
      (membership: { person_id: string; legislative_period_id: string }) => !(membership.person_id === 'p01' && membership.legislative_period_id === 'term/2'),
    );
    const newer = convertPopolo(JSON.stringify(withoutNadia, null, 2), { fileName: FIXTURE, publishedDate: '2024-06-01' });
    const result = await writeConversion(server.app.store, newer, { skipInvalid: true });
    // Two tenures, and the party each was held on behalf of (a fact with its own evidence).
    expect(result.withdrawn).toEqual({ factsRemoved: 4, factsKept: 0, entitiesRemoved: ['person:nadia-karim-p14'] });
    expect(await tenuresOf('person:nadia-karim-p14')).toEqual({ person: null });
    expect(await tenuresOf('person:amara-okafor-q990000101')).toEqual({ person: { tenures: [{ startDate: '2018-06-01' }] } });

    const original = convertPopolo(raw, { fileName: FIXTURE, publishedDate: '2024-06-01' });
    const back = await writeConversion(server.app.store, original, { skipInvalid: true });
    expect({ entities: back.entities, facts: back.facts, withdrawn: back.withdrawn }).toEqual({
      entities: { created: 1, matched: 28 },
      facts: { created: 2, matched: 27 },
      withdrawn: { factsRemoved: 0, factsKept: 0, entitiesRemoved: [] },
    });
    const again = await writeConversion(server.app.store, original, { skipInvalid: true });
    expect({ entities: again.entities, facts: again.facts, withdrawn: again.withdrawn, nodesCreated: again.nodesCreated }).toEqual({
      entities: { created: 0, matched: 29 },
      facts: { created: 0, matched: 29 },
      withdrawn: { factsRemoved: 0, factsKept: 0, entitiesRemoved: [] },
      nodesCreated: 0,
    });
    expect(await tenuresOf('person:amara-okafor-q990000101')).toEqual({ person: { tenures: [{ startDate: '2018-06-01' }, { startDate: '2022-06-01' }] } });
  }, 120_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
