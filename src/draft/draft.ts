/**
 * Drafts an ingest document from a report's text: known entities from the gazetteer, new
 * persons, posts and bodies from title patterns, and facts from sentence patterns (rules/).
 * Every entity and fact carries a verbatim quote with its offsets, the rule that proposed it and
 * a confidence; nothing is inferred that the text does not state, except what the notes say.
 * Pure: the graph comes in as a gazetteer, and matching against stored facts is done after.
 */
import type { EntityKind, ParticipationRole } from '../model/document.js';
import { entityId, participantGroupId, slugify, tenureId } from '../model/ids.js';
import { validateDocument } from '../ingest/validateDocument.js';
import { splitSentences, type PassageSpan } from '../passages/splitPassages.js';
import { Gazetteer, type GazetteerEntry } from './gazetteer.js';
import { PROVINCES, type Province } from './places.js';
import { SURNAMES } from './surnames.js';
import { APPROVAL_VERB, documentType, LIST_OPENERS, titleCase } from './rules/approvals.js';
import { findDate, monthYear } from './rules/dates.js';
import { EVENT_TYPES, findEvent } from './rules/events.js';
import { nameOrganization, sameOrgName, withProvince, type NamedOrg } from './rules/organizations.js';
import { PARTICIPATION_PHRASES } from './rules/participation.js';
import { leadingRole, ROLES, TITLE_WORDS } from './rules/roles.js';
import { CUE_DISTANCE, THEME_CUES } from './rules/themes.js';
import { TENURE_CHANGES } from './rules/tenureChanges.js';
import { parseTitle, type ParsedTitle } from './rules/titles.js';

export interface DraftSource {
  id?: string;
  name: string;
  url?: string;
  publisher?: string;
  publishedDate?: string;
  publishedDateNote?: string;
  editor?: string;
  language: string;
  retrievedAt?: string;
  text: string;
}

export interface Proposal {
  /** "entity:REF" or "fact:N" (N the fact's index in the document). */
  id: string;
  target: 'ENTITY' | 'FACT';
  /** The entity kind, or the fact type. */
  kind: string;
  /** The entity's ref (entities only). */
  ref: string | null;
  /** Index into document.entities or document.facts. */
  index: number;
  /** The id the entity gets (entities), or the fact's id as the graph shows it (facts). */
  graphId: string;
  summary: string;
  quote: string;
  start: number;
  end: number;
  rule: string;
  confidence: number;
  note: string | null;
  /** Entity refs a fact names: rejecting one of them rejects the fact. */
  refs: string[];
  /** True when the graph already has this entity or fact (filled in by matchGraph). */
  existing: boolean;
}

export interface DraftDocument {
  source: DraftSource;
  entities: Array<Record<string, unknown>>;
  facts: Array<Record<string, unknown>>;
}

export interface Draft {
  document: DraftDocument;
  proposals: Proposal[];
}

interface Span {
  start: number;
  end: number;
}

interface EntityDraft {
  entity: Record<string, unknown> & { kind: EntityKind; ref: string; name: string };
  id: string;
  span: Span;
  rule: string;
  confidence: number;
  note?: string;
  known: boolean;
}

interface FactDraft {
  fact: Record<string, unknown> & { type: string };
  key: string;
  span: Span;
  rule: string;
  confidence: number;
  note?: string;
  refs: string[];
  summary: string;
}

interface CurrentEvent {
  ref: string;
  id: string;
  organizerId: string | undefined;
  date: string | undefined;
  name: string;
}

/** A person named in a sentence, with the titles that follow the name. */
interface Named {
  start: number;
  end: number;
  ref: string;
  name: string;
  titles: Array<{ span: Span; post: { ref: string; orgId: string | undefined } }>;
  /** Where the words after the name and titles start. */
  predicateStart: number;
}

export function draftDocument(source: DraftSource, gazetteer: Gazetteer = new Gazetteer([])): Draft {
  const builder = new DraftBuilder(source, gazetteer);
  builder.run();
  return builder.result();
}

class DraftBuilder {
  private readonly text: string;
  private readonly entities: EntityDraft[] = [];
  private readonly facts: FactDraft[] = [];
  private readonly refById = new Map<string, string>();
  private readonly usedRefs = new Set<string>();
  private readonly province: Province | undefined;
  private readonly source: DraftSource;
  private event: CurrentEvent | undefined;
  private lastDate: { date: string | undefined; note: string | undefined } | undefined;

  constructor(
    source: DraftSource,
    private readonly gazetteer: Gazetteer,
  ) {
    this.source = { ...source };
    this.text = source.text;
    this.province = reportProvince(source);
  }

