/**
 * timeline(id): what happened to a person, organization, post or policy theme, in date order,
 * each entry with the evidence for it. Entries:
 * - TENURE_STARTED / TENURE_ENDED: a stated startDate / endDate of a tenure;
 * - TENURE_ATTESTED: a tenure without a stated start, on the date it counts from (its stored
 *   effectiveStart: the earliest source's date, or a stated end attested later);
 * - EVENT: an event the person took part in, the organization organized or that addressed the theme;
 * - DOCUMENT: a document approved at one of those events (on the event's date), or concerning
 *   the theme (on the document's date).
 * Undated events and documents have no place on a timeline and are left out. Every list read is
 * bounded by the nested-list limit of the loaders.
 */
import type { Resolvers } from '../generated/resolverTypes.js';
import { badArgument, notFound } from '../errors.js';
import { firstDay } from '../model/partialDate.js';
import type { EntityRecord, ParticipationRecord, TenureRecord } from '../graph/records.js';
import { parseEvidence, type EvidenceRecord } from '../graph/records.js';
import type { RequestContext } from './context.js';

type Context = RequestContext;

export interface TimelineEntry {
  date: string;
  kind: 'TENURE_STARTED' | 'TENURE_ATTESTED' | 'TENURE_ENDED' | 'EVENT' | 'DOCUMENT';
  summary: string;
  entity: EntityRecord | null;
  evidence: EvidenceRecord[];
}

const KIND_ORDER: Record<TimelineEntry['kind'], number> = {
  TENURE_ENDED: 0,
  TENURE_STARTED: 1,
  TENURE_ATTESTED: 2,
  EVENT: 3,
  DOCUMENT: 4,
};

const ROLE_WORDS: Record<string, string> = {
  PRESIDED: 'presided over',
  SPOKE: 'spoke at',
  ATTENDED: 'attended',
  ORGANIZED: 'organized',
  HOSTED: 'hosted',
  OTHER: 'took part in',
};

async function entitiesById(context: Context, ids: Iterable<string>): Promise<Map<string, EntityRecord>> {
  const unique = [...new Set(ids)];
  const loaded = await context.loaders.entity.loadMany(unique);
  const byId = new Map<string, EntityRecord>();
  loaded.forEach((entity, index) => {
    if (entity && !(entity instanceof Error)) byId.set(unique[index] as string, entity);
  });
  return byId;
}

async function tenureEntries(context: Context, tenures: ReadonlyArray<TenureRecord>): Promise<TimelineEntry[]> {
  const names = await entitiesById(context, tenures.flatMap((tenure) => [tenure.personId, tenure.postId]));
  const entries: TimelineEntry[] = [];
  for (const tenure of tenures) {
    const person = names.get(tenure.personId)?.name ?? tenure.personId;
    const post = names.get(tenure.postId) ?? null;
    const postName = post?.name ?? tenure.postId;
    const evidence = parseEvidence(tenure.evidence);
    if (tenure.startDate) {
      entries.push({ date: tenure.startDate, kind: 'TENURE_STARTED', summary: `${person} took up the post of ${postName}`, entity: post, evidence });
    } else if (tenure.effectiveStart) {
      entries.push({ date: tenure.effectiveStart, kind: 'TENURE_ATTESTED', summary: `${person} is attested as ${postName}`, entity: post, evidence });
    }
    if (tenure.endDate) {
      entries.push({ date: tenure.endDate, kind: 'TENURE_ENDED', summary: `${person} left the post of ${postName}`, entity: post, evidence });
    }
  }
  return entries;
}

/** Documents approved at `events`, each on its own date, with the evidence of the approval. */
async function approvedDocumentEntries(context: Context, events: ReadonlyArray<EntityRecord>): Promise<TimelineEntry[]> {
  const approvals = await context.loaders.related.loadMany(events.map((event) => ({ id: event.id, type: 'APPROVED', direction: 'OUT' as const })));
  const entries: TimelineEntry[] = [];
  approvals.forEach((list, index) => {
    if (list instanceof Error) throw list;
    const event = events[index] as EntityRecord;
    for (const { entity: document, relationship } of list) {
      // The entry is the approval, so it takes the meeting's date; the document's own date
      // (often the period it covers, "2025" for a work report) only when the meeting has none.
      const date = (event.startDate as string | undefined) ?? (document.date as string | undefined);
      if (!date) continue;
      entries.push({ date, kind: 'DOCUMENT', summary: `${event.name} approved ${document.name}`, entity: document, evidence: parseEvidence(relationship.evidence) });
    }
  });
  return entries;
}

