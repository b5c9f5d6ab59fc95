/**
 * The questions of the three-way benchmark, each asked three ways that must give the same
 * answer: officegraph over HTTP, hand-written Cypher through neo4j-driver (the floor), and
 * @neo4j/graphql over HTTP (bench/neo4jGraphql.graphql). `answer` turns each side's result into
 * one comparable value; `params` picks parameter set i from ids sampled from the graph.
 */
import { buildSearchQuery } from '../src/graph/searchQuery.js';
import { dayRange } from '../src/model/partialDate.js';

export interface Samples {
  names: string[];
  posts: string[];
  persons: string[];
  organizations: string[];
  nameFilters: string[];
}

export type Params = Record<string, unknown>;

export interface Question {
  name: string;
  params(samples: Samples, i: number): Params;
  officegraph: { query: string; variables(params: Params): Params; answer(data: any): unknown };
  cypher: { statement: string; parameters(params: Params): Params; answer(rows: Array<Record<string, any>>): unknown };
  neo4jGraphql: { query: string; variables(params: Params): Params; answer(data: any): unknown };
}

const AT = ['2004', '2010-06', '2016-03-01', '2021', '2026-01'];
const pick = <T>(items: T[], i: number): T => items[(i * 7919) % items.length] as T;
const days = (at: string) => {
  const range = dayRange(at, at);
  return { first: range.heldFirst as string, last: range.heldLast as string };
};
/** The stored days of a tenure held on some day of the range (the tenure_held fragment's rule). */
const NGQL_HELD = `heldFrom: { lte: $last }, OR: [{ heldTo: { eq: null } }, { heldTo: { gte: $first } }]`;
const CYPHER_HELD = `t.heldFrom IS NOT NULL AND t.heldFrom <= $last AND (t.heldTo IS NULL OR t.heldTo >= $first)`;

const tenureLine = (t: any) => `${t.id}|${t.post?.name ?? ''}|${t.post?.organization?.name ?? ''}`;

