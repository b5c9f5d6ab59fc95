/**
 * The names the graph already knows: every entity's name and aliases, in both scripts, so a
 * report's "Huang Qiang", "黄强" or "Provincial Foreign Affairs Committee" is found as the entity
 * it already is. Built from the graph for each draft (draft_gazetteer.cy), so it grows with it.
 * Lookups ignore case, curly apostrophes and runs of white space; a scan of a text finds the
 * longest known names, at word boundaries for Latin script and anywhere in Chinese.
 */
import type { EntityKind } from '../model/document.js';

export interface GazetteerEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  orgType?: string | null;
  role?: string | null;
  /** For a post: the organization it belongs to. */
  organizationId?: string | null;
}

export interface GazetteerMention {
  start: number;
  end: number;
  entries: GazetteerEntry[];
}

export function normalizeName(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

const CJK = /[\p{Script=Han}]/u;
const WORD = /[\p{L}\p{N}]/u;

export class Gazetteer {
  private readonly byName = new Map<string, GazetteerEntry[]>();
  /** Names by their first word (Latin) or first character (Chinese), for scanning. */
  private readonly byFirst = new Map<string, string[]>();
  readonly byId = new Map<string, GazetteerEntry>();

  constructor(entries: ReadonlyArray<GazetteerEntry>) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const name of new Set([entry.name, ...entry.aliases])) {
        const key = normalizeName(name);
        if (key.length < 2) continue;
        const list = this.byName.get(key);
        if (list) {
          if (!list.includes(entry)) list.push(entry);
          continue;
        }
        this.byName.set(key, [entry]);
        const first = firstKey(key);
        const names = this.byFirst.get(first) ?? [];
        names.push(key);
        this.byFirst.set(first, names);
      }
    }
    for (const names of this.byFirst.values()) names.sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.byId.size;
  }

  lookup(name: string, kind?: EntityKind): GazetteerEntry[] {
    const found = this.byName.get(normalizeName(name)) ?? [];
    return kind === undefined ? found : found.filter((entry) => entry.kind === kind);
  }

  /** Known names in a text, longest first, not overlapping, in text order. */
  scan(text: string): GazetteerMention[] {
    const lower = text.replace(/[’‘`]/g, "'").toLowerCase();
    const mentions: GazetteerMention[] = [];
    let index = 0;
    while (index < lower.length) {
      const character = lower[index] as string;
      const startsWord = CJK.test(character) || (WORD.test(character) && (index === 0 || !WORD.test(lower[index - 1] as string)));
      if (!startsWord) {
        index += 1;
        continue;
      }
      const key = CJK.test(character) ? character : /^[\p{L}\p{N}]+/u.exec(lower.slice(index, index + 60))?.[0] ?? character;
      const found = this.longestAt(lower, index, key);
      if (found) {
        mentions.push(found);
        index = found.end;
      } else {
        index += CJK.test(character) ? 1 : key.length;
      }
    }
    return mentions;
  }

  private longestAt(lower: string, index: number, key: string): GazetteerMention | undefined {
    for (const name of this.byFirst.get(key) ?? []) {
      const end = matchEnd(lower, index, name);
      if (end === undefined) continue;
      const last = lower[end - 1] as string;
      if (!CJK.test(last) && end < lower.length && WORD.test(lower[end] as string)) continue;
      return { start: index, end, entries: this.byName.get(name) ?? [] };
    }
    return undefined;
  }
}

/** Where `name` ends when it occurs at `index` (white space in the text may be any run). */
function matchEnd(lower: string, index: number, name: string): number | undefined {
  let position = index;
  for (let offset = 0; offset < name.length; offset += 1) {
    const wanted = name[offset] as string;
    if (wanted === ' ') {
      if (!/\s/.test(lower[position] ?? '')) return undefined;
      while (/\s/.test(lower[position] ?? '')) position += 1;
      continue;
    }
    if (lower[position] !== wanted) return undefined;
    position += 1;
  }
  return position;
}

function firstKey(key: string): string {
  const first = key[0] as string;
  if (CJK.test(first)) return first;
  return /^[\p{L}\p{N}]+/u.exec(key)?.[0] ?? first;
}
