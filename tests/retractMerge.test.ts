/**
 * Statement-level provenance over time: retracting one of two supporting sources keeps a fact
 * with the other's evidence, retracting the second removes it, and a fact that points at an
 * entity only the first source mentioned keeps that entity alive. Merging two entities keeps
 * every piece of evidence and leaves the old id resolving to the kept one. All data here is
 * invented test data, removed again at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './helpers/testServer.js';
import { AUTH, graphCounts, ingest, retract, testDocument, startWriteTestServer } from './helpers/writeHelpers.js';

let server: TestServer;
let baseline: { nodes: number; relationships: number };

beforeAll(async () => {
  server = await startWriteTestServer();
  baseline = await graphCounts(server);
});

afterAll(async () => {
  await server?.stop();
});

const ok = (response: { body: { errors?: unknown } }) => expect(response.body.errors).toBeUndefined();

describe('retractSource', () => {
  const first = 'Zhao Retracttest, Director of the Retract Test Bureau, presided over the Retract Test Bureau Work Meeting.';
  const second =
    'Zhao Retracttest, Director of the Retract Test Bureau, spoke at the Retract Test Follow-up Meeting, which reviewed the decisions of the Retract Test Bureau Work Meeting.';
  const shared = (quote: string) => [
    { kind: 'PERSON', ref: 'zhao', name: 'Zhao Retracttest', quote: 'Zhao Retracttest' },
    { kind: 'ORGANIZATION', ref: 'bureau', name: 'Retract Test Bureau', orgType: 'AGENCY', quote },
    { kind: 'POST', ref: 'director', name: 'Director of the Retract Test Bureau', role: 'Director', quote },
  ];
  const sharedFacts = (quote: string) => [
    { type: 'POST_OF', from: 'director', to: 'bureau', quote },
    { type: 'TENURE', person: 'zhao', post: 'director', quote: `Zhao Retracttest, ${quote}` },
  ];
  const sourceA = testDocument(
    'retract-test-a',
    [first],
    [
      ...shared('Director of the Retract Test Bureau'),
      { kind: 'EVENT', ref: 'meeting', name: 'Retract Test Bureau Work Meeting', quote: 'the Retract Test Bureau Work Meeting' },
    ],
    [
      ...sharedFacts('Director of the Retract Test Bureau'),
      { type: 'ORGANIZED_BY', from: 'meeting', to: 'bureau', quote: 'Retract Test Bureau Work Meeting' },
      { type: 'PARTICIPATION', person: 'zhao', event: 'meeting', role: 'PRESIDED', quote: first },
    ],
  );
  const sourceB = testDocument(
    'retract-test-b',
    [second],
    [
      ...shared('Director of the Retract Test Bureau'),
      { kind: 'EVENT', ref: 'follow-up', name: 'Retract Test Follow-up Meeting', quote: 'the Retract Test Follow-up Meeting' },
    ],
    [
      ...sharedFacts('Director of the Retract Test Bureau'),
      { type: 'PARTICIPATION', person: 'zhao', event: 'follow-up', role: 'SPOKE', quote: 'Zhao Retracttest, Director of the Retract Test Bureau, spoke at the Retract Test Follow-up Meeting' },
      // Points at an entity only source A mentions, by its id.
      { type: 'REFERENCED', from: 'follow-up', to: 'event:retract-test-bureau-work-meeting', quote: 'reviewed the decisions of the Retract Test Bureau Work Meeting' },
    ],
  );
  const TENURE = 'tenure:zhao-retracttest--director-of-the-retract-test-bureau--undated';
  const tenureQuery = `{ person(id: "person:zhao-retracttest") { tenures { id evidence { source { id } } } } }`;

  it('lists the evidence of both sources on a fact both state', async () => {
    ok(await ingest(server, sourceA));
    ok(await ingest(server, sourceB));
    expect((await server.graphql(tenureQuery)).body).toEqual({
      data: {
        person: {
          tenures: [{ id: TENURE, evidence: [{ source: { id: 'source:retract-test-a' } }, { source: { id: 'source:retract-test-b' } }] }],
        },
      },
    });
  });

  it('keeps a fact with one evidence when one of its two sources is retracted', async () => {
    const response = await retract(server, 'source:retract-test-a');
    expect(response.body).toEqual({
      data: { retractSource: { sourceId: 'source:retract-test-a', factsRemoved: 2, factsKept: 2, entitiesRemoved: [] } },
    });
    expect((await server.graphql(tenureQuery)).body).toEqual({
      data: { person: { tenures: [{ id: TENURE, evidence: [{ source: { id: 'source:retract-test-b' } }] }] } },
    });
    const meeting = await server.graphql(`{
      event(id: "event:retract-test-bureau-work-meeting") { id evidence { quote } organizers { id } participants { role } referencedBy { id } }
      source(id: "source:retract-test-a") { id }
    }`);
    expect(meeting.body).toEqual({
      data: {
        event: {
          id: 'event:retract-test-bureau-work-meeting',
          evidence: [],
          organizers: [],
          participants: [],
          referencedBy: [{ id: 'event:retract-test-follow-up-meeting' }],
        },
        source: null,
      },
    });
  });

  it('removes the fact, and the entities nothing supports any more, when the other source goes too', async () => {
    const response = await retract(server, 'source:retract-test-b');
    expect(response.body).toEqual({
      data: {
        retractSource: {
          sourceId: 'source:retract-test-b',
          factsRemoved: 4,
          factsKept: 0,
          entitiesRemoved: [
            'event:retract-test-bureau-work-meeting',
            'event:retract-test-follow-up-meeting',
            'org:retract-test-bureau',
            'person:zhao-retracttest',
            'post:director-of-the-retract-test-bureau',
          ],
        },
      },
    });
    expect(await graphCounts(server)).toEqual(baseline);
  });

  it('answers NOT_FOUND for a source that is not there', async () => {
    const response = await retract(server, 'source:retract-test-a');
    expect(response.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['No source with id "source:retract-test-a".', 'NOT_FOUND'],
    ]);
  });
});

describe('retractSource of a source that only refers to facts by id', () => {
  const text = 'Sun Successiontest served as Chair of the Succession Test Board until 2025, when Li Successiontest took over as Chair of the Succession Test Board.';
  const base = testDocument(
    'succession-test-base',
    [text],
    [
      { kind: 'PERSON', ref: 'sun', name: 'Sun Successiontest', quote: 'Sun Successiontest' },
      { kind: 'PERSON', ref: 'li', name: 'Li Successiontest', quote: 'Li Successiontest' },
      { kind: 'ORGANIZATION', ref: 'board', name: 'Succession Test Board', quote: 'Succession Test Board' },
      { kind: 'POST', ref: 'chair', name: 'Chair of the Succession Test Board', role: 'Chair', quote: 'Chair of the Succession Test Board' },
    ],
    [
      { type: 'POST_OF', from: 'chair', to: 'board', quote: 'Chair of the Succession Test Board' },
      { type: 'TENURE', person: 'sun', post: 'chair', endDate: '2025', quote: 'Sun Successiontest served as Chair of the Succession Test Board until 2025' },
      { type: 'TENURE', person: 'li', post: 'chair', startDate: '2025', quote: 'Li Successiontest took over as Chair of the Succession Test Board' },
    ],
  );
  const later = 'tenure:li-successiontest--chair-of-the-succession-test-board--2025';
  const earlier = 'tenure:sun-successiontest--chair-of-the-succession-test-board--undated';
  // Names no entity itself: its one fact points at two tenures of the other source by id.
  const succession = testDocument('succession-test-link', ['Li Successiontest succeeded Sun Successiontest.'], [], [
    { type: 'SUCCEEDS', from: later, to: earlier, quote: 'Li Successiontest succeeded Sun Successiontest.' },
  ]);
  const stated = `{ post(id: "post:chair-of-the-succession-test-board") { tenures { id predecessor { id } } } }`;

  it('finds and removes the facts through the ids it referred to', async () => {
    ok(await ingest(server, base));
    ok(await ingest(server, succession));
    const session = server.app.driver.session();
    const succeeds = async () =>
      (await session.run('MATCH (:Tenure {id: $later})-[r:SUCCEEDS]->(:Tenure {id: $earlier}) RETURN r.sourceIds AS s', { later, earlier })).records.map(
        (record) => record.get('s'),
      );
    try {
      expect(await succeeds()).toEqual([['source:succession-test-link']]);
      const response = await retract(server, 'source:succession-test-link');
      expect(response.body).toEqual({
        data: { retractSource: { sourceId: 'source:succession-test-link', factsRemoved: 1, factsKept: 0, entitiesRemoved: [] } },
      });
      expect(await succeeds()).toEqual([]);
    } finally {
      await session.close();
    }
    expect((await server.graphql(stated)).body.data?.post.tenures).toHaveLength(2);
    ok(await retract(server, 'source:succession-test-base'));
    expect(await graphCounts(server)).toEqual(baseline);
  });

  it('still finds the facts an earlier version of the source referred to by id after a re-ingest', async () => {
    ok(await ingest(server, base));
    ok(await ingest(server, succession));
    // The same source again, now referring to another entity by id; its SUCCEEDS fact stays.
    const revised = testDocument(
      'succession-test-link',
      ['Li Successiontest succeeded Sun Successiontest.', 'The Succession Test Board sits in Succession Test City.'],
      [{ kind: 'PLACE', ref: 'city', name: 'Succession Test City', quote: 'Succession Test City' }],
      [{ type: 'BASED_IN', from: 'org:succession-test-board', to: 'city', quote: 'The Succession Test Board sits in Succession Test City.' }],
    );
    ok(await ingest(server, revised));
    const response = await retract(server, 'source:succession-test-link');
    expect(response.body).toEqual({
      data: {
        retractSource: {
          sourceId: 'source:succession-test-link',
          factsRemoved: 2,
          factsKept: 0,
          entitiesRemoved: ['place:succession-test-city'],
        },
      },
    });
    const session = server.app.driver.session();
    try {
      const stillStated = await session.run('MATCH (:Tenure {id: $later})-[r:SUCCEEDS]->(:Tenure {id: $earlier}) RETURN r', { later, earlier });
      expect(stillStated.records).toEqual([]);
    } finally {
      await session.close();
    }
    ok(await retract(server, 'source:succession-test-base'));
    expect(await graphCounts(server)).toEqual(baseline);
  });
});

describe('mergeEntities', () => {
  const textC = 'Qian Mergetest, Director of the Merge Test Bureau, presided over the Merge Test Meeting.';
  const textD = 'Qian Merge-Test, Director of the Merge Test Bureau, presided over the Merge Test Meeting and spoke at it.';
  const common = (person: string, name: string, quote: string) => ({
    entities: [
      {
        kind: 'PERSON',
        ref: 'qian',
        name,
        quote: name,
        identifiers: [`test:qian-${person}`],
        ...(person === 'c' ? { aliases: ['钱合并'] } : {}),
      },
      { kind: 'ORGANIZATION', ref: 'bureau', name: 'Merge Test Bureau', orgType: 'AGENCY', quote: 'Merge Test Bureau' },
      { kind: 'POST', ref: 'director', name: 'Director of the Merge Test Bureau', role: 'Director', quote: 'Director of the Merge Test Bureau' },
      { kind: 'EVENT', ref: 'meeting', name: 'Merge Test Meeting', quote: 'the Merge Test Meeting' },
    ],
    facts: [
      { type: 'POST_OF', from: 'director', to: 'bureau', quote: 'Director of the Merge Test Bureau' },
      { type: 'TENURE', person: 'qian', post: 'director', quote: `${name}, Director of the Merge Test Bureau` },
      { type: 'PARTICIPATION', person: 'qian', event: 'meeting', role: 'PRESIDED', capacity: 'director', quote },
    ],
  });
  const c = common('c', 'Qian Mergetest', textC);
  const d = common('d', 'Qian Merge-Test', 'Qian Merge-Test, Director of the Merge Test Bureau, presided over the Merge Test Meeting');
  const sourceC = testDocument('merge-test-c', [textC], c.entities, c.facts);
  const sourceD = testDocument('merge-test-d', [textD], d.entities, [
    ...d.facts,
    { type: 'PARTICIPATION', person: 'qian', event: 'meeting', role: 'SPOKE', quote: 'and spoke at it' },
  ]);
  const KEEP = 'person:qian-mergetest';
  const DROP = 'person:qian-merge-test';
  const MERGE = `mutation ($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop) { id name aliases } }`;
  const personQuery = `query ($id: ID!) {
    person(id: $id) {
      id name aliases identifiers { scheme value }
      evidence { source { id } }
      tenures { id post { id } evidence { quote source { id } } }
      participations { role event { id } capacity { id } evidence { source { id } } }
    }
  }`;
  const merged = {
    id: KEEP,
    name: 'Qian Mergetest',
    aliases: ['钱合并', 'Qian Merge-Test'],
    identifiers: [
      { scheme: 'test', value: 'qian-c' },
      { scheme: 'test', value: 'qian-d' },
    ],
    evidence: [{ source: { id: 'source:merge-test-c' } }, { source: { id: 'source:merge-test-d' } }],
    tenures: [
      {
        id: 'tenure:qian-mergetest--director-of-the-merge-test-bureau--undated',
        post: { id: 'post:director-of-the-merge-test-bureau' },
        evidence: [
          { quote: 'Qian Mergetest, Director of the Merge Test Bureau', source: { id: 'source:merge-test-c' } },
          { quote: 'Qian Merge-Test, Director of the Merge Test Bureau', source: { id: 'source:merge-test-d' } },
        ],
      },
    ],
    participations: [
      {
        role: 'PRESIDED',
        event: { id: 'event:merge-test-meeting' },
        capacity: { id: 'post:director-of-the-merge-test-bureau' },
        evidence: [{ source: { id: 'source:merge-test-c' } }, { source: { id: 'source:merge-test-d' } }],
      },
      { role: 'SPOKE', event: { id: 'event:merge-test-meeting' }, capacity: null, evidence: [{ source: { id: 'source:merge-test-d' } }] },
    ],
  };

  it('starts from two people who are one', async () => {
    ok(await ingest(server, sourceC));
    ok(await ingest(server, sourceD));
    const response = await server.graphql(`{ search(text: "Qian Mergetest", kinds: [PERSON]) { entity { id } } }`);
    const ids = response.body.data?.search.map((hit: { entity: { id: string } }) => hit.entity.id);
    expect(ids.filter((id: string) => id.startsWith('person:qian-')).sort()).toEqual([DROP, KEEP]);
  });

  it('refuses a merge of different kinds, of unknown ids and of an entity with itself', async () => {
    const kinds = await server.graphql(MERGE, { keep: KEEP, drop: 'event:merge-test-meeting' }, AUTH);
    const unknown = await server.graphql(MERGE, { keep: KEEP, drop: 'person:nobody-at-all' }, AUTH);
    const itself = await server.graphql(MERGE, { keep: KEEP, drop: KEEP }, AUTH);
    expect([kinds, unknown, itself].map((response) => response.body.errors?.map((error) => [error.extensions?.code, error.message]))).toEqual([
      [['BAD_USER_INPUT', 'drop: expected an entity of the same kind as keep (PERSON), but got: "event:merge-test-meeting" (a EVENT)']],
      [['NOT_FOUND', 'No entity with id "person:nobody-at-all".']],
      [['BAD_USER_INPUT', 'drop: expected an id other than keep, but got: "person:qian-mergetest"']],
    ]);
  });

  it('moves every fact and alias onto the kept entity, with all the evidence', async () => {
    const response = await server.graphql(MERGE, { keep: KEEP, drop: DROP }, AUTH);
    expect(response.body).toEqual({ data: { mergeEntities: { id: KEEP, name: 'Qian Mergetest', aliases: ['钱合并', 'Qian Merge-Test'] } } });
    expect((await server.graphql(personQuery, { id: KEEP })).body).toEqual({ data: { person: merged } });
  });

  it('resolves the old id to the kept entity', async () => {
    expect((await server.graphql(personQuery, { id: DROP })).body).toEqual({ data: { person: merged } });
    const again = await server.graphql(MERGE, { keep: KEEP, drop: DROP }, AUTH);
    expect(again.body.errors?.map((error) => error.message)).toEqual([
      'drop: was already merged into "person:qian-mergetest", but got: "person:qian-merge-test"',
    ]);
  });

  it('sends a later ingest of the old name to the kept entity', async () => {
    const before = await graphCounts(server);
    const response = await ingest(server, sourceD);
    expect(response.body.data?.ingestDocument).toEqual({
      sourceId: 'source:merge-test-d',
      sourceCreated: false,
      entities: { created: 0, matched: 4 },
      facts: { created: 0, matched: 4 },
    });
    expect(await graphCounts(server)).toEqual(before);
    expect((await server.graphql(personQuery, { id: KEEP })).body).toEqual({ data: { person: merged } });
  });

  it('is undone with the sources, leaving only the redirects', async () => {
    ok(await retract(server, 'source:merge-test-c'));
    const last = await retract(server, 'source:merge-test-d');
    expect(last.body.data?.retractSource.entitiesRemoved).toEqual([
      'event:merge-test-meeting',
      'org:merge-test-bureau',
      KEEP,
      'post:director-of-the-merge-test-bureau',
    ]);
    const session = server.app.driver.session();
    try {
      const removed = await session.run(
        `MATCH (r:Redirect) WHERE r.id IN [$drop, 'tenure:qian-merge-test--director-of-the-merge-test-bureau--undated'] DELETE r RETURN count(*) AS n`,
        { drop: DROP },
      );
      expect(removed.records[0]?.get('n')).toBe(2);
    } finally {
      await session.close();
    }
    expect(await graphCounts(server)).toEqual(baseline);
  });
});

describe('mergeEntities twice in a row', () => {
  const text = 'Wu Chaintest, Wu Chain-Test and Wu Chain-Tester each served as Director of the Chain Test Office.';
  const people = ['Wu Chaintest', 'Wu Chain-Test', 'Wu Chain-Tester'];
  const document = testDocument(
    'merge-chain-test',
    [text],
    [
      ...people.map((name, index) => ({ kind: 'PERSON', ref: `wu${index}`, name, quote: name })),
      { kind: 'ORGANIZATION', ref: 'office', name: 'Chain Test Office', orgType: 'AGENCY', quote: 'Chain Test Office' },
      { kind: 'POST', ref: 'director', name: 'Director of the Chain Test Office', role: 'Director', quote: 'Director of the Chain Test Office' },
    ],
    [
      { type: 'POST_OF', from: 'director', to: 'office', quote: 'Director of the Chain Test Office' },
      ...people.map((_, index) => ({ type: 'TENURE', person: `wu${index}`, post: 'director', quote: 'served as Director of the Chain Test Office' })),
    ],
  );
  const MERGE = `mutation ($keep: ID!, $drop: ID!) { mergeEntities(keep: $keep, drop: $drop) { id } }`;
  const tenure = (person: string) => `tenure:${person}--director-of-the-chain-test-office--undated`;

  it('sends the old ids of the first merge, tenures included, to the entity of the second', async () => {
    ok(await ingest(server, document));
    ok(await server.graphql(MERGE, { keep: 'person:wu-chain-test', drop: 'person:wu-chaintest' }, AUTH));
    ok(await server.graphql(MERGE, { keep: 'person:wu-chain-tester', drop: 'person:wu-chain-test' }, AUTH));
    const session = server.app.driver.session();
    try {
      const redirects = await session.run('MATCH (r:Redirect) WHERE r.id STARTS WITH $person OR r.id STARTS WITH $tenure RETURN r.id AS id, r.target AS target ORDER BY id', {
        person: 'person:wu-chain',
        tenure: 'tenure:wu-chain',
      });
      expect(redirects.records.map((record) => [record.get('id'), record.get('target')])).toEqual([
        ['person:wu-chain-test', 'person:wu-chain-tester'],
        ['person:wu-chaintest', 'person:wu-chain-tester'],
        [tenure('wu-chain-test'), tenure('wu-chain-tester')],
        [tenure('wu-chaintest'), tenure('wu-chain-tester')],
      ]);
      ok(await retract(server, 'source:merge-chain-test'));
      await session.run('MATCH (r:Redirect) WHERE r.id STARTS WITH $person OR r.id STARTS WITH $tenure DELETE r', {
        person: 'person:wu-chain',
        tenure: 'tenure:wu-chain',
      });
    } finally {
      await session.close();
    }
    expect(await graphCounts(server)).toEqual(baseline);
  });
});
