/**
 * The bulk graph format that `npm run generate` writes and `npm run import:bulk` loads: a
 * folder with manifest.json and one NDJSON file per stage, each line one record. Stages are
 * loaded in the order of BULK_STAGES, so every record only refers to what an earlier stage
 * (or an earlier line) wrote. Evidence is the same as everywhere else: every entity carries the
 * sources that mention it with the exact quote, and every fact its evidence entries
 * ({"s": sourceId, "q": quote}) and the ids of its sources; each quote occurs in its source's text.
 */
import type { EntityKind, ParticipationRole } from '../model/document.js';

export const BULK_STAGES = ['sources', 'entities', 'relations', 'tenures', 'participations', 'successions'] as const;
export type BulkStage = (typeof BULK_STAGES)[number];

export interface BulkManifest {
  format: 'officegraph-bulk/1';
  /** Names the data set; import checkpoints are kept per data set. */
  id: string;
  persons: number;
  seed: number;
  /** Records per stage file. */
  records: Record<BulkStage, number>;
  /** What the data set adds to an empty graph. */
  nodes: number;
  relationships: number;
}

export interface BulkSource {
  id: string;
  name: string;
  publisher: string;
  publishedDate: string;
  language: string;
  text: string;
}

export interface BulkMention {
  s: string;
  q: string;
}

export interface BulkEntity {
  id: string;
  kind: Exclude<EntityKind, 'SOURCE'>;
  label: string;
  name: string;
  aliases: string[];
  properties: Record<string, string | number>;
  mentions: BulkMention[];
}

/** Stored evidence entries (JSON strings, as ingest writes them) and the ids of their sources. */
export interface BulkEvidence {
  evidence: string[];
  sourceIds: string[];
}

export interface BulkRelation extends BulkEvidence {
  type: string;
  from: string;
  to: string;
}

export interface BulkTenure extends BulkEvidence {
  id: string;
  person: string;
  post: string;
  startDate: string | null;
  endDate: string | null;
  termEnd: string | null;
  onBehalfOf: string | null;
}

export interface BulkParticipation extends BulkEvidence {
  person: string;
  event: string;
  role: ParticipationRole;
  capacity: string | null;
}

export interface BulkSuccession extends BulkEvidence {
  from: string;
  to: string;
}

export interface BulkRecords {
  sources: BulkSource;
  entities: BulkEntity;
  relations: BulkRelation;
  tenures: BulkTenure;
  participations: BulkParticipation;
  successions: BulkSuccession;
}

export const stageFile = (stage: BulkStage) => `${stage}.ndjson`;
