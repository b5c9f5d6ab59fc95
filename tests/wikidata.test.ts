/**
 * The Wikidata importer, on real entity files (tests/fixtures/wikidata, CC0, copied from Wikidata
 * via the nomenklatura test fixtures) and on a small file made here: every P39 claim becomes a
 * tenure that quotes the claim's exact JSON, dates follow the time values' precision, deprecated
 * claims are left out and counted, replaces/replaced-by become successions, and the graph answers
 * roleHolders, succession and tenures(at) with the values this test reads from the raw JSON. A
 * newer dump replaces the earlier one, and a person met in a Popolo file and in Wikidata is one
 * entity.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeConversion } from '../src/import/importFile.js';
import { convertPopolo } from '../src/import/popolo.js';
import { convertWikidata, timeValue } from '../src/import/wikidata.js';
import { wikidataLabelsBeside } from '../src/import/wikidataLabels.js';
import { retractSource } from '../src/ingest/retractSource.js';
import type { IngestFact } from '../src/model/document.js';
import { firstDay, lastDay } from '../src/model/partialDate.js';
import { projectRoot } from '../src/projectRoot.js';
import { startTestServer, testEnvironment, type TestServer } from './helpers/testServer.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DIRECTORY = path.join(projectRoot(), 'tests', 'fixtures', 'wikidata', 'entities');
const file = (qid: string) => path.join(DIRECTORY, `${qid}.json`);
const raw = (qid: string) => readFileSync(file(qid), 'utf8');
const entity = (qid: string): any => JSON.parse(raw(qid)).entities[qid];
const labelFile = (qid: string): string | undefined => {
  try {
    const labels = JSON.parse(readFileSync(path.join(DIRECTORY, '..', 'labels', `${qid}.json`), 'utf8')).entities[qid].labels;
    return labels.en?.value;
  } catch {
    return undefined;
  }
};
const convert = (qid: string) => convertWikidata(raw(qid), { fileName: file(qid), context: wikidataLabelsBeside(file(qid)) });
type Tenure = Extract<IngestFact, { type: 'TENURE' }>;

/** A date from a raw time qualifier, mapped here by precision (11 day, 10 month, 9 year). */
function dateOf(snak: any): string | undefined {
  if (snak?.snaktype !== 'value') return undefined;
  const { time, precision } = snak.datavalue.value;
  const [year, month, day] = time.slice(1, 11).split('-');
  return precision >= 11 ? `${year}-${month}-${day}` : precision === 10 ? `${year}-${month}` : precision === 9 ? year : undefined;
}

/** The claims of the raw file, as this test reads them. */
function rawClaims(qid: string) {
  return (entity(qid).claims.P39 as any[]).map((claim) => ({
    claim,
    rank: claim.rank as string,
    position: claim.mainsnak.datavalue.value.id as string,
    start: dateOf(claim.qualifiers?.P580?.[0]),
    end: dateOf(claim.qualifiers?.P582?.[0]),
    organizations: ['P642', 'P108', 'P2389'].flatMap((property) => (claim.qualifiers?.[property] ?? []).map((snak: any) => snak.datavalue.value.id as string)),
  }));
}

