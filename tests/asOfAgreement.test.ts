/**
 * Every "as of" question agrees with one small reference, on generated graphs of every shape.
 *
 * fast-check (fixed seed) generates posts with one, several or unknown seats; tenures with
 * partial, missing and conflicting dates (terms that end before the start, successors that start
 * first, sources published after a stated end); stated successions; two sources with different
 * publication dates; and the retraction of one of them. Each graph is written through the real
 * ingest and retraction code into the real Neo4j; then, for random days and ranges,
 * person.tenures(at), post.tenures(at), roleHolders(at / from-to), people(at).totalCount,
 * organizations(at).totalCount, neighborhood(at), paths(at) and /export?at= must give what the
 * reference below says.
 *
 * The reference is written here from the words of DESIGN.md (section Time), on purpose not
 * imported from src/: it decides day by day, with none of the stored intervals.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { tenureId } from '../src/model/ids.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';
import { SLOW_MACHINE_TIMEOUT_MS } from './helpers/writeHelpers.js';

const RUNS = Number(process.env.AGREEMENT_RUNS ?? 100);
const SEED = 20261130;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ OFFICEGRAPH_MAX_COST: '100000000', OFFICEGRAPH_MAX_ALIASES: '1000', OFFICEGRAPH_SEED: 'false', OFFICEGRAPH_QUERY_TIMEOUT_MS: SLOW_MACHINE_TIMEOUT_MS });
});
afterAll(async () => {
  if (server) {
    // Every run retracts its sources: nothing it wrote is left behind.
    const left = await server.graphql(`{ people(nameContains: "agreetest", first: 5) { totalCount edges { node { id } } } }`);
    const leftIds = (left.body.data?.people.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id);
    if (leftIds.length > 0) {
      const around = await server.graphql(`query ($id: ID!) { neighborhood(id: $id, kinds: [PERSON, POST, ORGANIZATION, SOURCE]) { edges { id type source target } } }`, { id: leftIds[0] });
      console.log('left behind', leftIds, JSON.stringify(around.body));
    }
    expect(leftIds).toEqual([]);
  }
  await server?.stop();
});

// ---- the reference, from DESIGN.md's words ------------------------------------------------------

type Day = string; // YYYY-MM-DD

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "A partial date covers every day it names." */
function coveredDays(date: string): { first: Day; last: Day } {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  if (day === undefined) return { first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(daysIn(year, month))}` };
  return { first: date, last: date };
}

function previousDay(day: Day): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

interface ModelTenure {
  key: string;
  person: number;
  post: number;
  start: string | null;
  end: string | null;
  termEnd: string | null;
  /** Which sources state it: 'A', 'B' or both. */
  sources: Array<'A' | 'B'>;
}

interface ModelSuccession {
  later: string;
  earlier: string;
  sources: Array<'A' | 'B'>;
}

interface Model {
  posts: Array<{ seats: number | null; organization: number }>;
  organizations: number;
  persons: number;
  tenures: ModelTenure[];
  successions: ModelSuccession[];
  publishedA: string;
  publishedB: string;
}

/** The graph the reference reasons about: what the sources still standing state. */
function standing(model: Model, sources: ReadonlyArray<'A' | 'B'>) {
  const tenures = model.tenures
    .map((tenure) => ({ ...tenure, sources: tenure.sources.filter((source) => sources.includes(source)) }))
    .filter((tenure) => tenure.sources.length > 0);
  const alive = new Set(tenures.map((tenure) => tenure.key));
  const successions = model.successions.filter(
    (succession) => succession.sources.some((source) => sources.includes(source)) && alive.has(succession.later) && alive.has(succession.earlier),
  );
  const published = { A: model.publishedA, B: model.publishedB };
  return { tenures, successions, published };
}

/**
 * "A tenure counts from its stated start, else from its earliest attestation (the earliest
 * publishedDate of the sources that support it)."
 */
function countsFrom(tenure: ModelTenure, published: Record<'A' | 'B', string>): Day | null {
  if (tenure.start !== null) return coveredDays(tenure.start).first;
  return tenure.sources.map((source) => coveredDays(published[source]).first).sort()[0] as Day;
}

/**
 * "It counts until its stated end. Without a stated end, it is bounded by, in this order: a
 * stated SUCCEEDS (the successor's start); the end of the term it belongs to; and, only for a
 * post with exactly one seat, the start of the next holder's tenure of that post. Otherwise it
 * is ongoing." A bound that would end it before it starts contradicts the record: passed over.
 */
function countsUntil(tenure: ModelTenure, world: ReturnType<typeof standing>, seats: number | null): Day | null {
  if (tenure.end !== null) return coveredDays(tenure.end).last;
  const from = countsFrom(tenure, world.published);
  const startOf = (key: string) => {
    const other = world.tenures.find((candidate) => candidate.key === key) as ModelTenure;
    return countsFrom(other, world.published);
  };
  const statedSuccessorStarts = world.successions
    .filter((succession) => succession.earlier === tenure.key)
    .map((succession) => ({ key: succession.later, start: startOf(succession.later) }))
    .sort((a, b) => ((a.start ?? '9999') < (b.start ?? '9999') ? -1 : (a.start ?? '9999') > (b.start ?? '9999') ? 1 : a.key < b.key ? -1 : 1));
  const bounds: Array<Day | null> = [
    statedSuccessorStarts[0]?.start ? previousDay(statedSuccessorStarts[0].start) : null,
    tenure.termEnd === null ? null : coveredDays(tenure.termEnd).last,
  ];
  if (seats === 1 && from !== null) {
    const later = world.tenures
      .filter((other) => other.post === tenure.post)
      .map((other) => countsFrom(other, world.published))
      .filter((start): start is Day => start !== null && start > from)
      .sort();
    bounds.push(later[0] === undefined ? null : previousDay(later[0]));
  }
  for (const bound of bounds) {
    if (bound !== null && (from === null || bound >= from)) return bound;
  }
  return null;
}

function heldDuring(tenure: ModelTenure, world: ReturnType<typeof standing>, model: Model, first: Day | null, last: Day | null): boolean {
  if (first === null && last === null) return true;
  const from = countsFrom(tenure, world.published);
  if (from === null) return false;
  const until = countsUntil(tenure, world, (model.posts[tenure.post] as Model['posts'][number]).seats);
  // Counted from a day after its stated end: it counts on no day.
  if (until !== null && until < from) return false;
  return (last === null || from <= last) && (first === null || until === null || until >= first);
}

// ---- generated graphs ---------------------------------------------------------------------------

const partialDate = fc
  .tuple(fc.integer({ min: 2000, max: 2006 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 1, 2, 2))
  .map(([year, month, day, precision]) => (precision === 0 ? `${year}` : precision === 1 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`));

