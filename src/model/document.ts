/**
 * The ingest document: one source, its full text, and every entity and fact it supports,
 * each with the exact quote that says so. seeds/*.json, `npm run ingest` and the `ingest`
 * mutation all take this one format, so there is one way into the graph.
 *
 * Shape checks live here (zod); checks that need the whole document (quotes occur in the
 * text, references resolve, kinds fit) live in validateDocument.ts.
 */
import { z } from 'zod';
import { isPartialDate, PARTIAL_DATE_HINT } from './partialDate.js';

export const ENTITY_KINDS = [
  'PERSON',
  'ORGANIZATION',
  'POST',
  'EVENT',
  'POLICY_THEME',
  'DOCUMENT',
  'PLACE',
  'SOURCE',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The Neo4j label of each kind, which is also its GraphQL type name. */
export const KIND_LABELS = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  POST: 'Post',
  EVENT: 'Event',
  POLICY_THEME: 'PolicyTheme',
  DOCUMENT: 'Document',
  PLACE: 'Place',
  SOURCE: 'Source',
} as const satisfies Record<EntityKind, string>;

export const PARTICIPATION_ROLES = ['PRESIDED', 'SPOKE', 'ATTENDED', 'ORGANIZED', 'HOSTED', 'OTHER'] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const ORG_TYPES = ['PARTY_COMMITTEE', 'GOVERNMENT', 'COMMITTEE', 'LEGISLATURE', 'PARTY', 'AGENCY', 'OTHER'] as const;

/** Limits that keep one document inside one reasonable write transaction. */
export const LIMITS = {
  textLength: 2_000_000,
  stringLength: 10_000,
  entities: 20_000,
  facts: 50_000,
  aliases: 100,
  identifiers: 100,
} as const;

const text = (max: number = LIMITS.stringLength) => z.string().trim().min(1, 'expected a non-empty string').max(max);

const partialDate = z.string().refine(isPartialDate, {
  error: (issue) => `expected ${PARTIAL_DATE_HINT}, but got: ${JSON.stringify(issue.input)}`,
});

const entityIdPattern = /^[a-z]+:[^\s]+$/u;
const explicitId = z.string().regex(entityIdPattern, 'expected an id like "person:huang-qiang"').max(300);

const evidenceFields = {
  quote: text(),
  note: text().optional(),
};

export const sourceSchema = z.strictObject({
  id: explicitId.optional(),
  name: text(1_000),
  url: z.url().max(2_000).optional(),
  publisher: text(1_000).optional(),
  publishedDate: partialDate.optional(),
  publishedDateNote: text().optional(),
  editor: text(1_000).optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag like "en" or "zh-Hans"'),
  retrievedAt: partialDate.optional(),
  text: text(LIMITS.textLength),
});

/** An identifier in another register, "scheme:value" such as "wikidata:Q35536081". */
const identifier = z
  .string()
  .max(1_000)
  .regex(/^[A-Za-z0-9_.-]+:\S(.*\S)?$/u, 'expected an identifier "scheme:value" such as "wikidata:Q35536081"');

const entityBase = {
  ref: text(300),
  id: explicitId.optional(),
  name: text(1_000),
  aliases: z.array(text(1_000)).max(LIMITS.aliases).default([]),
  disambiguator: text(300).optional(),
  identifiers: z.array(identifier).max(LIMITS.identifiers).optional(),
  ...evidenceFields,
};

export const entitySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('PERSON'),
    ...entityBase,
    nameZh: text(300).optional(),
    gender: text(50).optional(),
    birthDate: partialDate.optional(),
  }),
  z.strictObject({ kind: z.literal('ORGANIZATION'), ...entityBase, orgType: z.enum(ORG_TYPES).default('OTHER') }),
  z.strictObject({
    kind: z.literal('POST'),
    ...entityBase,
    role: text(300),
    /** How many people hold the post at once, when the source says so: 1 = one holder at a time. */
    seats: z.int().min(1).max(100_000).optional(),
  }),
  z.strictObject({
    kind: z.literal('EVENT'),
    ...entityBase,
    eventType: text(100).optional(),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
  }),
  z.strictObject({ kind: z.literal('POLICY_THEME'), ...entityBase, description: text().optional() }),
  z.strictObject({
    kind: z.literal('DOCUMENT'),
    ...entityBase,
    documentType: text(100).optional(),
    date: partialDate.optional(),
  }),
  z.strictObject({ kind: z.literal('PLACE'), ...entityBase, placeType: text(100).optional() }),
]);
export type IngestEntity = z.infer<typeof entitySchema>;

/**
 * Plain relationships between two entities, with the kinds each end must have.
 * PART_OF links organizations to organizations and events to events.
 */
export const RELATION_ENDPOINTS = {
  POST_OF: [['POST', 'ORGANIZATION']],
  PART_OF: [
    ['ORGANIZATION', 'ORGANIZATION'],
    ['EVENT', 'EVENT'],
  ],
  BASED_IN: [['ORGANIZATION', 'PLACE']],
  ORGANIZED_BY: [['EVENT', 'ORGANIZATION']],
  HELD_IN: [['EVENT', 'PLACE']],
  ADDRESSED: [['EVENT', 'POLICY_THEME']],
  REFERENCED: [['EVENT', 'EVENT']],
  APPROVED: [['EVENT', 'DOCUMENT']],
  CONCERNS: [['DOCUMENT', 'POLICY_THEME']],
  WITHIN: [['PLACE', 'PLACE']],
  BROADER: [['POLICY_THEME', 'POLICY_THEME']],
  /** A post that represents a place: a constituency seat. */
  REPRESENTS: [['POST', 'PLACE']],
} as const satisfies Record<string, ReadonlyArray<readonly [EntityKind, EntityKind]>>;
export type RelationType = keyof typeof RELATION_ENDPOINTS;
export const RELATION_TYPES = Object.keys(RELATION_ENDPOINTS) as [RelationType, ...RelationType[]];

export const factSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('TENURE'),
    ref: text(300).optional(),
    person: text(300),
    post: text(300),
    startDate: partialDate.optional(),
    endDate: partialDate.optional(),
    /** The organization (a party) on whose behalf the post was held. */
    onBehalfOf: text(300).optional(),
    /**
     * The end of the term the tenure belongs to, when the source states one (a legislative
     * period, a fixed mandate): an open tenure is over by then. Not a stated end of the tenure.
     */
    termEnd: partialDate.optional(),
    ...evidenceFields,
  }),
  z.strictObject({
    type: z.literal('PARTICIPATION'),
    person: text(300),
    event: text(300),
    role: z.enum(PARTICIPATION_ROLES),
    capacity: text(300).optional(),
    ...evidenceFields,
  }),
  z.strictObject({
    type: z.literal('GROUP_PARTICIPATION'),
    event: text(300),
    name: text(1_000),
    role: z.enum(PARTICIPATION_ROLES),
    organization: text(300).optional(),
    ...evidenceFields,
  }),
  z.strictObject({
    type: z.literal('SUCCEEDS'),
    from: text(300),
    to: text(300),
    ...evidenceFields,
  }),
  z.strictObject({
    type: z.enum(RELATION_TYPES),
    from: text(300),
    to: text(300),
    ...evidenceFields,
  }),
]);
export type IngestFact = z.infer<typeof factSchema>;

export const ingestDocumentSchema = z.strictObject({
  source: sourceSchema,
  entities: z.array(entitySchema).max(LIMITS.entities),
  facts: z.array(factSchema).max(LIMITS.facts),
});
export type IngestDocument = z.infer<typeof ingestDocumentSchema>;
