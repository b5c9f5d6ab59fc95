/**
 * Plain records as the Cypher queries return them, and the parsing of stored evidence.
 * Facts keep their evidence as JSON strings {"s": sourceId, "q": quote, "n": note}: one list
 * per relationship or fact node, one entry per supporting source.
 */
import type { EntityKind, ParticipationRole } from '../model/document.js';
import type { TenureInterval } from '../model/tenureIntervals.js';

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  [property: string]: unknown;
}

export interface EvidenceRecord {
  sourceId: string;
  quote: string;
  note: string | null;
}

/** A tenure as stored: what its sources state, and the interval the write path computed. */
export interface TenureRecord extends Partial<Omit<TenureInterval, 'id'>> {
  id: string;
  personId: string;
  postId: string;
  startDate?: string | null;
  endDate?: string | null;
  termEnd?: string | null;
  /** The organization (party) the post was held on behalf of. */
  onBehalfOfId?: string | null;
  evidence: string[];
}

export interface ParticipationRecord {
  personId: string;
  eventId: string;
  role: ParticipationRole;
  capacityId: string | null;
  evidence: string[];
}

export interface ParticipantGroupRecord {
  id: string;
  name: string;
  role: ParticipationRole;
  eventId: string;
  organizationId: string | null;
  evidence: string[];
}

/** A theme an event or document addresses, with the stored evidence of the link. */
export interface ThemeLinkRecord {
  theme: EntityRecord;
  evidence: unknown;
}

/** A colleague of a person and what they share. */
export interface ColleagueRecord {
  personId: string;
  shared: EntityRecord[];
}

/** A person holding posts in two organizations, with the tenures in each. */
export interface InterlockRecord {
  personId: string;
  tenuresA: TenureRecord[];
  tenuresB: TenureRecord[];
}

export interface RelatedRecord {
  entity: EntityRecord;
  relationship: Record<string, unknown>;
}

/** Stored evidence entries, ordered by source id so answers do not depend on ingest order. */
export function parseEvidence(entries: unknown): EvidenceRecord[] {
  if (!Array.isArray(entries)) return [];
  return entries
    .map((entry) => {
      const parsed = JSON.parse(String(entry)) as { s: string; q: string; n?: string };
      return { sourceId: parsed.s, quote: parsed.q, note: parsed.n ?? null };
    })
    .sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0));
}
