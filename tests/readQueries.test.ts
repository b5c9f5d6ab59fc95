/**
 * The read side of the GraphQL contract on the Jilin plenary seed, over real HTTP against the
 * real Neo4j. Whole responses are compared where the answer is small enough to read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const SEED_SOURCE = 'source:jilin-release-2026-02-11-foreign-affairs-committee-plenary';
const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';
const COMMITTEE = 'org:jilin-provincial-foreign-affairs-committee';
const seedText = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../seeds/000_jilin-foreign-affairs-committee-plenary.txt'), 'utf8');

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

describe('the plenary meeting', () => {
  it('says who presided, with the quote and the source', async () => {
    const response = await server.graphql(
      `query ($id: ID!) {
        event(id: $id) {
          name
          startDate
          participants(role: PRESIDED) {
            person { id name aliases }
            role
            capacity { id }
            evidence { quote note source { id publisher editor publishedDate } }
          }
        }
      }`,
      { id: PLENARY },
    );
    expect(response.body).toEqual({
      data: {
        event: {
          name: 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee (February 2026)',
          startDate: '2026-02-11',
          participants: [
            {
              person: { id: 'person:huang-qiang', name: 'Huang Qiang', aliases: ['黄强'] },
              role: 'PRESIDED',
              capacity: { id: 'post:director-of-the-jilin-provincial-foreign-affairs-committee' },
              evidence: [
                {
                  quote: expect.stringContaining('presided over the meeting'),
                  note: expect.any(String),
                  source: { id: SEED_SOURCE, publisher: 'Jilin Release', editor: 'Liu Jiadi', publishedDate: '2026-02-11' },
                },
              ],
            },
          ],
        },
      },
    });
    const quote = response.body.data?.event.participants[0].evidence[0].quote as string;
    expect(seedText).toContain(quote);
  });

  it('lists every participant role and the participating groups', async () => {
    const response = await server.graphql(
      `query ($id: ID!) {
        event(id: $id) {
          participants { person { id } role }
          participantGroups { name role organization { id } }
        }
      }`,
      { id: PLENARY },
    );
    expect(response.body).toEqual({
      data: {
        event: {
          participants: [
            { person: { id: 'person:hu-yuting' }, role: 'ATTENDED' },
            { person: { id: 'person:huang-qiang' }, role: 'PRESIDED' },
            { person: { id: 'person:huang-qiang' }, role: 'SPOKE' },
          ],
          participantGroups: expect.arrayContaining([
            { name: 'Deputy directors and members of the Provincial Foreign Affairs Work Committee', role: 'ATTENDED', organization: { id: COMMITTEE } },
            { name: 'Relevant provincial leaders', role: 'ATTENDED', organization: null },
            { name: 'Heads of relevant provincial departments', role: 'ATTENDED', organization: null },
          ]),
        },
      },
    });
  });

  it('addressed its themes and referred to the Universiade, each with evidence from the report', async () => {
    const response = await server.graphql(
      `query ($id: ID!) {
        event(id: $id) {
          themes { theme { id } evidence { quote source { id } } }
          referencedEvents { id name place { id name within { id } } }
          documents { id documentType }
          organizers { id }
          place { id }
        }
      }`,
      { id: PLENARY },
    );
    const event = response.body.data?.event;
    expect(event.referencedEvents).toEqual([
      { id: 'event:2027-changchun-winter-universiade', name: 'Changchun 2027 Winter Universiade', place: { id: 'place:changchun', name: 'Changchun', within: { id: 'place:jilin' } } },
      { id: 'event:china-russia-years-of-culture', name: 'China-Russia Years of Culture', place: null },
    ]);
    expect(event.documents).toEqual([
      { id: 'doc:2025-work-report-of-the-jilin-provincial-foreign-affairs-committee', documentType: 'WORK_REPORT' },
      { id: 'doc:2026-work-priorities-of-the-jilin-provincial-foreign-affairs-committee', documentType: 'WORK_PLAN' },
    ]);
    expect(event.organizers).toEqual([{ id: COMMITTEE }]);
    expect(event.place).toEqual({ id: 'place:jilin' });
    const themeIds = event.themes.map((link: { theme: { id: string } }) => link.theme.id);
    expect(themeIds).toEqual([
      'theme:15th-five-year-plan',
      'theme:belt-and-road-initiative',
      'theme:border-security-and-overseas-interests',
      'theme:foreign-trade',
      'theme:fourth-plenary-session-of-the-20th-cpc-central-committee',
      'theme:frugality-in-foreign-related-activities',
      'theme:head-of-state-diplomacy',
      'theme:high-standard-opening-up',
      'theme:major-country-diplomacy-with-chinese-characteristics',
      'theme:neighbourhood-diplomacy',
      'theme:party-leadership-over-foreign-affairs',
      'theme:people-to-people-and-cultural-exchanges',
      'theme:xi-jinping-thought-on-diplomacy',
    ]);
    for (const link of event.themes) {
      expect(link.evidence).toHaveLength(1);
      expect(link.evidence[0].source.id).toBe(SEED_SOURCE);
      expect(seedText).toContain(link.evidence[0].quote);
    }
  });
});

describe('roles as of a date', () => {
  it('lists the posts Huang Qiang held on 2026-02-11, and none before the report attests them', async () => {
    const query = `query ($at: Date) {
      person(id: "person:huang-qiang") {
        tenures(at: $at) { post { id role organization { id } } startDate attestedFrom effectiveStart evidence { source { id } } }
      }
    }`;
    const held = await server.graphql(query, { at: '2026-02-11' });
    expect(held.body).toEqual({
      data: {
        person: {
          tenures: [
            {
              post: { id: 'post:director-of-the-jilin-provincial-foreign-affairs-committee', role: 'Director', organization: { id: COMMITTEE } },
              startDate: null,
              attestedFrom: '2026-02-11',
              effectiveStart: '2026-02-11',
              evidence: [{ source: { id: SEED_SOURCE } }],
            },
            {
              post: { id: 'post:secretary-of-the-jilin-provincial-party-committee', role: 'Secretary', organization: { id: 'org:cpc-jilin-provincial-committee' } },
              startDate: null,
              attestedFrom: '2026-02-11',
              effectiveStart: '2026-02-11',
              evidence: [{ source: { id: SEED_SOURCE } }],
            },
          ],
        },
      },
    });
    const before = await server.graphql(query, { at: '2025-12-31' });
    expect(before.body).toEqual({ data: { person: { tenures: [] } } });
    const wholeYear = await server.graphql(query, { at: '2026' });
    expect(wholeYear.body.data?.person.tenures).toHaveLength(2);
  });

  it('answers roleHolders for a post at a date', async () => {
    const response = await server.graphql(
      `{ roleHolders(post: "post:governor-of-jilin-province", at: "2026-03") { person { id name } post { name } } }`,
    );
    expect(response.body).toEqual({
      data: { roleHolders: [{ person: { id: 'person:hu-yuting', name: 'Hu Yuting' }, post: { name: 'Governor of Jilin Province' } }] },
    });
  });
});

describe('names and aliases', () => {
  it('resolves the alias "Provincial Foreign Affairs Work Committee" to the same committee', async () => {
    const response = await server.graphql(
      `{ search(text: "Provincial Foreign Affairs Work Committee", kinds: [ORGANIZATION], first: 1) { entity { id name } matched } }`,
    );
    expect(response.body).toEqual({
      data: {
        search: [
          {
            entity: { id: COMMITTEE, name: 'Jilin Provincial Foreign Affairs Committee' },
            matched: 'Provincial Foreign Affairs Work Committee',
          },
        ],
      },
    });
  });

  it('finds people by Chinese name and by Latin name in any case', async () => {
    const chinese = await server.graphql(`{ search(text: "黄强") { entity { id } matched } }`);
    expect(chinese.body.data?.search[0]).toEqual({ entity: { id: 'person:huang-qiang' }, matched: '黄强' });
    const latin = await server.graphql(`{ search(text: "hu yuting", kinds: [PERSON]) { entity { id kind } matched } }`);
    expect(latin.body).toEqual({ data: { search: [{ entity: { id: 'person:hu-yuting', kind: 'PERSON' }, matched: 'Hu Yuting' }] } });
    const prefix = await server.graphql(`{ search(text: "Univers", first: 3) { entity { id } } }`);
    expect(prefix.body.data?.search[0]).toEqual({ entity: { id: 'event:2027-changchun-winter-universiade' } });
  });

  it('treats Lucene syntax in the search text as plain text', async () => {
    const response = await server.graphql(`{ search(text: "Huang) OR (*:* AND \\"x") { entity { id } } }`);
    expect(response.body.errors).toBeUndefined();
    expect(Array.isArray(response.body.data?.search)).toBe(true);
  });
});

describe('paths and neighborhoods', () => {
  it('connects Hu Yuting to the Changchun 2027 Winter Universiade with evidence on each hop', async () => {
    const response = await server.graphql(
      `{ paths(from: "person:hu-yuting", to: "event:2027-changchun-winter-universiade", maxHops: 3, first: 1) {
          length
          nodes { id kind }
          edges { type source target evidence { quote source { id } } }
        } }`,
    );
    expect(response.body).toEqual({
      data: {
        paths: [
          {
            length: 2,
            nodes: [
              { id: 'person:hu-yuting', kind: 'PERSON' },
              { id: PLENARY, kind: 'EVENT' },
              { id: 'event:2027-changchun-winter-universiade', kind: 'EVENT' },
            ],
            edges: [
              {
                type: 'PARTICIPATED_IN',
                source: 'person:hu-yuting',
                target: PLENARY,
                evidence: [{ quote: expect.stringContaining('attended the meeting'), source: { id: SEED_SOURCE } }],
              },
              {
                type: 'REFERENCED',
                source: PLENARY,
                target: 'event:2027-changchun-winter-universiade',
                evidence: [{ quote: expect.stringContaining('Changchun 2027 Winter Universiade'), source: { id: SEED_SOURCE } }],
              },
            ],
          },
        ],
      },
    });
  });

  it('folds a tenure into one HOLDS edge on a path', async () => {
    const response = await server.graphql(
      `{ paths(from: "person:huang-qiang", to: "org:cpc-jilin-provincial-committee", maxHops: 2, first: 5) {
          length nodes { id } edges { type source target }
        } }`,
    );
    expect(response.body.data?.paths[0]).toEqual({
      length: 2,
      nodes: [
        { id: 'person:huang-qiang' },
        { id: 'post:secretary-of-the-jilin-provincial-party-committee' },
        { id: 'org:cpc-jilin-provincial-committee' },
      ],
      edges: [
        { type: 'HOLDS', source: 'person:huang-qiang', target: 'post:secretary-of-the-jilin-provincial-party-committee' },
        { type: 'POST_OF', source: 'post:secretary-of-the-jilin-provincial-party-committee', target: 'org:cpc-jilin-provincial-committee' },
      ],
    });
  });

  it('returns the neighborhood of the committee as Cytoscape-ready nodes and edges', async () => {
    const response = await server.graphql(
      `{ neighborhood(id: "${COMMITTEE}", depth: 1) {
          truncated
          nodes { id kind label }
          edges { id type source target evidence { source { id } } }
        } }`,
    );
    const subgraph = response.body.data?.neighborhood;
    expect(subgraph.truncated).toBe(false);
    expect(subgraph.nodes.map((node: { id: string }) => node.id)).toEqual([
      COMMITTEE,
      PLENARY,
      'org:cpc-jilin-provincial-committee',
      'place:jilin',
      'post:deputy-director-of-the-jilin-provincial-foreign-affairs-committee',
      'post:director-of-the-jilin-provincial-foreign-affairs-committee',
    ]);
    // Edges between the outer nodes are part of the subgraph too (the Party committee is in Jilin).
    expect(subgraph.edges.map((edge: { id: string }) => edge.id)).toEqual([
      'based_in:org:cpc-jilin-provincial-committee->place:jilin',
      `based_in:${COMMITTEE}->place:jilin`,
      `held_in:${PLENARY}->place:jilin`,
      `organized_by:${PLENARY}->${COMMITTEE}`,
      `part_of:${COMMITTEE}->org:cpc-jilin-provincial-committee`,
      `post_of:post:deputy-director-of-the-jilin-provincial-foreign-affairs-committee->${COMMITTEE}`,
      `post_of:post:director-of-the-jilin-provincial-foreign-affairs-committee->${COMMITTEE}`,
    ]);
    for (const edge of subgraph.edges) expect(edge.evidence).toEqual([{ source: { id: SEED_SOURCE } }]);
  });

  it('marks a neighborhood cut by its limit as truncated', async () => {
    const response = await server.graphql(`{ neighborhood(id: "${PLENARY}", depth: 2, limit: 5) { truncated nodes { id } } }`);
    expect(response.body.data?.neighborhood.truncated).toBe(true);
    expect(response.body.data?.neighborhood.nodes).toHaveLength(5);
  });
});

describe('errors', () => {
  it('answers null for unknown ids and for ids of another kind', async () => {
    const response = await server.graphql(`{ person(id: "person:nobody") { id } event(id: "person:huang-qiang") { id } entity(id: "x") { id } }`);
    expect(response.body).toEqual({ data: { person: null, event: null, entity: null } });
  });

  it('answers NOT_FOUND for root queries about unknown ids', async () => {
    const response = await server.graphql(`{ roleHolders(post: "post:nothing") { id } }`);
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          message: 'No post with id "post:nothing".',
          locations: [{ line: 1, column: 3 }],
          path: ['roleHolders'],
          extensions: { code: 'NOT_FOUND', id: 'post:nothing' },
        },
      ],
    });
    const paths = await server.graphql(`{ paths(from: "person:nobody", to: "person:hu-yuting") { length } }`);
    expect(paths.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const neighborhood = await server.graphql(`{ neighborhood(id: "org:none") { truncated } }`);
    expect(neighborhood.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers BAD_USER_INPUT naming the argument and the value', async () => {
    const cases: Array<[string, string]> = [
      [`{ paths(from: "person:huang-qiang", to: "person:hu-yuting", maxHops: 50) { length } }`, 'maxHops: expected a whole number from 1 to 8, but got: 50'],
      [`{ neighborhood(id: "${COMMITTEE}", depth: 0) { truncated } }`, 'depth: expected a whole number from 1 to 3, but got: 0'],
      [`{ neighborhood(id: "${COMMITTEE}", limit: 100000) { truncated } }`, 'limit: expected a whole number from 1 to 2000, but got: 100000'],
      [`{ search(text: "  ") { score } }`, 'text: expected 1 to 200 characters, but got: "  "'],
      [`{ search(text: "x", first: 1000) { score } }`, 'first: expected a whole number from 1 to 100, but got: 1000'],
    ];
    for (const [query, message] of cases) {
      const response = await server.graphql(query);
      expect(response.body.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
  });

  it('rejects a malformed date with BAD_USER_INPUT naming the value', async () => {
    const response = await server.graphql(`query ($at: Date) { roleHolders(post: "post:governor-of-jilin-province", at: $at) { id } }`, {
      at: 'Feb 2026',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toContain('expected an ISO date like 2026, 2026-02 or 2026-02-11, but got: "Feb 2026"');
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('health and readiness', () => {
  it('answers /health and /ready once seeds are loaded', async () => {
    expect((await server.get('/health')).status).toBe(200);
    const ready = await server.get('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});