describe('converting Wikidata entity files', () => {
  it('turns every claim that is not deprecated into a tenure per organization it names, counted from the raw file', () => {
    for (const qid of ['Q7747', 'Q254220', 'Q233282']) {
      const claims = rawClaims(qid);
      const kept = claims.filter((claim) => claim.rank !== 'deprecated');
      const conversion = convert(qid);
      const tenures = conversion.document.facts.filter((fact): fact is Tenure => fact.type === 'TENURE');
      expect({ counts: conversion.counts, problems: conversion.problems, tenures: tenures.length }).toEqual({
        counts: {
          humans: 1,
          otherItems: 0,
          positionClaims: claims.length,
          deprecated: claims.length - kept.length,
          withoutPosition: 0,
          tenures: kept.reduce((sum, claim) => sum + Math.max(1, claim.organizations.length), 0),
          posts: new Set(kept.flatMap((claim) => (claim.organizations.length > 0 ? claim.organizations.map((org) => `${claim.position}/${org}`) : [claim.position]))).size,
        },
        problems: [],
        tenures: kept.reduce((sum, claim) => sum + Math.max(1, claim.organizations.length), 0),
      });
      // Each tenure quotes its claim's exact text, and carries the claim's dates.
      for (const tenure of tenures) {
        expect(raw(qid)).toContain(tenure.quote);
        const claim = claims.find((candidate) => candidate.claim.id === JSON.parse(tenure.quote).id)!;
        expect(JSON.parse(tenure.quote)).toEqual(claim.claim);
        expect([tenure.startDate, tenure.endDate]).toEqual([claim.start, claim.end]);
      }
    }
    expect(rawClaims('Q7747').filter((claim) => claim.rank === 'deprecated').length).toBe(1);
  });

  it('maps a person with identifier and aliases, positions named from label files or by QID with a note, and notes naming the references', () => {
    const { document } = convert('Q7747');
    const putin = entity('Q7747');
    expect(document.entities[0]).toEqual({
      kind: 'PERSON',
      ref: 'item/Q7747',
      name: putin.labels.en.value,
      aliases: putin.aliases.en.map((alias: any) => alias.value),
      gender: 'male',
      birthDate: dateOf(putin.claims.P569[0].mainsnak),
      disambiguator: 'Q7747',
      identifiers: ['wikidata:Q7747'],
      quote: raw('Q7747').slice(raw('Q7747').indexOf('"labels": {') + '"labels": '.length, raw('Q7747').indexOf('}}', raw('Q7747').indexOf('"labels": {')) + 2),
    });
    const posts = document.entities.filter((item) => item.kind === 'POST');
    expect(posts.find((post) => post.identifiers?.[0] === 'wikidata:Q218295')?.name).toBe(labelFile('Q218295'));
    expect(posts.find((post) => post.identifiers?.[0] === 'wikidata:Q38715852')).toMatchObject({
      name: 'Q38715852',
      note: 'Wikidata gives no label for Q38715852 here: the QID stands for the name',
    });
    const primeMinister = rawClaims('Q7747').find((claim) => claim.position === 'Q842386' && claim.claim.references)!;
    const tenure = document.facts.find((fact): fact is Tenure => fact.type === 'TENURE' && JSON.parse(fact.quote).id === primeMinister.claim.id)!;
    expect(tenure.note).toBe(
      `Wikidata statement ${primeMinister.claim.id}, rank normal; reference 1: reference URL ${primeMinister.claim.references[0].snaks.P854[0].datavalue.value}; ` +
        'replaces Q147425, who holds no tenure of this post in this file; replaced by Q23530, who holds no tenure of this post in this file',
    );
    expect(document.source).toMatchObject({ id: 'source:wikidata-q7747', publisher: 'Wikidata', publishedDate: putin.modified.slice(0, 10), text: raw('Q7747') });
  });

  it('maps time precision to partial dates, and refuses what is not a date', () => {
    const time = (value: string, precision: number, calendarmodel = 'http://www.wikidata.org/entity/Q1985727') => timeValue({ time: value, precision, calendarmodel });
    expect([
      time('+2012-05-07T00:00:00Z', 11),
      time('+2012-05-00T00:00:00Z', 10),
      time('+2012-00-00T00:00:00Z', 9),
      time('+1990-00-00T00:00:00Z', 8),
      time('+1712-05-07T00:00:00Z', 11, 'http://www.wikidata.org/entity/Q1985786'),
      time('2012', 9),
    ]).toEqual([
      { date: '2012-05-07' },
      { date: '2012-05' },
      { date: '2012' },
      { note: '+1990-00-00T00:00:00Z has precision 8 (coarser than a year), not used' },
      { note: '+1712-05-07T00:00:00Z is in another calendar (http://www.wikidata.org/entity/Q1985786), not used' },
      { problem: 'expected a Wikidata time value such as {"time": "+2012-05-07T00:00:00Z", "precision": 11}, but got: "2012"' },
    ]);
  });

  it('links successors stated in the same file, lets the preferred claim win, skips deprecated claims and lists invalid ones', () => {
    const { document, problems, counts } = convertWikidata(madeUpFile());
    const facts = document.facts.map((fact) =>
      fact.type === 'TENURE'
        ? { type: fact.type, ref: fact.ref, start: fact.startDate ?? null, end: fact.endDate ?? null, note: fact.note }
        : fact.type === 'SUCCEEDS'
          ? { type: fact.type, from: fact.from, to: fact.to }
          : { type: fact.type },
    );
    expect({ counts, problems }).toEqual({
      counts: { humans: 2, otherItems: 0, positionClaims: 6, deprecated: 1, withoutPosition: 1, tenures: 3, posts: 1 },
      problems: [{ path: 'entities.Q990001002.claims.P39[2].qualifiers.P582[0]', message: 'expected an end time not before the start time 2019, but got: "2018-05"' }],
    });
    expect(facts).toEqual([
      { type: 'POST_OF' },
      {
        type: 'TENURE',
        ref: 'tenure/Q990001001/0/',
        start: '2010-03',
        end: '2014',
        note: 'Wikidata statement Q990001001$a, rank normal; reference 1: stated in Q990009999, reference URL https://example.org/gazette, retrieved 2020-01-02',
      },
      { type: 'TENURE', ref: 'tenure/Q990001002/1/', start: '2014', end: null, note: 'Wikidata statement Q990001002$p, rank preferred; no reference' },
      {
        type: 'TENURE',
        ref: 'tenure/Q990001002/0/',
        start: '2014-06',
        end: null,
        note: 'Wikidata statement Q990001002$n, rank normal; no reference; disagrees with the preferred statement Q990001002$p (2014 to no end), which wins; kept beside it',
      },
      { type: 'SUCCEEDS', from: 'tenure/Q990001002/1/', to: 'tenure/Q990001001/0/' },
      { type: 'SUCCEEDS', from: 'tenure/Q990001002/0/', to: 'tenure/Q990001001/0/' },
    ]);
    expect(document.entities.find((item) => item.ref === 'item/Q990001001')).toMatchObject({
      name: 'Wen Madeup',
      nameZh: '文虚构',
      aliases: ['文虚构', 'W. Madeup'],
    });
  });
});

