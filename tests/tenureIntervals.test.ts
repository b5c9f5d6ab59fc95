/**
 * The tenure-interval rule of src/model/tenureIntervals.ts on hand-worked cases: partial dates,
 * attested starts, stated and derived ends, one seat against several or unknown seats, terms,
 * and derived bounds that would contradict a stated date. The property-based agreement test
 * (tests/asOfAgreement.test.ts) checks every query against a reference on generated graphs.
 */
import { describe, expect, it } from 'vitest';
import { tenureIntervals, type TenureFacts } from '../src/model/tenureIntervals.js';

// The holder's id is only there to make the cases readable: the rule does not look at holders.
const tenure = (id: string, _holder: string, facts: Partial<TenureFacts> = {}): TenureFacts => ({
  id,
  startDate: null,
  endDate: null,
  termEnd: null,
  sourceDates: [],
  succeeds: [],
  ...facts,
});

const summary = (seats: number | null, tenures: TenureFacts[]) =>
  tenureIntervals(seats, tenures).map(({ id, heldFrom, heldTo, endBasis, predecessorId, successorId }) => ({
    id,
    heldFrom,
    heldTo,
    endBasis,
    predecessorId,
    successorId,
  }));

describe('tenureIntervals', () => {
  const chain = [
    tenure('t:c', 'person:c', { sourceDates: ['2021-05', '2022'] }),
    tenure('t:a', 'person:a', { startDate: '2010', endDate: '2014-06' }),
    tenure('t:b', 'person:b', { startDate: '2014-06' }),
  ];

  it('on a one-seat post, ends an open tenure the day before the next holder starts', () => {
    expect(summary(1, chain)).toEqual([
      { id: 't:c', heldFrom: '2021-05-01', heldTo: null, endBasis: null, predecessorId: 't:b', successorId: null },
      { id: 't:a', heldFrom: '2010-01-01', heldTo: '2014-06-30', endBasis: 'STATED', predecessorId: null, successorId: 't:b' },
      { id: 't:b', heldFrom: '2014-06-01', heldTo: '2021-04-30', endBasis: 'NEXT_HOLDER', predecessorId: 't:a', successorId: 't:c' },
    ]);
    const [attested] = tenureIntervals(1, chain);
    expect(attested).toMatchObject({ attestedFrom: '2021-05', effectiveStart: '2021-05', effectiveEnd: null, endIsDerived: false });
  });

  it('on a post with several or unknown seats, never ends a tenure because another holder starts', () => {
    for (const seats of [null, 3]) {
      expect(summary(seats, chain)).toEqual([
        { id: 't:c', heldFrom: '2021-05-01', heldTo: null, endBasis: null, predecessorId: null, successorId: null },
        { id: 't:a', heldFrom: '2010-01-01', heldTo: '2014-06-30', endBasis: 'STATED', predecessorId: null, successorId: null },
        { id: 't:b', heldFrom: '2014-06-01', heldTo: null, endBasis: null, predecessorId: null, successorId: null },
      ]);
    }
  });

  it('bounds an open tenure by a stated successor first, then by its term, on any post', () => {
    const tenures = [
      tenure('t:x', 'person:x', { startDate: '2000', termEnd: '2009' }),
      tenure('t:z', 'person:z', { startDate: '2003-03-15', succeeds: ['t:x'] }),
      tenure('t:y', 'person:y', { startDate: '2005', termEnd: '2009-06' }),
      tenure('t:undated', 'person:u'),
    ];
    expect(summary(null, tenures)).toEqual([
      { id: 't:x', heldFrom: '2000-01-01', heldTo: '2003-03-14', endBasis: 'SUCCESSOR', predecessorId: null, successorId: 't:z' },
      { id: 't:z', heldFrom: '2003-03-15', heldTo: null, endBasis: null, predecessorId: 't:x', successorId: null },
      { id: 't:y', heldFrom: '2005-01-01', heldTo: '2009-06-30', endBasis: 'TERM', predecessorId: null, successorId: null },
      { id: 't:undated', heldFrom: null, heldTo: null, endBasis: null, predecessorId: null, successorId: null },
    ]);
  });

  it('counts a tenure first attested after its stated end on no day', () => {
    expect(summary(null, [tenure('t:gone', 'person:g', { endDate: '2015-03-27', sourceDates: ['2016-01-10'] })])).toEqual([
      { id: 't:gone', heldFrom: null, heldTo: null, endBasis: 'STATED', predecessorId: null, successorId: null },
    ]);
    expect(tenureIntervals(null, [tenure('t:early', 'person:e', { endDate: '2015', sourceDates: ['2014-02'] })])[0]).toMatchObject({
      effectiveStart: '2014-02',
      heldFrom: '2014-02-01',
      heldTo: '2015-12-31',
    });
  });

  it('passes over a derived bound that would end a tenure before it starts', () => {
    const tenures = [
      tenure('t:late', 'person:l', { startDate: '2012', termEnd: '2010' }),
      tenure('t:same-day', 'person:s', { startDate: '2012' }),
    ];
    expect(summary(1, tenures)).toEqual([
      { id: 't:late', heldFrom: '2012-01-01', heldTo: null, endBasis: null, predecessorId: null, successorId: null },
      { id: 't:same-day', heldFrom: '2012-01-01', heldTo: null, endBasis: null, predecessorId: null, successorId: null },
    ]);
  });

  it('on a one-seat post, ends a tenure at the same holder\'s next tenure (a re-appointment) too', () => {
    const tenures = [
      tenure('t:first', 'person:a', { startDate: '2001' }),
      tenure('t:again', 'person:a', { startDate: '2006' }),
      tenure('t:next', 'person:b', { startDate: '2010-07-01' }),
    ];
    expect(summary(1, tenures)).toEqual([
      { id: 't:first', heldFrom: '2001-01-01', heldTo: '2005-12-31', endBasis: 'NEXT_HOLDER', predecessorId: null, successorId: 't:again' },
      { id: 't:again', heldFrom: '2006-01-01', heldTo: '2010-06-30', endBasis: 'NEXT_HOLDER', predecessorId: 't:first', successorId: 't:next' },
      { id: 't:next', heldFrom: '2010-07-01', heldTo: null, endBasis: null, predecessorId: 't:again', successorId: null },
    ]);
  });
});
