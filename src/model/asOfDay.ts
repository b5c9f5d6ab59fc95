/**
 * "As of one day" for clients that already hold stored properties (the explorer page draws the
 * elements it has and hides those not there on the chosen day). It only compares the days the
 * write path stored (src/model/tenureIntervals.ts), exactly as the Cypher fragments
 * cypher/fragments/tenure_held.cy and entity_existed.cy do for the server's queries.
 */
import { firstDay } from './partialDate.js';

/** Whether a tenure with these stored days was held on `day` ('YYYY-MM-DD'). */
export function heldOnDay(tenure: { heldFrom?: unknown; heldTo?: unknown }, day: string): boolean {
  if (typeof tenure.heldFrom !== 'string' || tenure.heldFrom > day) return false;
  return typeof tenure.heldTo !== 'string' || tenure.heldTo >= day;
}

/** Whether an entity existed by `day`: an event from its start, a document from its date, a source from its publication. */
export function existedByDay(properties: Record<string, unknown>, day: string): boolean {
  const date = properties.startDate ?? properties.date ?? properties.publishedDate;
  return typeof date !== 'string' || firstDay(date) <= day;
}
