/**
 * The intervals stored at write time move with the writes: a retraction that takes away the
 * earliest attestation moves the start; seats decide whether a new holder ends an open tenure;
 * a merge recomputes the posts it touches. And the seed states its seats.
 */
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../src/ingest/ingestDocument.js';
import { mergeEntities } from '../src/ingest/mergeEntities.js';
import { retractSource } from '../src/ingest/retractSource.js';
import { graphqlData, testDocument, testServerRetractingAfterwards } from './helpers/writeHelpers.js';

const SOURCES = ['early', 'late', 'seats', 'merge'].map((tag) => `source:stored-${tag}`);
const server = testServerRetractingAfterwards(SOURCES);
const data = (query: string, variables: Record<string, unknown> = {}) => graphqlData(server(), query, variables);

const TENURES = `query ($post: ID!, $at: Date) {
  post(id: $post) { seats tenures { person { id } effectiveStart effectiveEnd endIsDerived endBasis heldFrom heldTo } }
  roleHolders(post: $post, at: $at) { person { id } }
}`;

function governorDocument(tag: 'early' | 'late', publishedDate: string) {
  const sentences = ['Stored Tester served as Warden of the Stored Office.', 'The Warden of the Stored Office is one post.'];
  const document = testDocument(
    `stored-${tag}`,
    sentences,
    [
      { kind: 'PERSON', ref: 'p', id: 'person:stored-tester', name: 'Stored Tester', quote: 'Stored Tester' },
      { kind: 'ORGANIZATION', ref: 'o', id: 'org:stored-office', name: 'Stored Office', quote: 'the Stored Office' },
      { kind: 'POST', ref: 'w', id: 'post:stored-warden', name: 'Warden of the Stored Office', role: 'Warden', seats: 1, quote: 'Warden of the Stored Office' },
    ],
    [
      { type: 'POST_OF', from: 'w', to: 'o', quote: 'Warden of the Stored Office is one post' },
      { type: 'TENURE', person: 'p', post: 'w', quote: 'Stored Tester served as Warden of the Stored Office' },
    ],
  );
  return { ...document, source: { ...document.source, publishedDate } };
}

