/**
 * Deterministic, readable ids: the same kind and name (and disambiguator) always give the
 * same id, so re-ingesting a report or a second report about the same people creates nothing new.
 */
import type { EntityKind } from './document.js';

export const ID_PREFIX: Record<EntityKind, string> = {
  PERSON: 'person',
  ORGANIZATION: 'org',
  POST: 'post',
  EVENT: 'event',
  POLICY_THEME: 'theme',
  DOCUMENT: 'doc',
  PLACE: 'place',
  SOURCE: 'source',
};

/** Lower-case, diacritics dropped, anything but letters and digits (of any script) folded to "-". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
}

export function entityId(kind: EntityKind, name: string, disambiguator?: string): string {
  const base = slugify(name);
  return `${ID_PREFIX[kind]}:${disambiguator ? `${base}-${slugify(disambiguator)}` : base}`;
}

/** The part of an id after its "kind:" prefix. */
export function idLocalPart(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(colon + 1);
}

export function tenureId(personId: string, postId: string, startDate: string | undefined): string {
  return `tenure:${idLocalPart(personId)}--${idLocalPart(postId)}--${startDate ?? 'undated'}`;
}

export function participantGroupId(eventId: string, name: string): string {
  return `group:${idLocalPart(eventId)}--${slugify(name)}`;
}