  run(): void {
    this.readSourceLine();
    const sentences = splitSentences(this.text);
    for (const [index, sentence] of sentences.entries()) {
      // A first line without closing punctuation is the headline: it repeats the body.
      if (index === 0 && !/[.!?。！？"”]$/.test(sentence.text)) continue;
      if (/^Source:/.test(sentence.text)) continue;
      this.readSentence(sentence);
    }
  }

  result(): Draft {
    this.dropUnusedPersons();
    this.dropInvalid();
    const entities = this.entities.map((draft) => draft.entity);
    const facts = this.facts.map((draft) => draft.fact);
    const proposals: Proposal[] = [
      ...this.entities.map((draft, index) => ({
        id: `entity:${draft.entity.ref}`,
        target: 'ENTITY' as const,
        kind: draft.entity.kind,
        ref: draft.entity.ref,
        index,
        graphId: draft.id,
        summary: `${draft.entity.kind} ${draft.entity.name}`,
        quote: this.text.slice(draft.span.start, draft.span.end),
        ...draft.span,
        rule: draft.rule,
        confidence: draft.confidence,
        note: (draft.entity.note as string | undefined) ?? null,
        refs: [],
        existing: false,
      })),
      ...this.facts.map((draft, index) => ({
        id: `fact:${index}`,
        target: 'FACT' as const,
        kind: draft.fact.type,
        ref: null,
        index,
        graphId: draft.key,
        summary: draft.summary,
        quote: this.text.slice(draft.span.start, draft.span.end),
        ...draft.span,
        rule: draft.rule,
        confidence: draft.confidence,
        note: (draft.fact.note as string | undefined) ?? null,
        refs: draft.refs,
        existing: false,
      })),
    ];
    return { document: { source: this.source, entities, facts }, proposals };
  }

  /** A person the report names but states no fact about is left out (a name inside a theme, say). */
  private dropUnusedPersons(): void {
    const used = new Set(this.facts.flatMap((fact) => fact.refs));
    for (let index = this.entities.length - 1; index >= 0; index -= 1) {
      const draft = this.entities[index] as EntityDraft;
      if (draft.entity.kind === 'PERSON' && !used.has(draft.entity.ref)) {
        this.entities.splice(index, 1);
        this.refById.delete(draft.id);
      }
    }
  }

  /**
   * The document must pass the ingest validator unchanged: whatever a rule got wrong is left out
   * (with the facts that name a dropped entity), never sent on. Nothing is left out on the
   * documents the tests draft; this is a safety net, not a step the rules rely on.
   */
  private dropInvalid(): void {
    for (let round = 0; round < 5; round += 1) {
      const validation = validateDocument({ source: this.source, entities: this.entities.map((d) => d.entity), facts: this.facts.map((d) => d.fact) });
      if (validation.ok) return;
      const badEntities = new Set<number>();
      const badFacts = new Set<number>();
      for (const problem of validation.problems) {
        const entity = /^entities\[(\d+)\]/.exec(problem.path);
        const fact = /^facts\[(\d+)\]/.exec(problem.path);
        if (entity) badEntities.add(Number(entity[1]));
        else if (fact) badFacts.add(Number(fact[1]));
        else throw new Error(`The drafted document is invalid: ${problem.path}: ${problem.message}`);
      }
      const droppedRefs = new Set([...badEntities].map((index) => this.entities[index]?.entity.ref));
      for (const index of [...badEntities].sort((a, b) => b - a)) this.entities.splice(index, 1);
      for (let index = this.facts.length - 1; index >= 0; index -= 1) {
        if (badFacts.has(index) || (this.facts[index] as FactDraft).refs.some((ref) => droppedRefs.has(ref))) this.facts.splice(index, 1);
      }
    }
  }

  // ---- source line ------------------------------------------------------------------------

  /** "Source: Jilin Release Editor: Liu Jiadi" fills publisher and editor when not given. */
  private readSourceLine(): void {
    const match = /^Source:\s*(.+?)(?:\s+Editor:\s*(.+?))?\s*$/m.exec(this.text);
    if (!match) return;
    if (!this.source.publisher) this.source.publisher = match[1]!.trim();
    if (!this.source.editor && match[2]) this.source.editor = match[2].trim();
  }

  // ---- one sentence -----------------------------------------------------------------------

  private readSentence(sentence: PassageSpan): void {
    const s = sentence.text;
    const base = sentence.start;
    const stated = findDate(s, this.source.publishedDate);
    if (stated) this.lastDate = { date: stated.date, note: stated.note };
    this.readEvent(s, base, stated);
    const named = this.readNamed(s, base);
    this.readParticipations(s, base, named);
    this.readTenureChanges(s, base);
    this.readApprovals(s, base);
    this.readThemesAndEvents(s, base);
    this.readGroups(s, base, named);
  }

  private readEvent(s: string, base: number, stated: ReturnType<typeof findDate>): void {
    const found = findEvent(s);
    if (!found) return;
    const org = this.resolveOrganization(found.orgWords, this.spanOf(s, base, found.orgWords, found.index), 'event-organizer');
    if (!org) return;
    const date = stated?.date ?? this.lastDate?.date ?? this.source.publishedDate;
    const dateNote = stated ? stated.note : this.lastDate ? this.lastDate.note : this.source.publishedDate ? `No date is stated; the publication date (${this.source.publishedDate}) is taken.` : undefined;
    const kindWords = found.kindWords.replace(/^(?:its|a|an|the) /, '');
    const noun = found.noun;
    const kindSlug = slugify(kindWords) || slugify(noun);
    const eventType = EVENT_TYPES.find((row) => row.pattern.test(`${kindWords} ${noun}`))?.eventType ?? 'MEETING';
    const label = titleCase(`${kindWords ? `${kindWords} ` : ''}${noun}`);
    const name = `${label} of the ${org.name}${date ? ` (${monthYear(date)})` : ''}`;
    const id = `event:${date ? `${date}-` : ''}${slugify(org.name)}-${kindSlug}`;
    // The sentence that opens the meeting is the quote, with its date.
    const span = { start: base, end: base + s.length };
    const quoteSpan = span;
    const known = this.gazetteer.byId.get(id);
    const ref = this.addEntity({
      kind: 'EVENT',
      id,
      name: known?.name ?? name,
      fields: { eventType, ...(date ? { startDate: date } : {}) },
      span: quoteSpan,
      rule: found.rule,
      confidence: 0.85,
      note: dateNote,
      known: known !== undefined,
    });
    this.addFact(
      { type: 'ORGANIZED_BY', from: ref, to: org.ref },
      relationId('ORGANIZED_BY', id, org.id),
      span,
      found.rule,
      0.85,
      [ref, org.ref],
      `${name} organized by ${org.name}`,
    );
    this.event = { ref, id, organizerId: org.id, date, name: known?.name ?? name };
  }

  /** Persons named in the sentence, each with the titles in apposition ("A, Secretary of B and Director of C,"). */
  private readNamed(s: string, base: number): Named[] {
    const found: Array<{ start: number; end: number; name: string; known: GazetteerEntry[] }> = [];
    for (const mention of this.gazetteer.scan(s)) {
      const people = mention.entries.filter((entry) => entry.kind === 'PERSON');
      if (people.length > 0) found.push({ start: mention.start, end: mention.end, name: s.slice(mention.start, mention.end), known: people });
    }
    for (const match of s.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{1,12})\b/g)) {
      const [whole, family, given] = match as unknown as [string, string, string];
      if (!SURNAMES.has(family) || TITLE_WORDS.has(given) || TITLE_WORDS.has(family) && !SURNAMES.has(family)) continue;
      if (PROVINCES.some((province) => province.name === family || province.name === given)) continue;
      const start = match.index;
      if (found.some((other) => start < other.end && other.start < start + whole.length)) continue;
      // Not a person when a capitalised word runs on into a body's name ("Liu Jiadi" yes, "Hu Province" no).
      const next = s.slice(start + whole.length).match(/^ ([A-Z][a-z]+)/)?.[1];
      if (next && TITLE_WORDS.has(next)) continue;
      found.push({ start, end: start + whole.length, name: whole, known: [] });
    }
    found.sort((a, b) => a.start - b.start);

    const named: Named[] = [];
    for (const person of found) {
      const ref = this.resolvePerson(person.name, person.known, { start: base + person.start, end: base + person.end });
      const titles: Named['titles'] = [];
      let position = person.end;
      if (s.startsWith(', ', position)) {
        let cursor = position + 2;
        for (;;) {
          const comma = s.indexOf(',', cursor);
          const chunkEnd = comma < 0 ? s.length : comma;
          let chunk = s.slice(cursor, chunkEnd);
          let chunkStart = cursor;
          const and = /^and /.exec(chunk);
          if (and) {
            chunk = chunk.slice(4);
            chunkStart += 4;
          }
          const trimmedChunk = chunk.replace(/[.;:!?]+$/, '');
          if (!leadingRole(trimmedChunk)) break;
          for (const part of splitTitles(trimmedChunk, chunkStart)) {
            const post = this.resolvePost(part.text, { start: base + part.start, end: base + part.end });
            if (post) titles.push({ span: { start: base + part.start, end: base + part.end }, post });
          }
          position = chunkStart + trimmedChunk.length;
          if (comma < 0 || !s.startsWith(', ', comma)) break;
          cursor = comma + 2;
        }
      }
      named.push({ start: person.start, end: person.end, ref, name: person.name, titles, predicateStart: position });
      // Titles in apposition: the source attests that the person holds each post.
      for (const title of titles) {
        const personEntity = this.entityByRef(ref);
        const postEntity = this.entityByRef(title.post.ref);
        this.addFact(
          { type: 'TENURE', person: ref, post: title.post.ref },
          tenureId(personEntity.id, postEntity.id, undefined),
          { start: base + person.start, end: title.span.end },
          'title-apposition',
          0.9,
          [ref, title.post.ref],
          `${personEntity.entity.name} holds ${postEntity.entity.name}`,
        );
      }
    }
    return named;
  }

