/**
 * The questions of the three-way benchmark, each asked three ways that must give the same
 * answer: officegraph over HTTP, hand-written Cypher through neo4j-driver (the floor), and
 * @neo4j/graphql over HTTP (bench/neo4jGraphql.graphql). `answer` turns each side's result into
 * one comparable value; `params` picks parameter set i from ids sampled from the graph.
 */
import neo4j from 'neo4j-driver';
import { buildSearchQuery } from '../src/graph/searchQuery.js';
import { dayRange } from '../src/model/partialDate.js';

export interface Samples {
  names: string[];
  posts: string[];
  persons: string[];
  organizations: string[];
  nameFilters: string[];
  /** Pairs of persons sharing an organization through their posts (2 to 4 hops apart). */
  pathPairs: Array<[string, string]>;
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
const neo4jInt = (value: number) => neo4j.int(value);
const pick = <T>(items: T[], i: number): T => items[(i * 7919) % items.length] as T;
const days = (at: string) => {
  const range = dayRange(at, at);
  return { first: range.heldFirst as string, last: range.heldLast as string };
};
/** The stored days of a tenure held on some day of the range (the tenure_held fragment's rule). */
const NGQL_HELD = `heldFrom: { lte: $last }, OR: [{ heldTo: { eq: null } }, { heldTo: { gte: $first } }]`;
const CYPHER_HELD = `t.heldFrom IS NOT NULL AND t.heldFrom <= $last AND (t.heldTo IS NULL OR t.heldTo >= $first)`;

/** Every other parameter set asks for the whole graph (no `at`), the others as of a date. */
const AT_OR_ALL: Array<string | null> = [null, '2004', null, '2010-06', null, '2016-03-01', null, '2021', null, '2026-01'];
const asOf = (at: unknown) => {
  if (at === null || at === undefined) return { atFirst: null, atLast: null };
  const range = dayRange(String(at), String(at));
  return { atFirst: range.heldFirst as string, atLast: range.heldLast as string };
};
/**
 * The graph the neighbourhood and path questions walk (officegraph's entity_edges, tenure_held and
 * entity_existed fragments): entities joined by any relationship but MENTIONS (and the derived
 * HOLDS_POST links, which the path search uses), and a tenure
 * (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post) as one HOLDS edge when held on some day of
 * [$atFirst, $atLast]; an entity dated after $atLast (event start, document date) is not there
 * yet. Both null: the whole graph.
 */
const HELD_AT = (t: string) => `($atLast IS NULL OR (${t}.heldFrom <= $atLast AND (${t}.heldTo IS NULL OR ${t}.heldTo >= $atFirst)))`;
const EXISTED_AT = (m: string) => `($atLast IS NULL OR coalesce(${m}.startDate, ${m}.date, ${m}.publishedDate, '') <= $atLast)`;
const STEP = (n: string) => `
    MATCH (${n})-[r]-(m:Entity) WHERE NOT type(r) IN ['MENTIONS', 'HOLDS_POST'] RETURN m
    UNION
    MATCH (${n})-[:HOLDS]->(t:Tenure)-[:OF_POST]->(m:Post) WHERE ${HELD_AT('t')} RETURN m
    UNION
    MATCH (${n})<-[:OF_POST]-(t:Tenure)<-[:HOLDS]-(m:Person) WHERE ${HELD_AT('t')} RETURN m`;
/**
 * Neighbourhood: the centre, then the entities one hop away, then two hops away, each ring in id
 * order, cut at $limit nodes (truncated: more were reachable); the edges are every edge between
 * two of the nodes (a held tenure as person HOLDS post), as "source type target" strings.
 * The walk ends with ids, truncated and edges bound; @neo4j/graphql's type definitions include it
 * (bench/neo4jGraphql.graphql, {{NEIGHBORHOOD_2_WALK}}) with their own RETURN.
 */
export const NEIGHBORHOOD_2_WALK = `MATCH (centre:Entity {id: $id})
  CALL (centre) {
    CALL (centre) {${STEP('centre')}
    }
    WITH DISTINCT m WHERE m <> centre AND ${EXISTED_AT('m')}
    WITH m ORDER BY m.id
    RETURN collect(m) AS ring1
  }
  CALL (centre, ring1) {
    UNWIND CASE WHEN size(ring1) < $limit THEN ring1 ELSE [] END AS n
    CALL (n) {${STEP('n')}
    }
    WITH DISTINCT m WHERE m <> centre AND NOT m IN ring1 AND ${EXISTED_AT('m')}
    WITH m ORDER BY m.id
    RETURN collect(m) AS ring2
  }
  WITH centre, ring1 + ring2 AS reached
  WITH [centre.id] + [m IN reached[..$limit - 1] | m.id] AS ids, size(reached) > $limit - 1 AS truncated
  CALL (ids) {
    UNWIND ids AS fromId
    MATCH (a:Entity {id: fromId})
    CALL (a, ids) {
      MATCH (a)-[r]->(b:Entity) WHERE NOT type(r) IN ['MENTIONS', 'HOLDS_POST'] AND b.id IN ids
      RETURN a.id + ' ' + type(r) + ' ' + b.id AS edge
      UNION ALL
      MATCH (a)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(b:Post) WHERE b.id IN ids AND ${HELD_AT('t')}
      RETURN a.id + ' HOLDS ' + b.id AS edge
    }
    RETURN collect(edge) AS edges
  }`;
export const NEIGHBORHOOD_2_CYPHER = `${NEIGHBORHOOD_2_WALK}
  RETURN ids, truncated, edges`;
/**
 * Paths: the 20 shortest walks of up to $maxHops hops (a tenure is crossed in one hop by its
 * derived HOLDS_POST link, which carries its held days), the first $first by length and then by
 * the ids along the way; each as its entity ids and its edges in walking order, a link shown as
 * person HOLDS post. One search per value of $maxHops (a quantifier's bound is no parameter).
 * The walk ends with nodes and edges bound; @neo4j/graphql's type definitions include it
 * (bench/neo4jGraphql.graphql, {{PATHS_WALK}}) with their own RETURN.
 */
export const PATHS_WALK = `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
  CALL (a, b) {
    ${[1, 2, 3, 4]
      .map(
        (hops) => `WITH a, b WHERE $maxHops = ${hops}
    MATCH p = SHORTEST 20 (a) (()-[r]-(x)
      WHERE x:Entity AND NOT x:Source AND type(r) <> 'MENTIONS'
        AND (type(r) <> 'HOLDS_POST' OR ${HELD_AT('r')}) AND ${EXISTED_AT('x')}){1,${hops}} (b)
    RETURN p`,
      )
      .join('\n    UNION\n    ')}
  }
  WITH DISTINCT p
  WITH p ORDER BY length(p), [n IN nodes(p) | n.id] LIMIT $first
  WITH [n IN nodes(p) | n.id] AS nodes,
    [r IN relationships(p) | startNode(r).id + CASE type(r) WHEN 'HOLDS_POST' THEN ' HOLDS ' ELSE ' ' + type(r) + ' ' END + endNode(r).id] AS edges`;

/** paths with maxHops up to 4. */
export const PATHS_CYPHER = `${PATHS_WALK}
  RETURN nodes, edges`;

/** The comparable neighbourhood: node ids in answer order, truncated, and the sorted multiset of edges. */
const neighborhoodAnswer = (ids: string[], truncated: boolean, edges: string[]) => ({ ids, truncated, edges: [...edges].sort() });
/**
 * The comparable paths: how many hops each has, in answer order, and whether each is a path a
 * client can draw (every edge joins the two nodes it stands between). Among paths of equal length
 * which ones a shortest-path search keeps is the database's choice, so the nodes themselves are
 * not compared.
 */
const pathsAnswer = (paths: Array<{ nodes: string[]; edges: string[] }>) =>
  paths.map((path) => {
    const joins = path.edges.every((edge, index) => {
      const [source, , target] = edge.split(' ');
      const ends = [path.nodes[index], path.nodes[index + 1]];
      return ends.includes(source) && ends.includes(target);
    });
    return `${path.edges.length} hops${joins && path.nodes.length === path.edges.length + 1 ? '' : ' (edges do not join its nodes)'}`;
  });
const graphEdge = (edge: any) => `${edge.source} ${edge.type} ${edge.target}`;

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
          MATCH (org)-[r]-(m:Entity) WHERE NOT type(r) IN ['MENTIONS', 'HOLDS_POST']
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
  {
    name: 'neighborhood(organization, depth 2)',
    params: (s, i) => ({ id: pick(s.organizations, i), at: AT_OR_ALL[i % AT_OR_ALL.length] }),
    officegraph: {
      query: `query ($id: ID!, $at: Date) { neighborhood(id: $id, depth: 2, limit: 200, at: $at) { truncated nodes { id } edges { source type target } } }`,
      variables: (p) => p,
      answer: (data) => neighborhoodAnswer(data.neighborhood.nodes.map((node: any) => node.id), data.neighborhood.truncated, data.neighborhood.edges.map(graphEdge)),
    },
    cypher: {
      statement: NEIGHBORHOOD_2_CYPHER,
      parameters: (p) => ({ id: p.id, limit: neo4jInt(200), ...asOf(p.at) }),
      answer: (rows) => neighborhoodAnswer(rows[0]?.ids ?? [], rows[0]?.truncated, rows[0]?.edges ?? []),
    },
    neo4jGraphql: {
      query: `query ($id: ID!, $atFirst: String, $atLast: String) {
        neighborhood(id: $id, limit: 200, atFirst: $atFirst, atLast: $atLast) { ids truncated edges } }`,
      variables: (p) => ({ id: p.id, ...asOf(p.at) }),
      answer: (data) => neighborhoodAnswer(data.neighborhood?.ids ?? [], data.neighborhood?.truncated, data.neighborhood?.edges ?? []),
    },
  },
  {
    name: 'paths(person, person, maxHops 4)',
    params: (s, i) => {
      const [from, to] = pick(s.pathPairs, i);
      return { from, to, at: AT_OR_ALL[i % AT_OR_ALL.length] };
    },
    officegraph: {
      query: `query ($from: ID!, $to: ID!, $at: Date) { paths(from: $from, to: $to, maxHops: 4, first: 5, at: $at) { length nodes { id } edges { source type target } } }`,
      variables: (p) => p,
      answer: (data) => pathsAnswer(data.paths.map((path: any) => ({ nodes: path.nodes.map((node: any) => node.id), edges: path.edges.map(graphEdge) }))),
    },
    cypher: {
      statement: PATHS_CYPHER,
      parameters: (p) => ({ from: p.from, to: p.to, maxHops: neo4jInt(4), first: neo4jInt(5), ...asOf(p.at) }),
      answer: (rows) => pathsAnswer(rows.map((row) => ({ nodes: row.nodes, edges: row.edges }))),
    },
    neo4jGraphql: {
      query: `query ($from: ID!, $to: ID!, $atFirst: String, $atLast: String) {
        paths(from: $from, to: $to, maxHops: 4, first: 5, atFirst: $atFirst, atLast: $atLast) { nodes edges } }`,
      variables: (p) => ({ from: p.from, to: p.to, ...asOf(p.at) }),
      answer: (data) => pathsAnswer(data.paths),
    },
  },
];
