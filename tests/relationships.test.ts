/**
 * Relationship queries on a generated graph with known answers (tests/fixtures/generateSuccession.ts)
 * next to the seed: as-of roles on partial dates, succession, holders between two dates, paths
 * and neighborhoods as of a date, colleagues, interlocks, timelines, theme people, the Relay
 * connections, and the number of Cypher round trips of a nested query.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { mergeEntities } from '../src/ingest/mergeEntities.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { crowdDocument, crowdedPathDocument, GEN, successionDocuments } from './fixtures/generateSuccession.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

let server: TestServer;
let queriesSent = 0;

beforeAll(async () => {
  server = await startTestServer(
    { OFFICEGRAPH_MAX_COST: '10000000', OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS },
    { onQuery: () => { queriesSent += 1; } },
  );
  for (const document of successionDocuments()) await ingestDocument(server.app.store, document);
});

const CROWDS = [['five', 5], ['fifty', 50]] as const;
const CROWDED_PATHS = 'crowdpaths';

afterAll(async () => {
  // Leave the store as the seed made it, for the test files that run after this one.
  if (server) {
    const sources = [GEN.register, GEN.bulletin, GEN.report, ...CROWDS.map(([tag]) => `source:gen-${tag}`), `source:gen-${CROWDED_PATHS}`];
    for (const source of sources) await retractSource(server.app.store, source).catch(() => undefined);
    const left = await server.graphql(`{ people(nameContains: "gentest") { totalCount } organizations(nameContains: "gen ") { totalCount } }`);
    expect(left.body.data).toEqual({ people: { totalCount: 0 }, organizations: { totalCount: 0 } });
  }
  await server?.stop();
});

async function data(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.graphql(query, variables);
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Record<string, any>;
}

async function errorOf(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.graphql(query, variables);
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors ?? [];
  return { code: error?.extensions?.code, message: error?.message };
}

const holdersAt = async (at: string) =>
  (await data(`query ($post: ID!, $at: Date) { roleHolders(post: $post, at: $at) { person { id } } }`, { post: GEN.chief, at }))
    .roleHolders.map((tenure: { person: { id: string } }) => tenure.person.id);

describe('who held a post as of a date', () => {
  it.each([
    ['2009', []],
    ['2012-07-04', [GEN.alice]],
    // Alice's stated end "2014-06" covers all of June; Bob's start "2014-06" too: both.
    ['2014-06', [GEN.alice, GEN.bob]],
    ['2014-06-30', [GEN.alice, GEN.bob]],
    ['2014-07-01', [GEN.bob]],
    // Bob's end is derived from Carol's start: the day before it is his, that day is hers.
    ['2018-03-14', [GEN.bob]],
    ['2018-03-15', [GEN.carol]],
    ['2018', [GEN.bob, GEN.carol]],
    // Dan has no stated start: he counts from his earliest source (published 2021-05).
    ['2021-04-30', [GEN.carol]],
    // A derived end is the first day of the successor's start: "2021-05" is all Dan's.
    ['2021-05', [GEN.dan]],
    ['2021-05-01', [GEN.dan]],
    ['2030', [GEN.dan]],
  ])('as of %s', async (at, expected) => {
    expect(await holdersAt(at)).toEqual(expected);
  });

  it('lists the succession in order with effective dates, neighbours and evidence', async () => {
    const { succession } = await data(
      `query ($post: ID!) {
        succession(post: $post) {
          person { id } startDate endDate attestedFrom effectiveStart effectiveEnd
          predecessor { person { id } } successor { person { id } }
          evidence { quote source { id } }
        }
      }`,
      { post: GEN.chief },
    );
    const evidence = (quote: string, source: string = GEN.register) => [{ quote, source: { id: source } }];
    expect(succession).toEqual([
      {
        person: { id: GEN.alice }, startDate: '2010', endDate: '2014-06', attestedFrom: '2020-01',
        effectiveStart: '2010', effectiveEnd: '2014-06', predecessor: null, successor: { person: { id: GEN.bob } },
        evidence: evidence('Alice Gentest was Chief from 2010 to June 2014.'),
      },
      {
        person: { id: GEN.bob }, startDate: '2014-06', endDate: null, attestedFrom: '2020-01',
        effectiveStart: '2014-06', effectiveEnd: '2018-03-15', predecessor: { person: { id: GEN.alice } }, successor: { person: { id: GEN.carol } },
        evidence: evidence('Bob Gentest became Chief in June 2014.'),
      },
      {
        person: { id: GEN.carol }, startDate: '2018-03-15', endDate: null, attestedFrom: '2020-01',
        effectiveStart: '2018-03-15', effectiveEnd: '2021-05', predecessor: { person: { id: GEN.bob } }, successor: { person: { id: GEN.dan } },
        evidence: evidence('Carol Gentest became Chief on 15 March 2018.'),
      },
      {
        person: { id: GEN.dan }, startDate: null, endDate: null, attestedFrom: '2021-05',
        effectiveStart: '2021-05', effectiveEnd: null, predecessor: { person: { id: GEN.carol } }, successor: null,
        evidence: evidence('Dan Gentest, Chief of the Gen Bureau, spoke to the press.', GEN.bulletin),
      },
    ]);
  });

  it('follows a stated succession', async () => {
    const { succession } = await data(
      `query ($post: ID!) { succession(post: $post) { person { id } effectiveEnd predecessor { person { id } } } }`,
      { post: GEN.chair },
    );
    expect(succession).toEqual([
      { person: { id: GEN.erin }, effectiveEnd: '2020', predecessor: null },
      { person: { id: GEN.frank }, effectiveEnd: null, predecessor: { person: { id: GEN.erin } } },
    ]);
  });

  it('says who held a post between two dates, ends included', async () => {
    const between = async (from: string | null, to: string | null) =>
      (await data(`query ($post: ID!, $from: Date, $to: Date) { roleHolders(post: $post, from: $from, to: $to) { person { id } } }`, { post: GEN.chief, from, to }))
        .roleHolders.map((tenure: { person: { id: string } }) => tenure.person.id);
    expect(await between('2015', '2019')).toEqual([GEN.bob, GEN.carol]);
    expect(await between('2014-07', '2018-03-14')).toEqual([GEN.bob]);
    expect(await between('2018-03-15', '2021-04')).toEqual([GEN.carol]);
    expect(await between('2021', null)).toEqual([GEN.carol, GEN.dan]);
    expect(await between(null, '2014-05')).toEqual([GEN.alice]);
  });

  it('refuses a range that ends before it starts, or `at` with a range', async () => {
    expect(await errorOf(`{ roleHolders(post: "${GEN.chief}", from: "2020", to: "2019-12") { id } }`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'to: expected a date not before from (2020), but got: "2019-12"',
    });
    expect((await errorOf(`{ roleHolders(post: "${GEN.chief}", at: "2020", from: "2019") { id } }`)).code).toBe('BAD_USER_INPUT');
    expect(await errorOf(`{ succession(post: "post:gen-nobody") { id } }`)).toEqual({
      code: 'NOT_FOUND',
      message: 'No post (post) with id "post:gen-nobody".',
    });
  });

  it('applies the same rules to Person.tenures and a person holding two posts at once', async () => {
    const tenures = async (at: string) =>
      (await data(`query ($id: ID!, $at: Date) { person(id: $id) { tenures(at: $at) { post { id } } } }`, { id: GEN.erin, at }))
        .person.tenures.map((tenure: { post: { id: string } }) => tenure.post.id);
    expect(await tenures('2016-06')).toEqual([GEN.deputy]);
    expect(await tenures('2018')).toEqual([GEN.deputy, GEN.chair]);
    // "2019" as a stated end covers the whole year.
    expect(await tenures('2019-12-31')).toEqual([GEN.deputy, GEN.chair]);
    expect(await tenures('2020-01-01')).toEqual([]);
  });
});

describe('paths', () => {
  const pathsQuery = `query ($from: ID!, $to: ID!, $maxHops: Int, $first: Int, $at: Date) {
    paths(from: $from, to: $to, maxHops: $maxHops, first: $first, at: $at) {
      length nodes { id } edges { type source target evidence { quote } }
    }
  }`;

  it('walks a long chain, shortest first, each hop with type, direction and evidence', async () => {
    const { paths } = await data(pathsQuery, { from: GEN.chain(0), to: GEN.chain(6), maxHops: 8 });
    expect(paths).toEqual([
      {
        length: 6,
        nodes: [0, 1, 2, 3, 4, 5, 6].map((index) => ({ id: GEN.chain(index) })),
        edges: [0, 1, 2, 3, 4, 5].map((index) => ({
          type: 'PART_OF',
          source: GEN.chain(index),
          target: GEN.chain(index + 1),
          evidence: [{ quote: `Link ${index} is part of link ${index + 1}.` }],
        })),
      },
    ]);
    // Walking against the stored direction keeps the edges as stored.
    const back = await data(pathsQuery, { from: GEN.chain(2), to: GEN.chain(0) });
    expect(back.paths[0].edges.map((edge: { source: string }) => edge.source)).toEqual([GEN.chain(1), GEN.chain(0)]);
  });

  it('finds nothing beyond maxHops and refuses maxHops above 8', async () => {
    expect((await data(pathsQuery, { from: GEN.chain(0), to: GEN.chain(6), maxHops: 5 })).paths).toEqual([]);
    expect(await errorOf(pathsQuery, { from: GEN.chain(0), to: GEN.chain(10), maxHops: 9 })).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'maxHops: expected a whole number from 1 to 8, but got: 9',
    });
  });

  it('walks only tenures held on `at`', async () => {
    const alicesBob = async (at: string | null) =>
      (await data(pathsQuery, { from: GEN.alice, to: GEN.bob, maxHops: 2, at })).paths.map(
        (path: { edges: Array<{ type: string; source: string; target: string }> }) => path.edges.map((edge) => `${edge.source} ${edge.type} ${edge.target}`),
      );
    const viaChief = [`${GEN.alice} HOLDS ${GEN.chief}`, `${GEN.bob} HOLDS ${GEN.chief}`];
    expect(await alicesBob(null)).toEqual([viaChief]);
    expect(await alicesBob('2014-06')).toEqual([viaChief]);
    expect(await alicesBob('2015')).toEqual([]);
    expect(await alicesBob('2012')).toEqual([]);
  });

  it('passes through a tenure only from its holder to its post, so every edge joins two entities', async () => {
    // Frank's tenure as Chair SUCCEEDS Erin's: a walk along SUCCEEDS would be one "hop" between
    // two tenures, with no edge a client could draw.
    const { paths } = await data(pathsQuery, { from: GEN.frank, to: GEN.erin, maxHops: 2 });
    const ids = new Set<string>();
    for (const path of paths as Array<{ nodes: Array<{ id: string }>; edges: Array<{ type: string; source: string; target: string }> }>) {
      for (const node of path.nodes) ids.add(node.id);
      for (const [index, edge] of path.edges.entries()) {
        const ends = [path.nodes[index]?.id, path.nodes[index + 1]?.id].sort();
        expect([edge.source, edge.target].sort(), JSON.stringify(path)).toEqual(ends);
      }
    }
    expect([...ids].filter((id) => id.startsWith('tenure:'))).toEqual([]);
    expect(paths[0].edges.map((edge: { source: string; type: string; target: string }) => `${edge.source} ${edge.type} ${edge.target}`)).toEqual([
      `${GEN.frank} HOLDS ${GEN.chair}`,
      `${GEN.erin} HOLDS ${GEN.chair}`,
    ]);
  });

  it('finds a path within maxHops through tenures when more, longer paths have fewer stored steps', async () => {
    await ingestDocument(server.app.store, crowdedPathDocument(CROWDED_PATHS, 25));
    // Taken out again at the end: the paging tests below count every "Gentest" person and "gen" event.
    onTestFinished(() => retractSource(server.app.store, `source:gen-${CROWDED_PATHS}`).then(() => undefined));
    const [x, y, clerk] = ['x', 'y'].map((key) => `person:gen-${CROWDED_PATHS}-${key}`).concat(`post:gen-${CROWDED_PATHS}-post`);
    const edgesOf = async (maxHops: number) =>
      (await data(pathsQuery, { from: x, to: y, maxHops, first: 20 })).paths.map((path: { edges: Array<{ source: string; type: string; target: string }> }) =>
        path.edges.map((edge) => `${edge.source} ${edge.type} ${edge.target}`),
      );
    expect(await edgesOf(2)).toEqual([[`${x} HOLDS ${clerk}`, `${y} HOLDS ${clerk}`]]);
    const withinThree = await edgesOf(3);
    expect(withinThree[0]).toEqual([`${x} HOLDS ${clerk}`, `${y} HOLDS ${clerk}`]);
    expect(withinThree.length).toBeGreaterThan(1);
    expect(withinThree.slice(1).every((edges: string[]) => edges.length === 3)).toBe(true);
  });

  it('leaves out events that had not happened yet', async () => {
    const carolToErin = async (at: string) =>
      (await data(pathsQuery, { from: GEN.carol, to: GEN.erin, maxHops: 2, at })).paths.map((path: { nodes: Array<{ id: string }> }) => path.nodes.map((node) => node.id));
    expect(await carolToErin('2017-12')).toEqual([[GEN.carol, GEN.summit, GEN.erin]]);
    expect(await carolToErin('2017-04')).toEqual([]);
  });
});

describe('neighborhood as of a date', () => {
  const query = `query ($id: ID!, $at: Date) { neighborhood(id: $id, depth: 1, at: $at) { nodes { id } edges { id type source target } truncated } }`;

  it('keeps only the tenures held then', async () => {
    expect((await data(query, { id: GEN.chief, at: '2018' })).neighborhood).toEqual({
      nodes: [{ id: GEN.chief }, { id: GEN.bureau }, { id: GEN.bob }, { id: GEN.carol }],
      edges: [
        { id: 'post_of:post:gen-chief->org:gen-bureau', type: 'POST_OF', source: GEN.chief, target: GEN.bureau },
        { id: 'tenure:gen-bob--gen-chief--2014-06', type: 'HOLDS', source: GEN.bob, target: GEN.chief },
        { id: 'tenure:gen-carol--gen-chief--2018-03-15', type: 'HOLDS', source: GEN.carol, target: GEN.chief },
      ],
      truncated: false,
    });
    const allTime = (await data(query, { id: GEN.chief, at: null })).neighborhood;
    expect(allTime.nodes.map((node: { id: string }) => node.id)).toEqual([GEN.chief, GEN.bureau, GEN.alice, GEN.bob, GEN.carol, GEN.dan]);
  });

  it('leaves out events dated after it', async () => {
    const ids = async (at: string) => (await data(query, { id: GEN.erin, at })).neighborhood.nodes.map((node: { id: string }) => node.id);
    expect(await ids('2017-06')).toEqual([GEN.erin, GEN.summit, GEN.chair, GEN.deputy]);
    expect(await ids('2023')).toEqual([GEN.erin, GEN.forum, GEN.summit]);
  });

  it('reads the nodes\' and edges\' properties and the evidence only when asked, with the same nodes and edges either way', async () => {
    const bare = `query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) {
      nodes { id kind label } edges { id type source target } } }`;
    const full = `query ($id: ID!, $depth: Int) { neighborhood(id: $id, depth: $depth) {
      nodes { id kind label properties } edges { id type source target properties evidence { quote } } } }`;
    const types = new Set<string>();
    for (const [id, depth] of [[GEN.chief, 1], [GEN.erin, 2]] as const) {
      const whole: {
        nodes: Array<{ id: string; kind: string; label: string; properties: Record<string, unknown> }>;
        edges: Array<{ id: string; type: string; source: string; target: string; properties: Record<string, unknown>; evidence: unknown[] }>;
      } = (await data(full, { id, depth })).neighborhood;
      const bareAnswer = (await data(bare, { id, depth })).neighborhood;
      expect(bareAnswer.nodes).toEqual(whole.nodes.map((node) => ({ id: node.id, kind: node.kind, label: node.label })));
      expect(bareAnswer.edges).toEqual(whole.edges.map((edge) => ({ id: edge.id, type: edge.type, source: edge.source, target: edge.target })));
      // Asked for, the properties are all there (more than id, kind and name).
      for (const node of whole.nodes) expect(Object.keys(node.properties).length, node.id).toBeGreaterThan(3);
      for (const edge of whole.edges) {
        types.add(edge.type);
        expect(edge.evidence.length, edge.id).toBeGreaterThan(0);
        expect(edge.properties.sourceIds, edge.id).toBeDefined();
      }
    }
    // Ids made of properties: a tenure's id, a participation's role.
    for (const type of ['HOLDS', 'POST_OF', 'PARTICIPATED_IN']) expect(types.has(type), type).toBe(true);
  });
});

describe('colleagues and interlocks', () => {
  const colleaguesQuery = `query ($person: ID!, $at: Date) { colleagues(person: $person, at: $at) { person { id } shared { id } } }`;
  const shape = (colleagues: Array<{ person: { id: string }; shared: Array<{ id: string }> }>) =>
    colleagues.map((colleague) => [colleague.person.id, colleague.shared.map((item) => item.id)]);

  it('finds people sharing organizations or events, most shared first', async () => {
    const { colleagues } = await data(colleaguesQuery, { person: GEN.bob });
    expect(shape(colleagues)).toEqual([
      [GEN.erin, [GEN.bureau, GEN.council, GEN.summit]],
      [GEN.carol, [GEN.bureau, GEN.summit]],
      [GEN.alice, [GEN.bureau]],
      [GEN.dan, [GEN.bureau]],
      [GEN.frank, [GEN.council]],
    ]);
  });

  it('as of a date, only posts held together then and events that had happened', async () => {
    expect(shape((await data(colleaguesQuery, { person: GEN.bob, at: '2017-06' })).colleagues)).toEqual([
      [GEN.erin, [GEN.bureau, GEN.summit]],
      [GEN.carol, [GEN.summit]],
    ]);
    expect(shape((await data(colleaguesQuery, { person: GEN.bob, at: '2014-06' })).colleagues)).toEqual([[GEN.alice, [GEN.bureau]]]);
  });

  it('finds the people who held posts in both organizations', async () => {
    const query = `query ($a: ID!, $b: ID!, $at: Date) {
      interlocks(orgA: $a, orgB: $b, at: $at) { person { id } tenuresA { post { id } } tenuresB { post { id } evidence { quote } } }
    }`;
    expect((await data(query, { a: GEN.bureau, b: GEN.council })).interlocks).toEqual([
      {
        person: { id: GEN.bob },
        tenuresA: [{ post: { id: GEN.chief } }],
        tenuresB: [{ post: { id: GEN.member }, evidence: [{ quote: 'Bob Gentest sat on the Council from April 2018 to December 2019.' }] }],
      },
      {
        person: { id: GEN.erin },
        tenuresA: [{ post: { id: GEN.deputy } }],
        tenuresB: [{ post: { id: GEN.chair }, evidence: [{ quote: 'Erin Gentest became Chair in February 2017.' }] }],
      },
    ]);
    expect((await data(query, { a: GEN.bureau, b: GEN.council, at: '2019-06' })).interlocks.map((item: { person: { id: string } }) => item.person.id)).toEqual([GEN.erin]);
    const firstQuery = `query ($at: Date) { interlocks(orgA: "${GEN.bureau}", orgB: "${GEN.council}", at: $at, first: 1) { person { id } } }`;
    expect((await data(firstQuery, { at: '2019-06' })).interlocks).toEqual([{ person: { id: GEN.erin } }]);
    expect((await errorOf(query, { a: GEN.bureau, b: GEN.bureau })).code).toBe('BAD_USER_INPUT');
  });
});

describe('timelines', () => {
  const query = `query ($id: ID!) { timeline(id: $id) { date kind summary entity { id } evidence { quote source { id } } } }`;

  it("tells a person's story in date order, with evidence", async () => {
    expect((await data(query, { id: GEN.bob })).timeline).toEqual([
      {
        date: '2014-06', kind: 'TENURE_STARTED', summary: 'Bob Gentest took up the post of Chief of the Gen Bureau', entity: { id: GEN.chief },
        evidence: [{ quote: 'Bob Gentest became Chief in June 2014.', source: { id: GEN.register } }],
      },
      {
        date: '2017-05-10', kind: 'EVENT', summary: 'Bob Gentest attended Gen Trade Summit 2017', entity: { id: GEN.summit },
        evidence: [{ quote: 'Bob Gentest attended the summit.', source: { id: GEN.register } }],
      },
      {
        date: '2018-04', kind: 'TENURE_STARTED', summary: 'Bob Gentest took up the post of Member of the Gen Council', entity: { id: GEN.member },
        evidence: [{ quote: 'Bob Gentest sat on the Council from April 2018 to December 2019.', source: { id: GEN.register } }],
      },
      {
        date: '2019-12', kind: 'TENURE_ENDED', summary: 'Bob Gentest left the post of Member of the Gen Council', entity: { id: GEN.member },
        evidence: [{ quote: 'Bob Gentest sat on the Council from April 2018 to December 2019.', source: { id: GEN.register } }],
      },
    ]);
  });

  it('covers an organization and a theme, attested starts included', async () => {
    const summary = async (id: string) =>
      (await data(query, { id })).timeline.map((entry: { date: string; kind: string; entity: { id: string } }) => [entry.date, entry.kind, entry.entity.id]);
    expect(await summary(GEN.bureau)).toEqual([
      ['2010', 'TENURE_STARTED', GEN.chief],
      ['2014-06', 'TENURE_ENDED', GEN.chief],
      ['2014-06', 'TENURE_STARTED', GEN.chief],
      ['2016', 'TENURE_STARTED', GEN.deputy],
      ['2017-05-10', 'EVENT', GEN.summit],
      ['2018-03-15', 'TENURE_STARTED', GEN.chief],
      ['2019', 'TENURE_ENDED', GEN.deputy],
      ['2021-05', 'TENURE_ATTESTED', GEN.chief],
    ]);
    expect(await summary(GEN.energy)).toEqual([
      ['2022-09', 'EVENT', GEN.forum],
      ['2022-09-30', 'DOCUMENT', GEN.plan],
    ]);
    expect((await errorOf(query, { id: GEN.summit })).code).toBe('BAD_USER_INPUT');
    expect((await errorOf(query, { id: 'person:gen-nobody' })).code).toBe('NOT_FOUND');
  });
});

describe('connections', () => {
  it('pages the people of a theme with a total count', async () => {
    const query = `query ($id: ID!, $after: String) {
      policyTheme(id: $id) { events { id } eventCount people(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id } } } }
    }`;
    const first = (await data(query, { id: GEN.trade })).policyTheme;
    expect(first.events).toEqual([{ id: GEN.forum }, { id: GEN.summit }]);
    expect(first.eventCount).toBe(2);
    expect(first.people.totalCount).toBe(4);
    expect(first.people.edges).toEqual([{ node: { id: GEN.bob } }, { node: { id: GEN.carol } }]);
    expect(first.people.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await data(query, { id: GEN.trade, after: first.people.pageInfo.endCursor })).policyTheme.people;
    expect(second.edges).toEqual([{ node: { id: GEN.dan } }, { node: { id: GEN.erin } }]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages the nested lists that can grow large', async () => {
    const query = `query ($after: String) {
      organization(id: "${GEN.bureau}") { postsConnection(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id role } } } }
      chain: organization(id: "${GEN.chain(1)}") { childrenConnection { totalCount edges { node { id } } } eventsConnection { totalCount } }
      policyTheme(id: "${GEN.trade}") { eventsConnection(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } } }
    }`;
    const first = await data(query);
    expect(first).toEqual({
      organization: {
        postsConnection: {
          totalCount: 2,
          pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
          edges: [{ node: { id: GEN.chief, role: 'Chief' } }],
        },
      },
      chain: { childrenConnection: { totalCount: 1, edges: [{ node: { id: GEN.chain(0) } }] }, eventsConnection: { totalCount: 0 } },
      policyTheme: { eventsConnection: { totalCount: 2, edges: [{ node: { id: GEN.forum } }], pageInfo: { hasNextPage: true } } },
    });
    const second = await data(query, { after: first.organization.postsConnection.pageInfo.endCursor });
    expect(second.organization.postsConnection).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { id: GEN.deputy } }] });
  });

  it('pages people by name with stable cursors, and filters by date', async () => {
    const query = `query ($after: String, $at: Date) {
      people(first: 4, after: $after, nameContains: "GENTEST", at: $at) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } }
    }`;
    const page1 = (await data(query)).people;
    expect(page1.totalCount).toBe(6);
    expect(page1.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([GEN.alice, GEN.bob, GEN.carol, GEN.dan]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await data(query, { after: page1.pageInfo.endCursor })).people;
    expect(page2.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([GEN.erin, GEN.frank]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    // The same cursor gives the same page.
    expect((await data(query, { after: page1.edges[1].cursor })).people.edges[0].node.id).toBe(GEN.carol);

    const heldOn = async (at: string) => (await data(query, { at })).people.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await heldOn('2018-03-14')).toEqual([GEN.bob, GEN.erin]);
    expect(await heldOn('2018-03-15')).toEqual([GEN.carol, GEN.erin]);
    expect(await heldOn('2021-06')).toEqual([GEN.dan, GEN.frank]);
    expect(await heldOn('2009')).toEqual([]);
  });

  it('pages organizations, events and themes', async () => {
    const result = await data(`{
      organizations(nameContains: "gen chain link", first: 3) { totalCount edges { node { id } } }
      events(nameContains: "gen ", at: "2022") { totalCount edges { node { id } } }
      policyThemes(nameContains: "gen ", at: "2017-05") { totalCount edges { node { id } } }
      bureau: organizations(nameContains: "gen", at: "2009", orgType: "AGENCY") { totalCount }
    }`);
    expect(result).toEqual({
      organizations: { totalCount: 11, edges: [{ node: { id: GEN.chain(0) } }, { node: { id: GEN.chain(1) } }, { node: { id: GEN.chain(10) } }] },
      events: { totalCount: 1, edges: [{ node: { id: GEN.forum } }] },
      policyThemes: { totalCount: 1, edges: [{ node: { id: GEN.trade } }] },
      bureau: { totalCount: 0 },
    });
  });

  it('refuses a page above 100 and a cursor it did not make', async () => {
    expect(await errorOf(`{ people(first: 101) { totalCount } }`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'first: expected a whole number from 1 to 100, but got: 101',
    });
    expect(await errorOf(`{ people(after: "bm9wZQ") { totalCount } }`)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'after: expected a cursor from a previous page (pageInfo.endCursor), but got: "bm9wZQ"',
    });
  });
});

describe('ids merged into another entity', () => {
  const SOURCE = 'source:gen-merged-ids';
  const KEEP = 'post:gen-merged-warden';
  const DROP = 'post:gen-merged-keeper';
  const text = [
    'Gina Gentest is Warden of the Gen Merge Hall.',
    'Hugo Gentest is Keeper of the Gen Merge Hall.',
  ];
  const document = {
    source: { id: SOURCE, name: 'Gen merged ids', publisher: 'officegraph tests', publishedDate: '2024-01-01', language: 'en', text: text.join(' ') },
    entities: [
      { kind: 'PERSON', ref: 'gina', id: 'person:gen-merged-gina', name: 'Gina Gentest', quote: 'Gina Gentest' },
      { kind: 'PERSON', ref: 'hugo', id: 'person:gen-merged-hugo', name: 'Hugo Gentest', quote: 'Hugo Gentest' },
      { kind: 'ORGANIZATION', ref: 'hall', id: 'org:gen-merged-hall', name: 'Gen Merge Hall', orgType: 'AGENCY', quote: 'Gen Merge Hall' },
      { kind: 'POST', ref: 'warden', id: KEEP, name: 'Warden of the Gen Merge Hall', role: 'Warden', quote: 'Warden of the Gen Merge Hall' },
      { kind: 'POST', ref: 'keeper', id: DROP, name: 'Keeper of the Gen Merge Hall', role: 'Keeper', quote: 'Keeper of the Gen Merge Hall' },
    ],
    facts: [
      { type: 'POST_OF', from: 'warden', to: 'hall', quote: 'Warden of the Gen Merge Hall' },
      { type: 'POST_OF', from: 'keeper', to: 'hall', quote: 'Keeper of the Gen Merge Hall' },
      { type: 'TENURE', person: 'gina', post: 'warden', startDate: '2020', quote: text[0] },
      { type: 'TENURE', person: 'hugo', post: 'keeper', startDate: '2022', quote: text[1] },
    ],
  };

  it('answers for the entity the old id resolves to', async () => {
    await ingestDocument(server.app.store, document);
    try {
      await mergeEntities(server.app.store, KEEP, DROP);
      const query = `query ($post: ID!) {
        roleHolders(post: $post) { person { id } }
        succession(post: $post) { person { id } }
        paths(from: $post, to: "person:gen-merged-gina") { nodes { id } }
      }`;
      const kept = await data(query, { post: KEEP });
      expect(kept.roleHolders).toEqual([{ person: { id: 'person:gen-merged-gina' } }, { person: { id: 'person:gen-merged-hugo' } }]);
      expect(kept.paths).toEqual([{ nodes: [{ id: KEEP }, { id: 'person:gen-merged-gina' }] }]);
      expect(await data(query, { post: DROP })).toEqual(kept);
    } finally {
      await retractSource(server.app.store, SOURCE);
    }
  });
});

describe('round trips', () => {
  const nested = `query ($name: String!) {
    people(first: 100, nameContains: $name) {
      edges { node { id name tenures { startDate predecessor { id } post { name organization { name posts { id } postsConnection(first: 5) { totalCount } } } evidence { quote source { name } } } participations { event { name } } } }
    }
  }`;

  it('sends the same number of Cypher queries for 5 people as for 50', async () => {
    const counts: number[] = [];
    for (const [tag, count] of CROWDS) {
      await ingestDocument(server.app.store, crowdDocument(tag, count));
      queriesSent = 0;
      const result = await data(nested, { name: `crowd${tag} ` });
      expect(result.people.edges).toHaveLength(count);
      counts.push(queriesSent);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });
});

describe('on the seed', () => {
  const HUANG = 'person:huang-qiang';
  const HU = 'person:hu-yuting';
  const COMMITTEE = 'org:jilin-provincial-foreign-affairs-committee';
  const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';

  it('finds the colleagues of the committee director, and none before the report', async () => {
    const query = `query ($at: Date) { colleagues(person: "${HUANG}", at: $at) { person { id } shared { id } } }`;
    expect((await data(query)).colleagues).toEqual([{ person: { id: HU }, shared: [{ id: COMMITTEE }, { id: PLENARY }] }]);
    expect((await data(query, { at: '2026-02-11' })).colleagues).toEqual([{ person: { id: HU }, shared: [{ id: COMMITTEE }, { id: PLENARY }] }]);
    expect((await data(query, { at: '2026-02-10' })).colleagues).toEqual([]);
  });

  it('builds the director\'s timeline from the plenary report', async () => {
    const { timeline } = await data(`{ timeline(id: "${HUANG}") { date kind summary evidence { source { id } } } }`);
    const meeting = 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee (February 2026)';
    expect(timeline.map((entry: { date: string; kind: string; summary: string }) => [entry.date, entry.kind, entry.summary])).toEqual([
      ['2026-02-11', 'TENURE_ATTESTED', 'Huang Qiang is attested as Director of the Jilin Provincial Foreign Affairs Committee'],
      ['2026-02-11', 'TENURE_ATTESTED', 'Huang Qiang is attested as Secretary of the Jilin Provincial Party Committee'],
      ['2026-02-11', 'EVENT', `Huang Qiang presided over ${meeting}`],
      ['2026-02-11', 'EVENT', `Huang Qiang spoke at ${meeting}`],
      ['2026-02-11', 'DOCUMENT', `${meeting} approved 2025 Work Report of the Jilin Provincial Foreign Affairs Committee`],
      ['2026-02-11', 'DOCUMENT', `${meeting} approved 2026 Work Priorities of the Jilin Provincial Foreign Affairs Committee`],
    ]);
    for (const entry of timeline) expect(entry.evidence.length).toBeGreaterThan(0);
  });

  it('counts the people of a theme the plenary addressed', async () => {
    const { policyTheme } = await data(`{ policyTheme(id: "theme:foreign-trade") { eventCount people { totalCount edges { node { id } } } } }`);
    expect(policyTheme).toEqual({ eventCount: 1, people: { totalCount: 2, edges: [{ node: { id: HU } }, { node: { id: HUANG } }] } });
  });
});