export const QUESTIONS: Question[] = [
  {
    name: 'search by name',
    params: (s, i) => ({ text: pick(s.names, i) }),
    officegraph: {
      query: `query ($text: String!) { search(text: $text, first: 10) { entity { id name } score } }`,
      variables: (p) => p,
      answer: (data) => data.search.map((hit: any) => hit.entity.id),
    },
    cypher: {
      statement: `CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: 50}) YIELD node, score
        RETURN node.id AS id, node.name AS name, score ORDER BY score DESC, id LIMIT 10`,
      parameters: (p) => ({ query: buildSearchQuery(String(p.text)) }),
      answer: (rows) => rows.map((row) => row.id),
    },
    neo4jGraphql: {
      query: `query ($text: String!) { searchEntities(text: $text, first: 10) { id name score } }`,
      variables: (p) => ({ text: buildSearchQuery(String(p.text)) }),
      answer: (data) => data.searchEntities.map((hit: any) => hit.id),
    },
  },
  {
    name: 'roleHolders(at)',
    params: (s, i) => ({ post: pick(s.posts, i), at: AT[i % AT.length] }),
    officegraph: {
      query: `query ($post: ID!, $at: Date) { roleHolders(post: $post, at: $at) { id effectiveStart effectiveEnd person { name } } }`,
      variables: (p) => p,
      answer: (data) => data.roleHolders.map((t: any) => `${t.id}|${t.person.name}|${t.effectiveStart}|${t.effectiveEnd}`),
    },
    cypher: {
      statement: `MATCH (:Post {id: $post})<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(person:Person)
        WHERE ${CYPHER_HELD}
        RETURN t.id AS id, t.effectiveStart AS effectiveStart, t.effectiveEnd AS effectiveEnd, person.name AS name
        ORDER BY t.heldFrom, t.id`,
      parameters: (p) => ({ post: p.post, ...days(String(p.at)) }),
      answer: (rows) => rows.map((t) => `${t.id}|${t.name}|${t.effectiveStart}|${t.effectiveEnd}`),
    },
    neo4jGraphql: {
      query: `query ($post: ID!, $first: String!, $last: String!) {
        tenures(where: { post: { id: { eq: $post } }, ${NGQL_HELD} }, sort: [{ heldFrom: ASC }, { id: ASC }]) {
          id effectiveStart effectiveEnd person { name } } }`,
      variables: (p) => ({ post: p.post, ...days(String(p.at)) }),
      answer: (data) => data.tenures.map((t: any) => `${t.id}|${t.person.name}|${t.effectiveStart}|${t.effectiveEnd}`),
    },
  },
  {
    name: 'person.tenures(at) › post › organization',
    params: (s, i) => ({ id: pick(s.persons, i), at: AT[i % AT.length] }),
    officegraph: {
      query: `query ($id: ID!, $at: Date) { person(id: $id) { name tenures(at: $at) { id post { name organization { name } } } } }`,
      variables: (p) => p,
      answer: (data) => [data.person.name, ...data.person.tenures.map(tenureLine)],
    },
    cypher: {
      statement: `MATCH (person:Person {id: $id})
        CALL (person) {
          OPTIONAL MATCH (person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
          WHERE ${CYPHER_HELD}
          OPTIONAL MATCH (post)-[:POST_OF]->(org:Organization)
          WITH t, post, org ORDER BY t.heldFrom, t.id
          RETURN collect(CASE WHEN t IS NOT NULL THEN {id: t.id, post: {name: post.name, organization: {name: org.name}}} END) AS tenures
        }
        RETURN person.name AS name, tenures`,
      parameters: (p) => ({ id: p.id, ...days(String(p.at)) }),
      answer: (rows) => [rows[0]?.name, ...(rows[0]?.tenures ?? []).map(tenureLine)],
    },
    neo4jGraphql: {
      query: `query ($id: ID!, $first: String!, $last: String!) {
        people(where: { id: { eq: $id } }) { name
          tenures(where: { ${NGQL_HELD} }, sort: [{ heldFrom: ASC }, { id: ASC }]) { id post { name organization { name } } } } }`,
      variables: (p) => ({ id: p.id, ...days(String(p.at)) }),
      answer: (data) => [data.people[0]?.name, ...(data.people[0]?.tenures ?? []).map(tenureLine)],
    },
  },
  {
    name: 'people(first: 50) › tenures › post › organization',
    params: (s, i) => ({ name: pick(s.nameFilters, i) }),
    officegraph: {
      query: `query ($name: String!) { people(first: 50, nameContains: $name) { edges { node { id name tenures { id post { name organization { name } } } } } } }`,
      variables: (p) => ({ name: String(p.name).toLowerCase() }),
      answer: (data) => data.people.edges.map((edge: any) => [edge.node.id, ...edge.node.tenures.map(tenureLine)].join(';')),
    },
    cypher: {
      statement: `MATCH (person:Person) WHERE person.name CONTAINS $name
        WITH person ORDER BY person.id LIMIT 50
        CALL (person) {
          OPTIONAL MATCH (person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
          OPTIONAL MATCH (post)-[:POST_OF]->(org:Organization)
          WITH t, post, org ORDER BY t.heldFrom, t.id
          RETURN collect(CASE WHEN t IS NOT NULL THEN {id: t.id, post: {name: post.name, organization: {name: org.name}}} END) AS tenures
        }
        RETURN person.id AS id, tenures`,
      parameters: (p) => ({ name: p.name }),
      answer: (rows) => rows.map((row) => [row.id, ...row.tenures.map(tenureLine)].join(';')),
    },
    neo4jGraphql: {
      query: `query ($name: String!) { people(where: { name: { contains: $name } }, sort: [{ id: ASC }], limit: 50) {
        id tenures(sort: [{ heldFrom: ASC }, { id: ASC }]) { id post { name organization { name } } } } }`,
      variables: (p) => ({ name: p.name }),
      answer: (data) => data.people.map((person: any) => [person.id, ...person.tenures.map(tenureLine)].join(';')),
    },
  },
  {
    name: 'neighborhood(organization, depth 1)',
    params: (s, i) => ({ id: pick(s.organizations, i) }),
    officegraph: {
      query: `query ($id: ID!) { neighborhood(id: $id, depth: 1, limit: 200) { truncated nodes { id kind label } edges { id source target type } } }`,
      variables: (p) => p,
      answer: (data) => data.neighborhood.nodes.slice(1).map((node: any) => node.id).sort(),
    },
    cypher: {
      statement: `MATCH (org:Organization {id: $id})
        CALL (org) {
          MATCH (org)-[r]-(m:Entity) WHERE type(r) <> 'MENTIONS'
          RETURN DISTINCT m.id AS id ORDER BY id LIMIT 199
        }
        RETURN id`,
      parameters: (p) => p,
      answer: (rows) => rows.map((row) => row.id).sort(),
    },
    neo4jGraphql: {
      query: `query ($id: ID!) { organizations(where: { id: { eq: $id } }) {
        posts { id } children { id } parents { id } events { id } places { id } } }`,
      variables: (p) => p,
      answer: (data) => {
        const org = data.organizations[0] ?? {};
        const ids = new Set<string>();
        for (const list of ['posts', 'children', 'parents', 'events', 'places']) for (const item of org[list] ?? []) ids.add(item.id);
        return [...ids].sort().slice(0, 199);
      },
    },
  },
];