const sourcesArb = fc.constantFrom<Array<'A' | 'B'>>(['A'], ['B'], ['A', 'B']);

const modelArb: fc.Arbitrary<Model> = fc
  .record({
    organizations: fc.integer({ min: 1, max: 2 }),
    persons: fc.integer({ min: 1, max: 5 }),
    posts: fc.array(fc.record({ seats: fc.constantFrom<number | null>(1, 1, 2, null), organization: fc.nat() }), { minLength: 1, maxLength: 3 }),
    tenures: fc.array(
      fc.record({
        person: fc.nat(),
        post: fc.nat(),
        start: fc.option(partialDate, { freq: 3 }),
        end: fc.option(partialDate, { freq: 2 }),
        termEnd: fc.option(partialDate, { freq: 3 }),
        sources: sourcesArb,
      }),
      { minLength: 1, maxLength: 7 },
    ),
    successions: fc.array(fc.record({ later: fc.nat(), earlier: fc.nat(), sources: sourcesArb }), { maxLength: 3 }),
    publishedA: partialDate,
    publishedB: partialDate,
  })
  .map((raw) => {
    const posts = raw.posts.map((post) => ({ seats: post.seats, organization: post.organization % raw.organizations }));
    const seen = new Set<string>();
    const tenures: ModelTenure[] = [];
    for (const item of raw.tenures) {
      const person = item.person % raw.persons;
      const post = item.post % posts.length;
      const key = `${person}/${post}/${item.start ?? 'undated'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A stated end before the stated start is refused by ingest; the record then has no end.
      const end = item.end !== null && item.start !== null && coveredDays(item.end).first < coveredDays(item.start).first ? null : item.end;
      tenures.push({ key, person, post, start: item.start, end, termEnd: item.termEnd, sources: item.sources });
    }
    const successions: ModelSuccession[] = [];
    for (const item of raw.successions) {
      const later = tenures[item.later % tenures.length] as ModelTenure;
      const earlier = tenures[item.earlier % tenures.length] as ModelTenure;
      if (later === earlier || later.post !== earlier.post) continue;
      // A succession is stated by a source that states both tenures.
      const sources = item.sources.filter((source) => later.sources.includes(source) && earlier.sources.includes(source));
      if (sources.length === 0 || successions.some((other) => other.later === later.key && other.earlier === earlier.key)) continue;
      successions.push({ later: later.key, earlier: earlier.key, sources });
    }
    return { posts, organizations: raw.organizations, persons: raw.persons, tenures, successions, publishedA: raw.publishedA, publishedB: raw.publishedB };
  });

/** The questions asked of one generated graph. */
interface Asked {
  days: string[];
  ranges: Array<[string | null, string | null]>;
  retractB: boolean;
}

const askedArb: fc.Arbitrary<Asked> = fc.record({
  days: fc.array(fc.oneof(partialDate, fc.constantFrom('1999', '2008-06-30')), { minLength: 3, maxLength: 4 }),
  ranges: fc.array(fc.tuple(fc.option(partialDate, { freq: 4 }), fc.option(partialDate, { freq: 4 })), { minLength: 1, maxLength: 2 }),
  retractB: fc.boolean(),
});

// ---- writing a model into the graph ---------------------------------------------------------------

function ids(run: number) {
  const tag = `agreetest-r${run}`;
  return {
    tag,
    nameFilter: `agreetest r${run} `,
    person: (index: number) => `person:${tag}-p${index}`,
    post: (index: number) => `post:${tag}-post${index}`,
    organization: (index: number) => `org:${tag}-org${index}`,
    source: (which: 'A' | 'B') => `source:${tag}-${which.toLowerCase()}`,
  };
}

function documentOf(model: Model, run: number, which: 'A' | 'B') {
  const id = ids(run);
  const sentences: string[] = [];
  const say = (sentence: string) => {
    sentences.push(sentence);
    return sentence;
  };
  const tenures = model.tenures.filter((tenure) => tenure.sources.includes(which));
  const persons = [...new Set(tenures.map((tenure) => tenure.person))];
  const posts = [...new Set(tenures.map((tenure) => tenure.post))];
  const organizations = [...new Set(posts.map((post) => (model.posts[post] as Model['posts'][number]).organization))];
  const name = (what: string, index: number) => `Agreetest R${run} ${what} ${index}`;
  const entities = [
    ...persons.map((index) => ({ kind: 'PERSON', ref: `p${index}`, id: id.person(index), name: name('Person', index), quote: say(`${name('Person', index)} is named.`) })),
    ...organizations.map((index) => ({
      kind: 'ORGANIZATION', ref: `o${index}`, id: id.organization(index), name: name('Office', index), quote: say(`${name('Office', index)} exists.`),
    })),
    ...posts.map((index) => {
      const seats = (model.posts[index] as Model['posts'][number]).seats;
      return {
        kind: 'POST', ref: `post${index}`, id: id.post(index), name: name('Post', index), role: 'Officer',
        ...(seats === null ? {} : { seats }), quote: say(`${name('Post', index)} is a post.`),
      };
    }),
  ];
  const facts: Array<Record<string, unknown>> = [
    ...posts.map((index) => ({
      type: 'POST_OF', from: `post${index}`, to: `o${(model.posts[index] as Model['posts'][number]).organization}`,
      quote: say(`${name('Post', index)} belongs to ${name('Office', (model.posts[index] as Model['posts'][number]).organization)}.`),
    })),
    ...tenures.map((tenure) => ({
      type: 'TENURE', ref: tenure.key, person: `p${tenure.person}`, post: `post${tenure.post}`,
      ...(tenure.start === null ? {} : { startDate: tenure.start }),
      ...(tenure.end === null ? {} : { endDate: tenure.end }),
      ...(tenure.termEnd === null ? {} : { termEnd: tenure.termEnd }),
      quote: say(`${name('Person', tenure.person)} held ${name('Post', tenure.post)} (${tenure.key}).`),
    })),
    ...model.successions
      .filter((succession) => succession.sources.includes(which))
      .map((succession) => ({ type: 'SUCCEEDS', from: succession.later, to: succession.earlier, quote: say(`${succession.later} followed ${succession.earlier}.`) })),
  ];
  const published = which === 'A' ? model.publishedA : model.publishedB;
  return {
    source: { id: id.source(which), name: `[TEST] ${id.tag} ${which}`, publisher: 'officegraph tests', publishedDate: published, language: 'en', text: sentences.join('\n') },
    entities,
    facts,
  };
}

// ---- asking the server ----------------------------------------------------------------------------

function tenureIdOf(model: Model, run: number, tenure: ModelTenure): string {
  const id = ids(run);
  return tenureId(id.person(tenure.person), id.post(tenure.post), tenure.start ?? undefined);
}

async function askDay(model: Model, run: number, at: string, world: ReturnType<typeof standing>) {
  const id = ids(run);
  const organizationsInGraph = new Set(world.tenures.map((tenure) => (model.posts[tenure.post] as Model['posts'][number]).organization));
  const personsInGraph = new Set(world.tenures.map((tenure) => tenure.person));
  const postsInGraph = new Set(world.tenures.map((tenure) => tenure.post));
  const postFields = [...postsInGraph].map((index) => `
    post${index}: post(id: "${id.post(index)}") { tenures(at: $at) { id } }
    holders${index}: roleHolders(post: "${id.post(index)}", at: $at) { id }
    around${index}: neighborhood(id: "${id.post(index)}", depth: 1, at: $at) { edges { id type } }`);
  const personFields = [...personsInGraph].map((index) => `
    person${index}: person(id: "${id.person(index)}") { tenures(at: $at) { id } }
    ${[...organizationsInGraph].map((org) => `path${index}_${org}: paths(from: "${id.person(index)}", to: "${id.organization(org)}", maxHops: 2, at: $at) { length }`).join('\n')}`);
  const query = `query ($at: Date, $names: String) {
    people(nameContains: $names, at: $at) { totalCount }
    organizations(nameContains: $names, at: $at) { totalCount }
    ${postFields.join('\n')}
    ${personFields.join('\n')}
  }`;
  const response = await server.graphql(query, { at, names: id.nameFilter });
  expect(response.body.errors).toBeUndefined();
  return response.body.data as Record<string, any>;
}

const sorted = (values: Iterable<string>) => [...values].sort();

async function checkAgreement(model: Model, run: number, asked: Asked, sources: Array<'A' | 'B'>) {
  const world = standing(model, sources);
  const id = ids(run);
  const mentioned = new Set(world.tenures.flatMap((tenure) => [`p${tenure.person}`, `post${tenure.post}`]));
  for (const at of asked.days) {
    const { first, last } = coveredDays(at);
    const held = world.tenures.filter((tenure) => heldDuring(tenure, world, model, first, last));
    const heldIds = (filter: (tenure: ModelTenure) => boolean) => sorted(held.filter(filter).map((tenure) => tenureIdOf(model, run, tenure)));
    const answer = await askDay(model, run, at, world);
    const context = `run ${run}, at ${at}, sources ${sources.join('+')}`;
    expect(answer.people.totalCount, context).toBe(new Set(held.map((tenure) => tenure.person)).size);
    expect(answer.organizations.totalCount, context).toBe(
      new Set(held.map((tenure) => (model.posts[tenure.post] as Model['posts'][number]).organization)).size,
    );
    for (const [index] of model.posts.entries()) {
      if (!mentioned.has(`post${index}`)) continue;
      const expected = heldIds((tenure) => tenure.post === index);
      expect(sorted(answer[`post${index}`].tenures.map((t: { id: string }) => t.id)), `${context}, post ${index}`).toEqual(expected);
      expect(sorted(answer[`holders${index}`].map((t: { id: string }) => t.id)), `${context}, roleHolders ${index}`).toEqual(expected);
      const holds = answer[`around${index}`].edges.filter((edge: { type: string }) => edge.type === 'HOLDS');
      expect(sorted(holds.map((edge: { id: string }) => edge.id)), `${context}, neighborhood ${index}`).toEqual(expected);
    }
    for (let person = 0; person < model.persons; person += 1) {
      if (!mentioned.has(`p${person}`)) continue;
      expect(sorted(answer[`person${person}`].tenures.map((t: { id: string }) => t.id)), `${context}, person ${person}`).toEqual(
        heldIds((tenure) => tenure.person === person),
      );
      for (let org = 0; org < model.organizations; org += 1) {
        const connected = held.some((tenure) => tenure.person === person && (model.posts[tenure.post] as Model['posts'][number]).organization === org);
        if (!world.tenures.some((tenure) => (model.posts[tenure.post] as Model['posts'][number]).organization === org)) continue;
        expect(answer[`path${person}_${org}`].length > 0, `${context}, path person ${person} to org ${org}`).toBe(connected);
      }
    }
  }
  for (const [from, to] of asked.ranges) {
    const first = from === null ? null : coveredDays(from).first;
    const last = to === null ? null : coveredDays(to).last;
    if (first !== null && last !== null && first > last) continue;
    const fields = [...new Set(world.tenures.map((tenure) => tenure.post))].map((index) => `range${index}: roleHolders(post: "${id.post(index)}", from: $from, to: $to) { id }`);
    const response = await server.graphql(`query ($from: Date, $to: Date) { ${fields.join('\n')} }`, { from, to });
    for (const [index] of model.posts.entries()) {
      if (!mentioned.has(`post${index}`)) continue;
      const expected = sorted(
        world.tenures
          .filter((tenure) => tenure.post === index && heldDuring(tenure, world, model, first, last))
          .map((tenure) => tenureIdOf(model, run, tenure)),
      );
      expect(response.body.errors).toBeUndefined();
      expect(sorted(response.body.data?.[`range${index}`].map((t: { id: string }) => t.id)), `run ${run}, from ${from} to ${to}, post ${index}`).toEqual(expected);
    }
  }
  // The export answers as the neighborhood does.
  const postIndex = model.posts.findIndex((_post, index) => mentioned.has(`post${index}`));
  const at = asked.days[0] as string;
  const response = await server.get(`/export?id=${encodeURIComponent(id.post(postIndex))}&depth=1&format=cytoscape&at=${at}`);
  expect(response.status).toBe(200);
  const elements = (await response.json()) as { elements: { edges: Array<{ data: { id: string; type: string } }> } };
  const { first, last } = coveredDays(at);
  expect(sorted(elements.elements.edges.filter((edge) => edge.data.type === 'HOLDS').map((edge) => edge.data.id)), `run ${run}, export at ${at}`).toEqual(
    sorted(world.tenures.filter((tenure) => tenure.post === postIndex && heldDuring(tenure, world, model, first, last)).map((tenure) => tenureIdOf(model, run, tenure))),
  );
}

describe('"as of" answers agree with the reference on generated graphs', () => {
  it(`holds for ${RUNS} graphs of every shape, before and after a retraction`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(modelArb, askedArb, async (model, asked) => {
        run += 1;
        const store = server.app.store;
        const withA = model.tenures.some((tenure) => tenure.sources.includes('A'));
        const withB = model.tenures.some((tenure) => tenure.sources.includes('B'));
        try {
          if (withA) await ingestDocument(store, documentOf(model, run, 'A'));
          if (withB) await ingestDocument(store, documentOf(model, run, 'B'));
          await checkAgreement(model, run, asked, [...(withA ? ['A' as const] : []), ...(withB ? ['B' as const] : [])]);
          if (asked.retractB && withB && withA) {
            await retractSource(store, ids(run).source('B'));
            await checkAgreement(model, run, asked, ['A']);
          }
        } finally {
          for (const which of ['A', 'B'] as const) {
            // A source this run did not write (or already retracted) is NOT_FOUND; anything else is a failure.
            await retractSource(store, ids(run).source(which)).catch((error: { extensions?: { code?: string } }) => {
              if (error.extensions?.code !== 'NOT_FOUND') throw error;
            });
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
