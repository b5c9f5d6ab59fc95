/** Events, organizations, themes, documents and places: the links around what happened. */
import type { Resolvers } from '../generated/resolverTypes.js';
import type { ParticipationRole } from '../model/document.js';
import type { EntityRecord, ParticipantGroupRecord } from '../graph/records.js';
import type { RequestContext } from './context.js';
import { existingEntity, relatedEntities, relatedEntity, relatedWithEvidence } from './entity.js';
import { factEvidence } from './evidence.js';
import { byRole } from './people.js';

type Parent = EntityRecord;
type Context = RequestContext;

const themeLinks = async (entity: Parent, type: string, context: Context) =>
  (await relatedWithEvidence(context, entity, type, 'OUT')).map((link) => ({ theme: link.entity, evidence: link.evidence }));

export const eventResolvers = {
  Event: {
    place: (event: Parent, _args: unknown, context: Context) => relatedEntity(context, event, 'HELD_IN', 'OUT'),
    organizers: (event: Parent, _args: unknown, context: Context) => relatedEntities(context, event, 'ORGANIZED_BY', 'OUT'),
    participants: async (event: Parent, args: { role?: ParticipationRole | null }, context: Context) =>
      byRole(await context.loaders.eventParticipants.load(event.id), args.role),
    participantGroups: (event: Parent, _args: unknown, context: Context) => context.loaders.eventParticipantGroups.load(event.id),
    themes: (event: Parent, _args: unknown, context: Context) => themeLinks(event, 'ADDRESSED', context),
    documents: (event: Parent, _args: unknown, context: Context) => relatedEntities(context, event, 'APPROVED', 'OUT'),
    referencedEvents: (event: Parent, _args: unknown, context: Context) => relatedEntities(context, event, 'REFERENCED', 'OUT'),
    referencedBy: (event: Parent, _args: unknown, context: Context) => relatedEntities(context, event, 'REFERENCED', 'IN'),
    partOf: (event: Parent, _args: unknown, context: Context) => relatedEntity(context, event, 'PART_OF', 'OUT'),
  },
  ParticipantGroup: {
    event: (group: ParticipantGroupRecord, _args: unknown, context: Context) => existingEntity(context, group.eventId),
    organization: (group: ParticipantGroupRecord, _args: unknown, context: Context) =>
      group.organizationId ? context.loaders.entity.load(group.organizationId) : null,
    evidence: factEvidence,
  },
  ThemeLink: {
    evidence: factEvidence,
  },
  Organization: {
    parent: (org: Parent, _args: unknown, context: Context) => relatedEntity(context, org, 'PART_OF', 'OUT'),
    children: (org: Parent, _args: unknown, context: Context) => relatedEntities(context, org, 'PART_OF', 'IN'),
    posts: (org: Parent, _args: unknown, context: Context) => relatedEntities(context, org, 'POST_OF', 'IN'),
    events: (org: Parent, _args: unknown, context: Context) => relatedEntities(context, org, 'ORGANIZED_BY', 'IN'),
    places: (org: Parent, _args: unknown, context: Context) => relatedEntities(context, org, 'BASED_IN', 'OUT'),
  },
  PolicyTheme: {
    broader: (theme: Parent, _args: unknown, context: Context) => relatedEntity(context, theme, 'BROADER', 'OUT'),
    narrower: (theme: Parent, _args: unknown, context: Context) => relatedEntities(context, theme, 'BROADER', 'IN'),
    events: (theme: Parent, _args: unknown, context: Context) => relatedEntities(context, theme, 'ADDRESSED', 'IN'),
  },
  Document: {
    approvedAt: (document: Parent, _args: unknown, context: Context) => relatedEntity(context, document, 'APPROVED', 'IN'),
    themes: (document: Parent, _args: unknown, context: Context) => themeLinks(document, 'CONCERNS', context),
  },
  Place: {
    within: (place: Parent, _args: unknown, context: Context) => relatedEntity(context, place, 'WITHIN', 'OUT'),
  },
  Source: {
    text: async (source: Parent, _args: unknown, context: Context) =>
    {
      if (typeof source.text === 'string') return source.text;
      const loaded = await context.loaders.entity.load(source.id);
      return typeof loaded?.text === 'string' ? loaded.text : null;
    },
  },
} satisfies Resolvers;
