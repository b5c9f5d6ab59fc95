/**
 * Splits a source text into passages: the pieces passage search finds and shows. A passage is
 * one sentence (Latin or Chinese punctuation), and a line break always ends one, so a title line
 * is a passage of its own. A very long text (more sentences than MAX_SENTENCE_PASSAGES, such as a
 * whole data file kept as a source's text) is cut into paragraphs instead, packed up to
 * MAX_PASSAGE_LENGTH characters, so the number of passages stays bounded by the text's size.
 * A piece longer than MAX_PASSAGE_LENGTH is cut at white space near the limit.
 *
 * Offsets are JavaScript string offsets (UTF-16 code units) into the text, end exclusive, and
 * `text` is exactly text.slice(start, end): leading and trailing white space is left out.
 */

export interface PassageSpan {
  start: number;
  end: number;
  text: string;
}

export const MAX_PASSAGE_LENGTH = 1_500;
export const MAX_SENTENCE_PASSAGES = 2_000;

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'no', 'st', 'vs', 'etc', 'e.g', 'i.e', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'gov', 'rep', 'sen', 'u.s', 'p.r.c']);

/** Sentence ends: Chinese ones end at once; Latin ones need white space (or the end) after closing quotes and brackets. */
const SENTENCE_END = /[。！？]+["'”’」』）)]*|[.!?]+["'”’)]*(?=\s|$)/gu;

export function splitPassages(text: string): PassageSpan[] {
  const sentences = splitSentences(text);
  const pieces = sentences.length > MAX_SENTENCE_PASSAGES ? splitParagraphs(text) : sentences;
  return pieces.flatMap((piece) => cutLong(text, piece));
}

/** Sentences, each trimmed; line breaks end a sentence too. */
export function splitSentences(text: string): PassageSpan[] {
  const spans: PassageSpan[] = [];
  const lineBreak = /\r?\n|\r/g;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    sentencesOfLine(text, lineStart, lineEnd, spans);
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  return spans;
}

function sentencesOfLine(text: string, from: number, to: number, spans: PassageSpan[]): void {
  const line = text.slice(from, to);
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(line); match; match = SENTENCE_END.exec(line)) {
    const end = match.index + match[0].length;
    if (/^\.["'”’)]*$/u.test(match[0]) && isAbbreviation(line, match.index)) continue;
    pushTrimmed(text, from + start, from + end, spans);
    start = end;
  }
  pushTrimmed(text, from + start, to, spans);
}

/** "Mr." or "e.g." or a single initial ("J.") before the full stop. */
function isAbbreviation(line: string, dotIndex: number): boolean {
  const before = /([\p{L}.]+)$/u.exec(line.slice(Math.max(0, dotIndex - 12), dotIndex))?.[1] ?? '';
  if (before.length === 0) return false;
  if (/^\p{Lu}$/u.test(before)) return true;
  return ABBREVIATIONS.has(before.toLowerCase());
}

function pushTrimmed(text: string, start: number, end: number, spans: PassageSpan[]): void {
  while (start < end && /\s/u.test(text[start] as string)) start += 1;
  while (end > start && /\s/u.test(text[end - 1] as string)) end -= 1;
  if (end > start) spans.push({ start, end, text: text.slice(start, end) });
}

/** Paragraphs (blocks between blank lines, else lines), packed together up to MAX_PASSAGE_LENGTH. */
export function splitParagraphs(text: string): PassageSpan[] {
  const lines: PassageSpan[] = [];
  const lineBreak = /\r?\n|\r/g;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const lineEnd = match ? match.index : text.length;
    pushTrimmed(text, lineStart, lineEnd, lines);
    if (!match) break;
    lineStart = match.index + match[0].length;
  }
  const packed: PassageSpan[] = [];
  let current: { start: number; end: number } | undefined;
  for (const line of lines) {
    if (current && line.end - current.start <= MAX_PASSAGE_LENGTH && !/\n\s*\n/.test(text.slice(current.end, line.start))) {
      current.end = line.end;
      continue;
    }
    if (current) packed.push({ ...current, text: text.slice(current.start, current.end) });
    current = { start: line.start, end: line.end };
  }
  if (current) packed.push({ ...current, text: text.slice(current.start, current.end) });
  return packed;
}

/** A piece longer than MAX_PASSAGE_LENGTH, cut at the last white space before the limit (or at the limit). */
function cutLong(text: string, piece: PassageSpan): PassageSpan[] {
  if (piece.end - piece.start <= MAX_PASSAGE_LENGTH) return [piece];
  const spans: PassageSpan[] = [];
  let start = piece.start;
  while (piece.end - start > MAX_PASSAGE_LENGTH) {
    const window = text.slice(start, start + MAX_PASSAGE_LENGTH);
    const lastSpace = window.search(/\s\S*$/u);
    let end = lastSpace > MAX_PASSAGE_LENGTH / 2 ? start + lastSpace : start + MAX_PASSAGE_LENGTH;
    // Never cut a surrogate pair in two.
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
    pushTrimmed(text, start, end, spans);
    start = end;
  }
  pushTrimmed(text, start, piece.end, spans);
  return spans;
}

/** The passages of one source as ingest_passages stores them; ids are stable for the same text. */
export function passageRows(sourceId: string, text: string): Array<PassageSpan & { id: string }> {
  return splitPassages(text).map((passage) => ({ id: `${sourceId}#${passage.start}-${passage.end}`, ...passage }));
}
