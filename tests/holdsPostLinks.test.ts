/**
 * The derived (person)-[:HOLDS_POST]->(post) links that let a path search cross a tenure in one
 * step: every write that changes tenures (ingest, a re-imported source, merges of people and of
 * posts, retraction) leaves exactly one link per tenure with its held days; no read shows them;
 * an entity left with links only is removed with them; and start-up repairs a store without them.
 */
import { describe, expect, it } from 'vitest';
import { repairHoldsPostLinks } from '../src/graph/repairHoldsPostLinks.js';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { mergeEntities } from '../src/ingest/mergeEntities.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { tenuresAndLinks } from './helpers/holdsPostLinks.js';
import { graphqlData, testDocument, testServerRetractingAfterwards } from './helpers/writeHelpers.js';

const PREFIX = 'tenure:links-';
const SOURCES = ['a', 'b', 'c'].map((tag) => `source:links-${tag}`);
const server = testServerRetractingAfterwards(SOURCES);
const data = (query: string, variables: Record<string, unknown> = {}) => graphqlData(server(), query, variables);

/** Links equal tenures, and there are `count` of this test's tenures. */
async function expectOneLinkPerTenure(count: number) {
  const { tenures, links } = await tenuresAndLinks(server().app.driver, PREFIX);
  expect(links).toEqual(tenures);
  expect(tenures).toHaveLength(count);
  return tenures;
}

const person = (name: string) => ({ kind: 'PERSON', ref: name, id: `person:links-${name}`, name: `${name} Linktester`, quote: `${name} Linktester` });
const post = (ref: string, name: string, seats?: number) => ({
  kind: 'POST', ref, id: `post:links-${ref}`, name, role: name.split(' ')[0], ...(seats === undefined ? {} : { seats }), quote: name,
});
const office = { kind: 'ORGANIZATION', ref: 'office', id: 'org:links-office', name: 'Link Office', quote: 'the Link Office' };
const postOf = (postRef: string, name: string) => ({ type: 'POST_OF', from: postRef, to: 'office', quote: name });
const tenure = (name: string, postRef: string, year: string) => ({
  type: 'TENURE', person: name, post: postRef, startDate: year, quote: `${name} Linktester became ${postRef} in ${year}`,
});

function documentA(withCyMember: boolean) {
  const facts = [tenure('ada', 'chair', '2001'), tenure('ben', 'chair', '2005'), tenure('ada', 'member', '2003'), ...(withCyMember ? [tenure('cy', 'member', '2004')] : [])];
  return testDocument(
    'links-a',
    [
      'ada Linktester became chair in 2001.', 'ben Linktester became chair in 2005.', 'ada Linktester became member in 2003.',
      'cy Linktester became member in 2004.', 'Chair of the Link Office and Member of the Link Office.',
    ],
    [person('ada'), person('ben'), person('cy'), office, post('chair', 'Chair of the Link Office', 1), post('member', 'Member of the Link Office')],
    [...facts, postOf('chair', 'Chair of the Link Office'), postOf('member', 'Member of the Link Office')],
  );
}

const documentB = testDocument(
  'links-b',
  ['adah Linktester became deputy in 2002.', 'ben Linktester became vice in 2006.', 'Deputy of the Link Office and Vice of the Link Office.'],
  [person('adah'), person('ben'), office, post('deputy', 'Deputy of the Link Office'), post('vice', 'Vice of the Link Office')],
  [tenure('adah', 'deputy', '2002'), tenure('ben', 'vice', '2006'), postOf('deputy', 'Deputy of the Link Office'), postOf('vice', 'Vice of the Link Office')],
);

const documentC = testDocument(
  'links-c',
  ['dee Linktester became member in 2009.', 'Member of the Link Office.'],
  [person('dee'), office, post('member', 'Member of the Link Office')],
  [tenure('dee', 'member', '2009'), postOf('member', 'Member of the Link Office')],
);

const PATHS = `query ($from: ID!, $to: ID!, $at: Date) {
  paths(from: $from, to: $to, maxHops: 4, first: 20, at: $at) { length nodes { id } edges { id type source target } }
}`;
const NEIGHBORHOOD = `query ($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { id } edges { id type source target } } }`;