/** Two invented people in one wbgetentities answer; the second succeeds the first as Governor of Madeup. */
function madeUpFile(): string {
  const time = (value: string, precision: number) => ({
    snaktype: 'value',
    property: 'P',
    datavalue: { value: { time: value, timezone: 0, before: 0, after: 0, precision, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' },
  });
  const item = (id: string) => ({ snaktype: 'value', datavalue: { value: { 'entity-type': 'item', id }, type: 'wikibase-entityid' } });
  const human = { mainsnak: item('Q5'), rank: 'normal' };
  const governor = item('Q990005000');
  return JSON.stringify({
    entities: {
      Q990001001: {
        id: 'Q990001001',
        modified: '2025-01-01T00:00:00Z',
        labels: { en: { language: 'en', value: 'Wen Madeup' }, zh: { language: 'zh', value: '文虚构' } },
        aliases: { en: [{ language: 'en', value: 'W. Madeup' }] },
        claims: {
          P31: [human],
          P39: [
            {
              id: 'Q990001001$a',
              rank: 'normal',
              mainsnak: governor,
              qualifiers: { P580: [time('+2010-03-00T00:00:00Z', 10)], P582: [time('+2014-00-00T00:00:00Z', 9)], P1366: [item('Q990001002')] },
              references: [{ snaks: { P248: [item('Q990009999')], P854: [{ snaktype: 'value', datavalue: { value: 'https://example.org/gazette' } }], P813: [time('+2020-01-02T00:00:00Z', 11)] }, 'snaks-order': ['P248', 'P854', 'P813'] }],
            },
          ],
        },
      },
      Q990001002: {
        id: 'Q990001002',
        modified: '2025-02-01T00:00:00Z',
        labels: { en: { language: 'en', value: 'Ana Madeup' } },
        claims: {
          P31: [human],
          P39: [
            { id: 'Q990001002$n', rank: 'normal', mainsnak: governor, qualifiers: { P580: [time('+2014-06-00T00:00:00Z', 10)], P1365: [item('Q990001001')] } },
            { id: 'Q990001002$p', rank: 'preferred', mainsnak: governor, qualifiers: { P580: [time('+2014-00-00T00:00:00Z', 9)], P1365: [item('Q990001001')] } },
            { id: 'Q990001002$bad', rank: 'normal', mainsnak: governor, qualifiers: { P580: [time('+2019-00-00T00:00:00Z', 9)], P582: [time('+2018-05-00T00:00:00Z', 10)] } },
            { id: 'Q990001002$old', rank: 'deprecated', mainsnak: governor },
            { id: 'Q990001002$never', rank: 'normal', mainsnak: { snaktype: 'somevalue' } },
          ],
        },
      },
    },
  });
}

describe('importing Wikidata into the graph', () => {
  const run = promisify(execFile);
  let server: TestServer;
  const SOURCES = ['source:wikidata-q7747', 'source:wikidata-q254220', 'source:wikidata-q233282', 'source:wikidata-test-register'];
  const PRESIDENT = 'post:president-of-russia';
  const PUTIN = 'person:vladimir-putin-q7747';

  beforeAll(async () => {
    server = await startTestServer({ OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
    const result = await run(process.execPath, ['--import', 'tsx', path.join(projectRoot(), 'src', 'cli', 'importWikidata.ts'), DIRECTORY], {
      cwd: projectRoot(),
      env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
      timeout: 180_000,
    });
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('done: 3 file(s) imported, 0 refused; 0 record(s) skipped');
  }, 240_000);

  afterAll(async () => {
    for (const id of SOURCES) await retractSource(server.app.store, id).catch(() => undefined);
    await server.stop();
  });

  it('answers roleHolders and succession of a post held twice with the dates of the raw claims', async () => {
    const presidency = rawClaims('Q7747').filter((claim) => claim.position === 'Q218295' && claim.rank !== 'deprecated');
    expect(presidency.length).toBe(2);
    const byStart = [...presidency].sort((a, b) => a.start!.localeCompare(b.start!));
    const succession = await server.graphql(`query ($post: ID!) { succession(post: $post) { person { id } startDate endDate } }`, { post: PRESIDENT });
    expect(succession.body).toEqual({
      data: { succession: byStart.map((claim) => ({ person: { id: PUTIN }, startDate: claim.start, endDate: claim.end ?? null })) },
    });
    const holders = async (at: string) =>
      (await server.graphql(`query ($post: ID!, $at: Date) { roleHolders(post: $post, at: $at) { startDate } }`, { post: PRESIDENT, at })).body;
    for (const at of ['2001-01-01', '2010-01-01', '2020-01-01']) {
      const expected = presidency.filter((claim) => firstDay(claim.start!) <= at && (claim.end === undefined || at <= lastDay(claim.end)));
      expect(await holders(at)).toEqual({ data: { roleHolders: expected.map((claim) => ({ startDate: claim.start })) } });
    }
  });

  it('answers tenures(at) with the posts whose raw claims cover the day', async () => {
    const name = (claim: ReturnType<typeof rawClaims>[number], organization?: string) =>
      `${labelFile(claim.position) ?? claim.position}${organization ? ` of ${labelFile(organization) ?? organization}` : ''}`;
    for (const at of ['1999-09-01', '2005-06-01', '2017-06-01']) {
      const expected = rawClaims('Q7747')
        .filter((claim) => claim.rank !== 'deprecated' && claim.start !== undefined)
        .filter((claim) => firstDay(claim.start!) <= at && (claim.end === undefined || at <= lastDay(claim.end)))
        .flatMap((claim) => (claim.organizations.length > 0 ? claim.organizations.map((organization) => name(claim, organization)) : [name(claim)]))
        .sort();
      const response = await server.graphql(`query ($id: ID!, $at: Date) { person(id: $id) { tenures(at: $at) { post { name } } } }`, { id: PUTIN, at });
      const names = (response.body.data as any).person.tenures.map((tenure: any) => tenure.post.name).sort();
      expect({ at, names }).toEqual({ at, names: expected });
    }
  });

  it('keeps a re-import unchanged, and takes back a claim that a newer dump no longer has', async () => {
    const again = await writeConversion(server.app.store, convert('Q254220'));
    expect({ entities: again.entities.created, facts: again.facts.created, withdrawn: again.withdrawn }).toEqual({
      entities: 0,
      facts: 0,
      withdrawn: { factsRemoved: 0, factsKept: 0, entitiesRemoved: [] },
    });
    const newer = JSON.parse(raw('Q254220'));
    newer.entities.Q254220.claims.P39 = [];
    newer.entities.Q254220.modified = '2026-05-01T00:00:00Z';
    const text = JSON.stringify(newer);
    const result = await writeConversion(server.app.store, convertWikidata(text, { fileName: file('Q254220'), context: wikidataLabelsBeside(file('Q254220')) }));
    expect(result.withdrawn).toEqual({
      factsRemoved: 2,
      factsKept: 0,
      entitiesRemoved: ['org:member-of-the-state-duma', 'post:member-of-the-state-duma'],
    });
    const person = await server.graphql(`{ person(id: "person:alina-kabaeva-q254220") { tenures { id } } }`);
    expect(person.body).toEqual({ data: { person: { tenures: [] } } });
  });

  it('makes a person met in a Popolo file and in Wikidata one entity with both identifiers', async () => {
    const popolo = convertPopolo(
      JSON.stringify({
        persons: [{ id: 'r1', name: 'V. V. Putin', identifiers: [{ scheme: 'wikidata', identifier: 'Q7747' }, { scheme: 'test_register', identifier: 'r1' }] }],
        organizations: [{ id: 'council', name: 'Wikidata Test Council', classification: 'committee' }],
        memberships: [{ person_id: 'r1', organization_id: 'council', start_date: '2001' }],
      }),
      { name: 'Wikidata Test Register', publisher: 'officegraph tests' },
    );
    const result = await writeConversion(server.app.store, popolo);
    expect(result.entities).toEqual({ created: 2, matched: 1 });
    const response = await server.graphql(`{
      entityByIdentifier(scheme: "test_register", value: "r1") {
        id name aliases identifiers { scheme value } evidence { source { id } }
        ... on Person { tenures(at: "2001-06-01") { post { name } } }
      }
    }`);
    expect(response.body).toEqual({
      data: {
        entityByIdentifier: {
          id: PUTIN,
          name: 'Vladimir Putin',
          aliases: ['Vladimir Vladimirovich Putin', 'V. V. Putin'],
          identifiers: [
            { scheme: 'wikidata', value: 'Q7747' },
            { scheme: 'test_register', value: 'r1' },
          ],
          evidence: [{ source: { id: 'source:wikidata-q7747' } }, { source: { id: 'source:wikidata-test-register' } }],
          tenures: expect.arrayContaining([{ post: { name: 'Member of the Wikidata Test Council' } }, { post: { name: labelFile('Q218295') } }]),
        },
      },
    });
  });
});
