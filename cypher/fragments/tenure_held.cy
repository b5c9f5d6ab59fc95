// tenure_held: THE "as of" predicate, included by every query that asks who held a post when.
// True when tenure TENURE counts as held on some day from FIRST to LAST ('YYYY-MM-DD', both
// days included; a null leaves that side open; both null asks nothing and is always true).
// It reads only the days stored by the write path (src/model/tenureIntervals.ts): heldFrom, the
// first day held, null when nothing dates the tenure; heldTo, the last day held, null while
// ongoing. Included as {{tenure_held VARIABLE FIRST LAST}}, e.g. {{tenure_held t $heldFirst $heldLast}}.
((FIRST IS NULL AND LAST IS NULL)
  OR (TENURE.heldFrom IS NOT NULL
      AND (LAST IS NULL OR TENURE.heldFrom <= LAST)
      AND (FIRST IS NULL OR TENURE.heldTo IS NULL OR TENURE.heldTo >= FIRST)))