function eventEntry(event: EntityRecord, summary: string, evidence: unknown): TimelineEntry[] {
  const date = event.startDate as string | undefined;
  return date ? [{ date, kind: 'EVENT', summary, entity: event, evidence: parseEvidence(evidence) }] : [];
}

async function personTimeline(context: Context, person: EntityRecord): Promise<TimelineEntry[]> {
  const [records, participations] = await Promise.all([
    context.loaders.personTenures().load(person.id),
    context.loaders.personParticipations.load(person.id),
  ]);
  const events = await entitiesById(context, participations.map((record: ParticipationRecord) => record.eventId));
  const eventEntries = participations.flatMap((record) => {
    const event = events.get(record.eventId);
    return event ? eventEntry(event, `${person.name} ${ROLE_WORDS[record.role] ?? 'took part in'} ${event.name}`, record.evidence) : [];
  });
  return [
    ...(await tenureEntries(context, records)),
    ...eventEntries,
    ...(await approvedDocumentEntries(context, [...events.values()])),
  ];
}

async function organizationTimeline(context: Context, organization: EntityRecord): Promise<TimelineEntry[]> {
  const [posts, organized] = await Promise.all([
    context.loaders.related.load({ id: organization.id, type: 'POST_OF', direction: 'IN' }),
    context.loaders.related.load({ id: organization.id, type: 'ORGANIZED_BY', direction: 'IN' }),
  ]);
  const perPost = await context.loaders.postTenures().loadMany(posts.map((post) => post.entity.id));
  const tenures = perPost.flatMap((list) => {
    if (list instanceof Error) throw list;
    return list;
  });
  const events = organized.map((item) => item.entity);
  return [
    ...(await tenureEntries(context, tenures)),
    ...organized.flatMap((item) => eventEntry(item.entity, `${organization.name} organized ${item.entity.name}`, item.relationship.evidence)),
    ...(await approvedDocumentEntries(context, events)),
  ];
}

async function postTimeline(context: Context, post: EntityRecord): Promise<TimelineEntry[]> {
  return tenureEntries(context, await context.loaders.postTenures().load(post.id));
}

async function themeTimeline(context: Context, theme: EntityRecord): Promise<TimelineEntry[]> {
  const [events, documents] = await Promise.all([
    context.loaders.related.load({ id: theme.id, type: 'ADDRESSED', direction: 'IN' }),
    context.loaders.related.load({ id: theme.id, type: 'CONCERNS', direction: 'IN' }),
  ]);
  return [
    ...events.flatMap((item) => eventEntry(item.entity, `${item.entity.name} addressed ${theme.name}`, item.relationship.evidence)),
    ...documents.flatMap(({ entity: document, relationship }) =>
      typeof document.date === 'string'
        ? [{ date: document.date, kind: 'DOCUMENT' as const, summary: `${document.name} concerns ${theme.name}`, entity: document, evidence: parseEvidence(relationship.evidence) }]
        : [],
    ),
  ];
}

const TIMELINES: Record<string, (context: Context, entity: EntityRecord) => Promise<TimelineEntry[]>> = {
  PERSON: personTimeline,
  ORGANIZATION: organizationTimeline,
  POST: postTimeline,
  POLICY_THEME: themeTimeline,
};

/** Date order (by first day), then ends before starts, then by summary: the same graph gives the same list. */
function inDateOrder(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.sort(
    (a, b) =>
      compare(firstDay(a.date), firstDay(b.date)) ||
      compare(a.date, b.date) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      compare(a.summary, b.summary),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const timelineResolvers = {
  Query: {
    timeline: async (_root: unknown, args: { id: string }, context: Context) => {
      const entity = await context.loaders.entity.load(args.id);
      if (!entity) throw notFound('entity', args.id);
      const build = TIMELINES[entity.kind];
      if (!build) throw badArgument('id', 'expected the id of a person, organization, post or policy theme', args.id);
      return inDateOrder(await build(context, entity));
    },
  },
} satisfies Resolvers;
