// tenure_intervals_store: stores on each tenure the interval the tenure-interval rule computed
// (src/model/tenureIntervals.ts), which every "as of" read compares against.
// $intervals: [{id, attestedFrom, effectiveStart, effectiveEnd, endIsDerived, endBasis, heldFrom,
// heldTo, predecessorId, successorId}].
// Returns one row per tenure whose held days or neighbours changed: id, before {heldFrom, heldTo,
// predecessorId, successorId} (nulls for a new tenure), after (the same four).
UNWIND $intervals AS interval
MATCH (t:Tenure {id: interval.id})
WITH t, interval, t {.heldFrom, .heldTo, .predecessorId, .successorId} AS before
SET t += interval
WITH t, before, t {.heldFrom, .heldTo, .predecessorId, .successorId} AS after
// Compared key by key with nulls as '': a map comparison involving null is null, which would
// drop every new tenure and every change from or to an open end.
WHERE any(key IN ['heldFrom', 'heldTo', 'predecessorId', 'successorId'] WHERE coalesce(before[key], '') <> coalesce(after[key], ''))
RETURN t.id AS id, before, after