  private readParticipations(s: string, base: number, named: Named[]): void {
    if (!this.event) return;
    // Each person's own words run to the next person; "A, …, and B, …, attended" share B's verb.
    const predicates = named.map((person, index) => {
      const next = named[index + 1];
      return s.slice(person.predicateStart, next ? next.start : s.length);
    });
    for (let index = named.length - 1; index >= 0; index -= 1) {
      const person = named[index] as Named;
      let predicateOffset = person.predicateStart;
      let predicate = predicates[index] as string;
      if (/^[\s,]*(?:and)?\s*$/.test(predicate) && index + 1 < named.length) {
        const next = named[index + 1] as Named;
        predicateOffset = next.predicateStart;
        predicate = predicates[index + 1] as string;
      }
      if (!/^[\s,]*(?:also |then |respectively )?[a-z]/.test(predicate)) continue;
      for (const phrase of PARTICIPATION_PHRASES) {
        const match = phrase.pattern.exec(predicate);
        if (!match) continue;
        if (phrase.role === 'ATTENDED' && named.length > 0 && /\bpresided|chaired\b/.test(predicate.slice(0, match.index))) continue;
        const already = this.facts.some((fact) => fact.fact.type === 'PARTICIPATION' && fact.fact.person === person.ref && fact.fact.role === phrase.role && fact.fact.event === this.event?.ref);
        if (already) continue;
        this.addParticipation(person, phrase.role, { start: base + person.start, end: base + predicateOffset + match.index + match[0].length }, phrase.rule, phrase.confidence);
      }
    }
  }