describe('the one-step tenure links', () => {
  it('follow every write that changes tenures, and are never shown', async () => {
    const store = server().app.store;
    await ingestDocument(store, documentA(true));
    await ingestDocument(store, documentB);
    const tenures = await expectOneLinkPerTenure(6);
    // Held days are copied: ada's chair tenure ends when ben's begins (one seat).
    expect(tenures).toContain('tenure:links-ada--links-chair--2001 person:links-ada post:links-chair 2001-01-01 2004-12-31');

    // A path crosses a tenure in one hop, shown as the tenure's HOLDS edge, person to post.
    const { paths } = await data(PATHS, { from: 'person:links-ada', to: 'person:links-ben' });
    expect(paths[0]).toEqual({
      length: 2,
      nodes: [{ id: 'person:links-ada' }, { id: 'post:links-chair' }, { id: 'person:links-ben' }],
      edges: [
        { id: 'tenure:links-ada--links-chair--2001', type: 'HOLDS', source: 'person:links-ada', target: 'post:links-chair' },
        { id: 'tenure:links-ben--links-chair--2005', type: 'HOLDS', source: 'person:links-ben', target: 'post:links-chair' },
      ],
    });
    for (const path of paths) for (const edge of path.edges) expect(edge.type).not.toBe('HOLDS_POST');
    // As of 2002 ben held nothing yet, so nothing joins them.
    expect((await data(PATHS, { from: 'person:links-ada', to: 'person:links-ben', at: '2002' })).paths).toEqual([]);

    const { neighborhood } = await data(NEIGHBORHOOD, { id: 'person:links-ada' });
    expect(neighborhood.edges.map((edge: { type: string }) => edge.type)).not.toContain('HOLDS_POST');
    expect(neighborhood.edges.filter((edge: { type: string }) => edge.type === 'HOLDS').map((edge: { id: string }) => edge.id).sort()).toEqual([
      'tenure:links-ada--links-chair--2001', 'tenure:links-ada--links-member--2003',
      'tenure:links-ben--links-chair--2005', 'tenure:links-cy--links-member--2004',
    ]);

    // Two spellings of one person become one: adah's tenure is re-keyed onto ada, with its link.
    await mergeEntities(store, 'person:links-ada', 'person:links-adah');
    const afterPersonMerge = await expectOneLinkPerTenure(6);
    expect(afterPersonMerge.some((line) => line.includes('links-adah'))).toBe(false);
    expect(afterPersonMerge).toContain('tenure:links-ada--links-deputy--2002 person:links-ada post:links-deputy 2002-01-01 -');

    // Two posts become one: ben's vice tenure moves to the deputy post.
    await mergeEntities(store, 'post:links-deputy', 'post:links-vice');
    const afterPostMerge = await expectOneLinkPerTenure(6);
    expect(afterPostMerge.some((line) => line.includes('post:links-vice'))).toBe(false);
    expect(afterPostMerge).toContain('tenure:links-ben--links-deputy--2006 person:links-ben post:links-deputy 2006-01-01 -');

    // The source is written again without cy's tenure: it goes, and its link with it.
    await ingestDocument(store, documentA(false), { replace: true });
    const afterReplace = await expectOneLinkPerTenure(5);
    expect(afterReplace.some((line) => line.includes('person:links-cy'))).toBe(false);

    // dee's only fact is one tenure: retracting its source removes dee, whose link is no fact.
    await ingestDocument(store, documentC);
    await expectOneLinkPerTenure(6);
    const retracted = await retractSource(store, 'source:links-c');
    expect(retracted.entitiesRemoved).toContain('person:links-dee');
    await expectOneLinkPerTenure(5);

    await retractSource(store, 'source:links-b');
    await expectOneLinkPerTenure(3);
  });

  it('are rewritten at start-up when the store lacks them or they differ from the tenures', async () => {
    const store = server().app.store;
    await ingestDocument(store, documentA(true));
    await expectOneLinkPerTenure(4);
    const session = server().app.driver.session();
    try {
      await session.run(
        `MATCH (:Person)-[link:HOLDS_POST]->(:Post {id: 'post:links-member'}) DELETE link
         WITH count(*) AS deleted
         MATCH (:Person)-[stale:HOLDS_POST]->(:Post {id: 'post:links-chair'}) SET stale.heldTo = '1900-01-01'`,
      );
    } finally {
      await session.close();
    }
    const broken = await tenuresAndLinks(server().app.driver, PREFIX);
    expect(broken.links).not.toEqual(broken.tenures);
    expect(await repairHoldsPostLinks(store)).toBeGreaterThanOrEqual(2);
    await expectOneLinkPerTenure(4);
    expect(await repairHoldsPostLinks(store)).toBe(0);
  });
});
