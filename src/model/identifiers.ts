/**
 * Identifiers in other registers. Entities store them as "scheme:value" strings
 * ("wikidata:Q7747"); GraphQL shows them as {scheme, value}. The scheme is everything before the
 * first colon, so values may hold colons of their own (URLs).
 */

export interface Identifier {
  scheme: string;
  value: string;
}

export const SCHEME_PATTERN = /^[A-Za-z0-9_.-]+$/;

export function identifierKey(scheme: string, value: string): string {
  return `${scheme}:${value}`;
}

/** "wikidata:Q7747" → {scheme: "wikidata", value: "Q7747"}; null for a string without a scheme. */
export function parseIdentifier(key: string): Identifier | null {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1) return null;
  return { scheme: key.slice(0, colon), value: key.slice(colon + 1) };
}

/**
 * The full-text query that finds exactly one identifier in the `entity_identifiers` index: the
 * index keeps each identifier whole (keyword analyzer), and a quoted phrase with `"` and `\`
 * escaped is one exact term.
 */
export function exactIdentifierQuery(key: string): string {
  return `"${key.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}