  private addParticipation(person: Named, role: ParticipationRole, span: Span, rule: string, confidence: number): void {
    const event = this.event as CurrentEvent;
    // The capacity: the post in the body that held the meeting, else the first title given.
    const capacity = person.titles.find((title) => title.post.orgId !== undefined && title.post.orgId === event.organizerId) ?? person.titles[0];
    const personEntity = this.entityByRef(person.ref);
    const fact: Record<string, unknown> & { type: string } = { type: 'PARTICIPATION', person: person.ref, event: event.ref, role };
    const refs = [person.ref, event.ref];
    let note: string | undefined;
    if (capacity) {
      fact.capacity = capacity.post.ref;
      refs.push(capacity.post.ref);
      if (person.titles.length > 1) note = capacity === person.titles[0] ? undefined : `Capacity: of the titles given, the post in the body that held the meeting.`;
    }
    if (note) fact.note = note;
    this.addFact(fact, `participated_in:${personEntity.id}->${event.id}:${role.toLowerCase()}`, span, rule, confidence, refs, `${personEntity.entity.name} ${role} at ${event.name}`);
  }

  private readTenureChanges(s: string, base: number): void {
    for (const row of TENURE_CHANGES) {
      row.pattern.lastIndex = 0;
      for (const match of s.matchAll(row.pattern)) {
        const name = match[row.person] as string;
        const title = (match[row.title] as string).replace(/\s+$/, '');
        const family = name.split(' ')[0] as string;
        const known = this.gazetteer.lookup(name, 'PERSON');
        if (!SURNAMES.has(family) && known.length === 0) continue;
        const titleStart = (match.index as number) + match[0].lastIndexOf(title);
        const personStart = (match.index as number) + match[0].indexOf(name);
        const post = this.resolvePost(title, { start: base + titleStart, end: base + titleStart + title.length });
        if (!post) continue;
        const person = this.resolvePerson(name, known, { start: base + personStart, end: base + personStart + name.length });
        const date = this.event?.date ?? this.lastDate?.date ?? this.source.publishedDate;
        const note = this.event?.date
          ? `Dated to the meeting that decided it (${this.event.date}).`
          : date
            ? `No date is stated; the ${this.lastDate?.date ? 'date last stated' : 'publication date'} (${date}) is taken.`
            : undefined;
        const personEntity = this.entityByRef(person);
        const postEntity = this.entityByRef(post.ref);
        const fact: Record<string, unknown> & { type: string } = { type: 'TENURE', person, post: post.ref };
        if (date) fact[row.change === 'start' ? 'startDate' : 'endDate'] = date;
        if (note) fact.note = note;
        const key = tenureId(personEntity.id, postEntity.id, row.change === 'start' ? date : undefined);
        const span = { start: base + (match.index as number), end: base + (match.index as number) + match[0].length };
        this.addFact(fact, key, span, row.rule, 0.85, [person, post.ref], `${personEntity.entity.name} ${row.change === 'start' ? 'starts' : 'ends'} ${postEntity.entity.name}${date ? ` (${date})` : ''}`);
      }
    }
  }