describe('stored intervals', () => {
  it('move the start when the source that gave the earliest attestation is retracted', async () => {
    await ingestDocument(server().app.store, governorDocument('late', '2026-03-01'));
    await ingestDocument(server().app.store, governorDocument('early', '2026-01-05'));
    const before = await data(TENURES, { post: 'post:stored-warden', at: '2026-02' });
    expect(before).toEqual({
      post: {
        seats: 1,
        tenures: [
          {
            person: { id: 'person:stored-tester' }, effectiveStart: '2026-01-05', effectiveEnd: null, endIsDerived: false,
            endBasis: null, heldFrom: '2026-01-05', heldTo: null,
          },
        ],
      },
      roleHolders: [{ person: { id: 'person:stored-tester' } }],
    });
    await retractSource(server().app.store, 'source:stored-early');
    const after = await data(TENURES, { post: 'post:stored-warden', at: '2026-02' });
    expect(after.post.tenures).toMatchObject([{ effectiveStart: '2026-03-01', heldFrom: '2026-03-01' }]);
    expect(after.roleHolders).toEqual([]);
  });

  it('end an open tenure at the next holder only on a post with one seat', async () => {
    const people = ['Ada', 'Ben', 'Cy'];
    const sentences = [
      ...people.map((name, index) => `${name} Seatholder took a seat in 200${index + 1}.`),
      ...people.map((name, index) => `${name} Seatholder became chair in 200${index + 1}.`),
      'The Seat Board has seats and a chair.',
    ];
    await ingestDocument(
      server().app.store,
      testDocument(
        'stored-seats',
        sentences,
        [
          ...people.map((name) => ({ kind: 'PERSON', ref: name, id: `person:${name.toLowerCase()}-seatholder`, name: `${name} Seatholder`, quote: `${name} Seatholder` })),
          { kind: 'ORGANIZATION', ref: 'board', id: 'org:seat-board', name: 'Seat Board', quote: 'The Seat Board' },
          { kind: 'POST', ref: 'member', id: 'post:seat-board-member', name: 'Member of the Seat Board', role: 'Member', seats: 3, quote: 'has seats' },
          { kind: 'POST', ref: 'chair', id: 'post:seat-board-chair', name: 'Chair of the Seat Board', role: 'Chair', seats: 1, quote: 'a chair' },
        ],
        [
          { type: 'POST_OF', from: 'member', to: 'board', quote: 'The Seat Board has seats' },
          { type: 'POST_OF', from: 'chair', to: 'board', quote: 'The Seat Board has seats and a chair' },
          ...people.flatMap((name, index) => [
            { type: 'TENURE', person: name, post: 'member', startDate: `200${index + 1}`, quote: `${name} Seatholder took a seat in 200${index + 1}` },
            { type: 'TENURE', person: name, post: 'chair', startDate: `200${index + 1}`, quote: `${name} Seatholder became chair in 200${index + 1}` },
          ]),
        ],
      ),
    );
    const answer = await data(`{
      members: roleHolders(post: "post:seat-board-member", at: "2005") { person { name } endBasis }
      chairs: roleHolders(post: "post:seat-board-chair", at: "2005") { person { name } }
      firstChair: roleHolders(post: "post:seat-board-chair", at: "2001") { person { name } heldTo endBasis successor { person { name } } }
      people(nameContains: "seatholder", at: "2005") { totalCount }
    }`);
    expect(answer).toEqual({
      members: [
        { person: { name: 'Ada Seatholder' }, endBasis: null },
        { person: { name: 'Ben Seatholder' }, endBasis: null },
        { person: { name: 'Cy Seatholder' }, endBasis: null },
      ],
      chairs: [{ person: { name: 'Cy Seatholder' } }],
      firstChair: [{ person: { name: 'Ada Seatholder' }, heldTo: '2001-12-31', endBasis: 'NEXT_HOLDER', successor: { person: { name: 'Ben Seatholder' } } }],
      people: { totalCount: 3 },
    });
  });

  it('are recomputed when a merge makes two holders one', async () => {
    const sentences = ['Mer Ger chaired the Merge Desk from 2010.', 'M. Ger chaired the Merge Desk from 2012.', 'The Merge Desk has one chair.'];
    await ingestDocument(
      server().app.store,
      testDocument(
        'stored-merge',
        sentences,
        [
          { kind: 'PERSON', ref: 'a', id: 'person:mer-ger', name: 'Mer Ger', quote: 'Mer Ger' },
          { kind: 'PERSON', ref: 'b', id: 'person:m-ger', name: 'M. Ger', quote: 'M. Ger' },
          { kind: 'ORGANIZATION', ref: 'desk', id: 'org:merge-desk', name: 'Merge Desk', quote: 'The Merge Desk' },
          { kind: 'POST', ref: 'chair', id: 'post:merge-desk-chair', name: 'Chair of the Merge Desk', role: 'Chair', seats: 1, quote: 'one chair' },
        ],
        [
          { type: 'POST_OF', from: 'chair', to: 'desk', quote: 'The Merge Desk has one chair' },
          { type: 'TENURE', person: 'a', post: 'chair', startDate: '2010', quote: 'Mer Ger chaired the Merge Desk from 2010' },
          { type: 'TENURE', person: 'b', post: 'chair', startDate: '2012', quote: 'M. Ger chaired the Merge Desk from 2012' },
        ],
      ),
    );
    await mergeEntities(server().app.store, 'person:mer-ger', 'person:m-ger');
    const answer = await data(`{ succession(post: "post:merge-desk-chair") { id person { id } heldFrom heldTo predecessor { id } successor { id } } }`);
    expect(answer.succession).toEqual([
      {
        id: 'tenure:mer-ger--merge-desk-chair--2010', person: { id: 'person:mer-ger' }, heldFrom: '2010-01-01', heldTo: '2011-12-31',
        predecessor: null, successor: { id: 'tenure:mer-ger--merge-desk-chair--2012' },
      },
      {
        id: 'tenure:mer-ger--merge-desk-chair--2012', person: { id: 'person:mer-ger' }, heldFrom: '2012-01-01', heldTo: null,
        predecessor: { id: 'tenure:mer-ger--merge-desk-chair--2010' }, successor: null,
      },
    ]);
  });

  it('read the seats the seed states: one for Secretary, Director and Governor, unknown for Deputy Director', async () => {
    const answer = await data(`{
      secretary: post(id: "post:secretary-of-the-jilin-provincial-party-committee") { seats }
      director: post(id: "post:director-of-the-jilin-provincial-foreign-affairs-committee") { seats }
      governor: post(id: "post:governor-of-jilin-province") { seats }
      deputy: post(id: "post:deputy-director-of-the-jilin-provincial-foreign-affairs-committee") { seats }
    }`);
    expect(answer).toEqual({ secretary: { seats: 1 }, director: { seats: 1 }, governor: { seats: 1 }, deputy: { seats: null } });
  });
});
