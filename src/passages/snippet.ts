/**
 * The highlighted snippet of a passage hit: the passage (or a window of it around the first
 * match, marked with "…"), HTML-escaped, with every word of the search text that occurs in it
 * wrapped in <mark>…</mark>. Latin words match as word prefixes, ignoring case (as the
 * full-text query does); Chinese text matches by character pairs (as the CJK analyzer does).
 */

export const SNIPPET_LENGTH = 240;

const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** The pattern that finds the search text's words in a passage; undefined when it has none. */
export function highlightPattern(search: string): RegExp | undefined {
  const alternatives = new Set<string>();
  for (const run of search.match(CJK) ?? []) {
    const characters = [...run];
    if (characters.length === 1) alternatives.add(run);
    for (let index = 0; index + 1 < characters.length; index += 1) alternatives.add(`${characters[index]}${characters[index + 1]}`);
  }
  const latin = search.replace(CJK, ' ').toLowerCase().split(/[^\p{L}\p{N}]+/u);
  for (const word of latin) {
    if (word.length > 0 && !STOP_WORDS.has(word)) alternatives.add(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}[\\p{L}\\p{N}]*`);
  }
  if (alternatives.size === 0) return undefined;
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((alternative) => (alternative.startsWith('(?<!') ? alternative : escapeRegExp(alternative))).join('|'), 'giu');
}

export function snippet(text: string, search: string, length: number = SNIPPET_LENGTH): string {
  const pattern = highlightPattern(search);
  const matches = pattern ? [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length })) : [];
  let from = 0;
  let to = text.length;
  if (text.length > length) {
    const first = matches[0]?.start ?? 0;
    from = Math.max(0, Math.min(first - Math.floor(length / 4), text.length - length));
    if (from > 0) {
      const space = text.lastIndexOf(' ', from);
      if (space >= 0 && from - space < 20) from = space + 1;
    }
    to = Math.min(text.length, from + length);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from + length / 2) to = space;
    }
  }
  let result = from > 0 ? '…' : '';
  let position = from;
  for (const match of matches) {
    if (match.end <= from || match.start >= to) continue;
    const start = Math.max(match.start, from);
    const end = Math.min(match.end, to);
    result += `${escapeHtml(text.slice(position, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    position = end;
  }
  result += escapeHtml(text.slice(position, to));
  if (to < text.length) result += '…';
  return result.replace(/<\/mark><mark>/g, '');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
