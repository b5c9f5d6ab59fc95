/**
 * The time rules of src/graph/tenureTimeline.ts on their own: partial dates as intervals,
 * attested starts, derived ends, stated successions, and "held between two dates".
 */
import { describe, expect, it } from 'vitest';
import type { TenureRecord } from '../src/graph/records.js';
import { inSuccessionOrder, isHeldAt, isHeldDuring, resolvePostTenures } from '../src/graph/tenureTimeline.js';

const tenure = (id: string, personId: string, dates: Partial<TenureRecord> = {}): TenureRecord => ({
  id,
  personId,
  postId: 'post:p',
  startDate: null,
  endDate: null,
  attestedFrom: null,
  succeeds: [],
  evidence: [],
  ...dates,
});

describe('resolvePostTenures', () => {
  const resolved = resolvePostTenures([
    tenure('t:c', 'person:c', { attestedFrom: '2021-05' }),
    tenure('t:a', 'person:a', { startDate: '2010', endDate: '2014-06' }),
    tenure('t:b', 'person:b', { startDate: '2014-06' }),
  ]);
  const get = (id: string) => resolved.get(id)!;

  it('orders by effective start and links each holder to the next', () => {
    expect(inSuccessionOrder(resolved.values()).map((item) => [item.id, item.predecessorId, item.successorId])).toEqual([
      ['t:a', null, 't:b'],
      ['t:b', 't:a', 't:c'],
      ['t:c', 't:b', null],
    ]);
    expect(get('t:b')).toMatchObject({ effectiveStart: '2014-06', effectiveEnd: '2021-05', endIsDerived: true });
    expect(get('t:c')).toMatchObject({ effectiveStart: '2021-05', effectiveEnd: null });
  });

  it('reads a stated end as its whole interval and a derived end as the successor\'s first day', () => {
    expect(isHeldAt(get('t:a'), '2014-06-30')).toBe(true);
    expect(isHeldAt(get('t:a'), '2014-07')).toBe(false);
    expect(isHeldAt(get('t:b'), '2021-04-30')).toBe(true);
    expect(isHeldAt(get('t:b'), '2021-05')).toBe(false);
    expect(isHeldAt(get('t:c'), '2021')).toBe(true);
    expect(isHeldAt(get('t:c'), '2020-12-31')).toBe(false);
  });

  it('answers "held between" with open ends', () => {
    expect(isHeldDuring(get('t:a'), '2014-06-15', '2015')).toBe(true);
    expect(isHeldDuring(get('t:a'), '2014-07', null)).toBe(false);
    expect(isHeldDuring(get('t:c'), null, '2021-04')).toBe(false);
    expect(isHeldDuring(get('t:c'), null, '2021-05-01')).toBe(true);
    expect(isHeldDuring(get('t:b'), null, null)).toBe(true);
  });

  it('prefers a stated succession and never counts a tenure without any date', () => {
    const stated = resolvePostTenures([
      tenure('t:x', 'person:x', { startDate: '2000' }),
      tenure('t:y', 'person:y', { startDate: '2005' }),
      tenure('t:z', 'person:z', { startDate: '2003', succeeds: ['t:x'] }),
      tenure('t:undated', 'person:u'),
    ]);
    expect(stated.get('t:z')).toMatchObject({ predecessorId: 't:x', effectiveEnd: '2005' });
    expect(stated.get('t:x')).toMatchObject({ successorId: 't:z', effectiveEnd: '2003' });
    expect(isHeldAt(stated.get('t:undated')!, '2004')).toBe(false);
    expect(inSuccessionOrder(stated.values()).map((item) => item.id)).toEqual(['t:x', 't:z', 't:y', 't:undated']);
  });
});
