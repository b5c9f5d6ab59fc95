/**
 * Turns a user's search text into a Lucene query for the entity_names full-text index, with
 * every Lucene special character escaped (user text never becomes query syntax). The whole
 * phrase ranks highest, then all words as prefixes, then any word.
 */

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
/** Words the CJK analyzer drops (Lucene's English stop set); a prefix query on them would never match. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (character) => `\\${character}`);
}

export function buildSearchQuery(text: string): string {
  const words = text
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
  const phrase = `"${escapeLucene(text.trim())}"^4`;
  if (words.length === 0) return phrase;
  const prefixes = words.map((word) => `${escapeLucene(word)}*`);
  const terms = words.map(escapeLucene);
  return `${phrase} OR (${prefixes.join(' AND ')})^2 OR ${terms.join(' OR ')}`;
}

/** The name or alias the user most likely meant: one containing the whole text, else sharing most words. */
export function bestMatchingName(text: string, names: ReadonlyArray<string>): string {
  const wanted = text.trim().toLowerCase();
  const containing = names.find((name) => name.toLowerCase().includes(wanted));
  if (containing !== undefined) return containing;
  const words = wanted.split(/\s+/).filter(Boolean);
  let best = names[0] ?? '';
  let bestScore = -1;
  for (const name of names) {
    const lower = name.toLowerCase();
    const score = words.filter((word) => lower.includes(word)).length;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