  private readApprovals(s: string, base: number): void {
    if (!this.event) return;
    const verb = APPROVAL_VERB.exec(s);
    if (!verb) return;
    // The meeting is the subject: the sentence opens with it, or with "It".
    if (!/^(?:The|the|At the) (?:meeting|session|conference|plenary|executive meeting)\b|^It\b/.test(s)) return;
    const afterVerb = verb.index + verb[0].length;
    const listEnd = (() => {
      const stop = s.slice(afterVerb).search(/[.;](?:\s|$)|, (?:and )?(?:which|stressing|emphasizing|and (?:decided|stressed|emphasized|pointed))/);
      return stop < 0 ? s.length : afterVerb + stop;
    })();
    let listStart = afterVerb;
    const opener = LIST_OPENERS.exec(s.slice(listStart).replace(/^\s+/, ''));
    listStart += s.slice(listStart).length - s.slice(listStart).replace(/^\s+/, '').length + (opener ? opener[0].length : 0);
    const list = s.slice(listStart, listEnd);
    const items = splitList(list, listStart, true);
    if (items.length === 0) return;
    // "the 2025 work report and the 2026 work priorities of the X": the closing "of the X" of a
    // list of plain words (not of a titled document) belongs to every item.
    const last = items.at(-1)!.text.replace(/^the /i, '');
    const ownerMatch = /^[a-z0-9]/.test(last) ? / of (?:the )?([A-Z][\w'’ -]+)$/.exec(last) : null;
    const owner = ownerMatch?.[1];
    let approved = 0;
    for (const item of items) {
      const words = item.text.replace(/^the /i, '');
      const type = documentType(words);
      if (!type && !/^[A-Z]/.test(words)) continue;
      const hasOwnOwner = / of (?:the )?[A-Z]/.test(words);
      // "the report on the implementation of the 2025 municipal budget" names itself.
      const selfNamed = !hasOwnOwner && /\b(?:on|of|for|about|concerning)\b/.test(words);
      let name: string;
      let note: string | undefined;
      if (/^[A-Z]/.test(words) && !/^\d/.test(words)) {
        name = withProvince(words, this.province).text;
      } else if (hasOwnOwner) {
        const [head, ...rest] = words.split(' of ');
        name = `${titleCase(head as string)} of ${withProvince(rest.join(' of '), this.province).text.replace(/^(?!the )/, 'the ')}`;
      } else if (selfNamed) {
        name = titleCase(withProvince(words, this.province).text);
      } else if (owner) {
        name = `${titleCase(words)} of the ${withProvince(owner, this.province).text}`;
      } else {
        const organizer = this.event.organizerId ? this.entities.find((entity) => entity.id === this.event?.organizerId) : undefined;
        if (!organizer) continue;
        name = `${titleCase(words)} of the ${organizer.entity.name}`;
        note = `The report does not say whose document it is; it is taken to be ${organizer.entity.name}'s, which held the meeting.`;
      }
      const year = /\b(19|20)\d{2}\b/.exec(words)?.[0];
      const known = this.gazetteer.lookup(name, 'DOCUMENT')[0] ?? this.gazetteer.lookup(words, 'DOCUMENT')[0];
      const ref = this.addEntity({
        kind: 'DOCUMENT',
        id: known?.id,
        name: known?.name ?? name,
        fields: known ? {} : { ...(type ? { documentType: type } : {}), ...(year ? { date: year } : {}) },
        span: { start: base + item.start, end: base + item.end },
        rule: 'approved-document',
        confidence: known ? 0.95 : 0.8,
        note,
        known: known !== undefined,
      });
      const documentEntity = this.entityByRef(ref);
      this.addFact(
        { type: 'APPROVED', from: this.event.ref, to: ref },
        relationId('APPROVED', this.event.id, documentEntity.id),
        { start: base + verb.index, end: base + listEnd },
        'meeting-approved',
        0.85,
        [this.event.ref, ref],
        `${this.event.name} approved ${documentEntity.entity.name}`,
      );
      approved += 1;
    }
    void approved;
  }

  private readThemesAndEvents(s: string, base: number): void {
    if (!this.event) return;
    for (const mention of this.gazetteer.scan(s)) {
      const theme = mention.entries.find((entry) => entry.kind === 'POLICY_THEME');
      const otherEvent = mention.entries.find((entry) => entry.kind === 'EVENT' && entry.id !== this.event?.id);
      if (!theme && !otherEvent) continue;
      const windowStart = Math.max(0, mention.start - CUE_DISTANCE);
      const before = s.slice(windowStart, mention.start);
      // The first cue of the theme's own clause ("deepen and solidify foreign trade"), else the nearest one.
      const clauseStart = Math.max(before.lastIndexOf(', '), before.lastIndexOf('; '));
      const cues = [...before.matchAll(THEME_CUES)];
      const cue = cues.find((match) => (match.index as number) > clauseStart) ?? cues.at(-1);
      if (!cue && theme) continue;
      const start = cue ? windowStart + (cue.index as number) : mention.start;
      const span = { start: base + start, end: base + mention.end };
      const entry = (theme ?? otherEvent) as GazetteerEntry;
      const ref = this.addKnown(entry, { start: base + mention.start, end: base + mention.end }, 'gazetteer');
      if (theme) {
        this.addFact({ type: 'ADDRESSED', from: this.event.ref, to: ref }, relationId('ADDRESSED', this.event.id, entry.id), span, 'known-theme-with-cue', 0.7, [this.event.ref, ref], `${this.event.name} addressed ${entry.name}`);
      } else {
        this.addFact({ type: 'REFERENCED', from: this.event.ref, to: ref }, relationId('REFERENCED', this.event.id, entry.id), span, 'known-event-mentioned', 0.6, [this.event.ref, ref], `${this.event.name} referred to ${entry.name}`);
      }
    }
  }

  /** "Deputy directors and members of X, relevant provincial leaders, and heads of … attended the meeting." */
  private readGroups(s: string, base: number, named: Named[]): void {
    if (!this.event || named.length > 0) return;
    const match = /^(.+?) (?:also )?attended the (?:meeting|session|conference|plenary)\b/.exec(s);
    if (!match) return;
    const subject = match[1] as string;
    for (const item of splitList(subject, 0, false)) {
      const words = item.text.replace(/^(?:and|the) /i, '');
      if (!/^[A-Za-z]/.test(words) || /\b(?:we|it|they)\b/i.test(words)) continue;
      const name = words.charAt(0).toUpperCase() + words.slice(1);
      const fact: Record<string, unknown> & { type: string } = { type: 'GROUP_PARTICIPATION', event: this.event.ref, name, role: 'ATTENDED' };
      const refs = [this.event.ref];
      const of = / of (?:the )?([A-Z][\w'’ -]+)$/.exec(words);
      if (of) {
        const orgWords = of[1] as string;
        const orgStart = item.start + item.text.lastIndexOf(orgWords);
        const org = this.resolveOrganization(orgWords, { start: base + orgStart, end: base + orgStart + orgWords.length }, 'group-organization');
        if (org) {
          fact.organization = org.ref;
          refs.push(org.ref);
        }
      }
      this.addFact(fact, participantGroupId(this.event.id, name), { start: base, end: base + s.length }, 'group-attended', 0.75, refs, `${name} ATTENDED ${this.event.name}`);
    }
  }

  // ---- entities ---------------------------------------------------------------------------

  private resolvePerson(name: string, known: GazetteerEntry[], span: Span): string {
    const entry = known[0] ?? this.gazetteer.lookup(name, 'PERSON')[0];
    if (entry) return this.addKnown(entry, span, 'gazetteer', known.length > 1 ? 0.6 : 0.95);
    return this.addEntity({ kind: 'PERSON', name, fields: {}, span, rule: 'chinese-name-with-title', confidence: 0.85, known: false });
  }

  /** A title's post (known, or new with its body and POST_OF); undefined when it is no title. */
  private resolvePost(title: string, span: Span): { ref: string; orgId: string | undefined } | undefined {
    const parsed = parseTitle(title, { province: this.province });
    const candidates = [parsed?.post.name, ...(parsed?.post.aliases ?? []), title].filter((name): name is string => Boolean(name));
    const known = this.pickKnown(candidates, 'POST');
    if (known) {
      const ref = this.addKnown(known, span, 'gazetteer');
      if (known.organizationId) {
        const orgRef = this.refById.get(known.organizationId) ?? known.organizationId;
        this.addFact({ type: 'POST_OF', from: ref, to: orgRef }, relationId('POST_OF', known.id, known.organizationId), span, 'known-post-of', 0.95, [ref], `${known.name} is a post of ${this.gazetteer.byId.get(known.organizationId)?.name ?? known.organizationId}`);
      }
      return { ref, orgId: known.organizationId ?? undefined };
    }
    if (!parsed) return undefined;
    const orgSpan = parsed.orgWords ? { start: span.start + title.lastIndexOf(parsed.orgWords), end: span.start + title.lastIndexOf(parsed.orgWords) + parsed.orgWords.length } : span;
    const org = this.resolveOrganization(parsed.orgWords ?? '', orgSpan, 'title-organization', parsed.orgWords ? undefined : parsed.org);
    if (!org) return undefined;
    const ref = this.addEntity({
      kind: 'POST',
      name: parsed.post.name,
      aliases: parsed.post.aliases,
      fields: { role: parsed.role },
      span,
      rule: parsed.rule,
      confidence: 0.8,
      note: parsed.note,
      known: false,
    });
    const post = this.entityByRef(ref);
    this.addFact({ type: 'POST_OF', from: ref, to: org.ref }, relationId('POST_OF', post.id, org.id), span, parsed.rule, 0.8, [ref, org.ref], `${parsed.post.name} is a post of ${org.name}`);
    return { ref, orgId: org.id };
  }

  /** A body by the report's words (or already named), known or new. */
  private resolveOrganization(words: string, span: Span, rule: string, named?: NamedOrg): { ref: string; id: string; name: string } | undefined {
    const org = named ?? nameOrganization(words, this.province);
    if (!named && !/^[A-Z]/.test(org.name)) return undefined;
    const known = this.pickKnown([org.name, ...org.aliases, words].filter(Boolean), 'ORGANIZATION');
    if (known) {
      const ref = this.addKnown(known, span, 'gazetteer');
      return { ref, id: known.id, name: known.name };
    }
    // The same body under a slightly different name earlier in this report ("Work Committee").
    const variant = this.entities.find((entity) => entity.entity.kind === 'ORGANIZATION' && sameOrgName(entity.entity.name, org.name));
    if (variant) return { ref: variant.entity.ref, id: variant.id, name: variant.entity.name };
    const ref = this.addEntity({
      kind: 'ORGANIZATION',
      name: org.name,
      aliases: org.aliases,
      fields: { orgType: org.orgType },
      span,
      rule: `${rule}:${org.rule}`,
      confidence: named ? 0.7 : 0.8,
      note: org.note,
      known: false,
    });
    const entity = this.entityByRef(ref);
    return { ref, id: entity.id, name: entity.entity.name };
  }

  /**
   * The known entity of this kind with one of these names; of several, the one of the report's
   * province. A name without a province ("Governor of the province") matches only an entity of the
   * report's province, so a Liaoning report never lands on Jilin's governor.
   */
  private pickKnown(names: string[], kind: EntityKind): GazetteerEntry | undefined {
    const province = this.province?.name;
    const ofProvince = (entry: GazetteerEntry) => province !== undefined && [entry.name, ...entry.aliases].some((alias) => alias.includes(province));
    const namesAProvince = (name: string) => PROVINCES.some((other) => name.includes(other.name));
    for (const name of names) {
      const all = this.gazetteer.lookup(name, kind);
      const found = province !== undefined && !namesAProvince(name) && (kind === 'POST' || kind === 'ORGANIZATION') ? all.filter(ofProvince) : all;
      if (found.length === 1) return found[0];
      if (found.length > 1) return found.find(ofProvince) ?? found[0];
    }
    return undefined;
  }

  private addKnown(entry: GazetteerEntry, span: Span, rule: string, confidence = 0.95): string {
    const fields: Record<string, unknown> = {};
    if (entry.kind === 'ORGANIZATION') fields.orgType = entry.orgType ?? 'OTHER';
    if (entry.kind === 'POST') fields.role = entry.role ?? entry.name;
    return this.addEntity({ kind: entry.kind, id: entry.id, name: entry.name, fields, span, rule, confidence, known: true });
  }

  private addEntity(input: {
    kind: EntityKind;
    id?: string;
    name: string;
    aliases?: string[];
    fields: Record<string, unknown>;
    span: Span;
    rule: string;
    confidence: number;
    note?: string;
    known: boolean;
  }): string {
    const id = input.id ?? entityId(input.kind, input.name);
    const existing = this.refById.get(id);
    if (existing) return existing;
    let ref = slugify(input.name) || input.kind.toLowerCase();
    while (this.usedRefs.has(ref)) ref = `${ref}-${this.usedRefs.size}`;
    this.usedRefs.add(ref);
    this.refById.set(id, ref);
    const entity: EntityDraft['entity'] = {
      kind: input.kind,
      ref,
      ...(input.id ? { id: input.id } : {}),
      name: input.name,
      ...(input.aliases && input.aliases.length > 0 ? { aliases: input.aliases } : {}),
      ...input.fields,
      quote: this.text.slice(input.span.start, input.span.end),
      ...(input.note ? { note: input.note } : {}),
    };
    this.entities.push({ entity, id, span: input.span, rule: input.rule, confidence: input.confidence, note: input.note, known: input.known });
    return ref;
  }

  private entityByRef(ref: string): EntityDraft {
    return this.entities.find((draft) => draft.entity.ref === ref) as EntityDraft;
  }

  private addFact(fact: Record<string, unknown> & { type: string }, key: string, span: Span, rule: string, confidence: number, refs: string[], summary: string): void {
    if (this.facts.some((other) => other.key === key)) return;
    const withQuote = { ...fact, quote: this.text.slice(span.start, span.end) };
    const { note, ...rest } = withQuote as Record<string, unknown>;
    const ordered = { ...rest, ...(note ? { note } : {}) } as FactDraft['fact'];
    this.facts.push({ fact: ordered, key, span, rule, confidence, note: note as string | undefined, refs: [...new Set(refs)], summary });
  }

  private spanOf(s: string, base: number, words: string, from: number): Span {
    const index = s.indexOf(words, from);
    const start = index < 0 ? from : index;
    return { start: base + start, end: base + start + (index < 0 ? 0 : words.length) };
  }
}

/** A relationship fact's id as graph edges show it: "approved:event:…->doc:…". */
export function relationId(type: string, from: string, to: string): string {
  return `${type.toLowerCase()}:${from}->${to}`;
}

/** "Secretary of A and Director of B" → its titles, with offsets (relative to `offset`). */
function splitTitles(chunk: string, offset: number): Array<{ text: string; start: number; end: number }> {
  const roles = ROLES.map((row) => row.role.replace(/-/g, '\\-')).join('|');
  const parts: Array<{ text: string; start: number; end: number }> = [];
  const splitter = new RegExp(` and (?=(?:${roles})\\b)`, 'gi');
  let start = 0;
  for (const match of chunk.matchAll(splitter)) {
    parts.push({ text: chunk.slice(start, match.index), start: offset + start, end: offset + (match.index as number) });
    start = (match.index as number) + match[0].length;
  }
  parts.push({ text: chunk.slice(start), start: offset + start, end: offset + chunk.length });
  return parts.filter((part) => part.text.length > 0);
}

/** "A, B, and C" or "A and B" → items with offsets (relative to `offset`), without the joining words. */
function splitList(list: string, offset: number, splitOnAnd: boolean): Array<{ text: string; start: number; end: number }> {
  const items: Array<{ text: string; start: number; end: number }> = [];
  // "A and B" is two items only where B opens like a document's name; groups split at commas only
  // ("Deputy directors and members of X" is one group).
  const separator = splitOnAnd ? /,\s*(?:and\s+)?|\s+and\s+(?=the\b|\d)/g : /,\s*(?:and\s+)?/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const text = list.slice(from, to).trim();
    if (text.length === 0) return;
    const lead = list.slice(from, to).indexOf(text);
    items.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
  };
  for (const match of list.matchAll(separator)) {
    push(start, match.index as number);
    start = (match.index as number) + match[0].length;
  }
  push(start, list.length);
  return items;
}

/** The province a report is about: the one its title, text and publisher name most often. */
export function reportProvince(source: Pick<DraftSource, 'name' | 'text' | 'publisher'>): Province | undefined {
  const haystack = `${source.name}\n${source.publisher ?? ''}\n${source.text}`;
  let best: Province | undefined;
  let bestCount = 0;
  for (const province of PROVINCES) {
    const latin = haystack.match(new RegExp(`\\b${province.name}\\b`, 'g'))?.length ?? 0;
    const chinese = haystack.split(province.zh).length - 1;
    const count = latin + chinese;
    if (count > bestCount) {
      best = province;
      bestCount = count;
    }
  }
  return best;
}
