/**
 * The first seed: the Jilin Provincial Foreign Affairs Committee plenary report.
 * Checks that the ingest document parses, carries the report's text byte for byte, quotes it
 * exactly, wires every fact to entities of the right kinds, and holds the key facts.
 * Pure file checks: no Neo4j needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ingestDocumentSchema,
  RELATION_ENDPOINTS,
  type EntityKind,
  type IngestDocument,
  type IngestEntity,
  type IngestFact,
  type RelationType,
} from '../src/model/document.js';
import { entityId } from '../src/model/ids.js';
import { seedFiles } from '../src/ingest/loadSeeds.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = resolve(root, 'seeds/000_jilin-foreign-affairs-committee-plenary.json');
/** The report as published, kept beside its ingest document. */
const reportPath = resolve(root, 'seeds/000_jilin-foreign-affairs-committee-plenary.txt');

const seedFile = readFileSync(seedPath, 'utf8');
const reportText = readFileSync(reportPath, 'utf8');
/** The JSON as written, before zod (whose text fields trim surrounding whitespace). */
const raw = JSON.parse(seedFile) as {
  source: { text: string };
  entities: Array<Record<string, unknown>>;
  facts: Array<Record<string, unknown>>;
};
const doc: IngestDocument = ingestDocumentSchema.parse(raw);

const byRef = new Map<string, IngestEntity>(doc.entities.map((e) => [e.ref, e]));
const relationTypes = new Set(Object.keys(RELATION_ENDPOINTS));

function kindOf(ref: string | undefined): EntityKind | undefined {
  return ref === undefined ? undefined : byRef.get(ref)?.kind;
}

/** Every (ref, expected kind) pair a fact points at. */
function endpoints(fact: IngestFact): Array<[string, EntityKind[]]> {
  switch (fact.type) {
    case 'TENURE':
      return [
        [fact.person, ['PERSON']],
        [fact.post, ['POST']],
      ];
    case 'PARTICIPATION':
      return [
        [fact.person, ['PERSON']],
        [fact.event, ['EVENT']],
        ...(fact.capacity === undefined ? [] : [[fact.capacity, ['POST']] as [string, EntityKind[]]]),
      ];
    case 'GROUP_PARTICIPATION':
      return [
        [fact.event, ['EVENT']],
        ...(fact.organization === undefined ? [] : [[fact.organization, ['ORGANIZATION']] as [string, EntityKind[]]]),
      ];
    case 'SUCCEEDS':
      return [];
    default:
      return [];
  }
}

function relations(type: RelationType): Array<Extract<IngestFact, { from: string; to: string }>> {
  return doc.facts.filter(
    (f): f is Extract<IngestFact, { from: string; to: string }> => f.type === type && 'from' in f,
  );
}

function entity(ref: string): IngestEntity {
  const found = byRef.get(ref);
  if (!found) throw new Error(`no entity with ref ${ref}`);
  return found;
}

describe('seed 000: Jilin Provincial Foreign Affairs Committee plenary', () => {
  it('parses with ingestDocumentSchema', () => {
    expect(ingestDocumentSchema.safeParse(raw).success).toBe(true);
  });

  it('is pretty-printed JSON with 2-space indentation', () => {
    expect(seedFile).toBe(`${JSON.stringify(raw, null, 2)}\n`);
  });

  it('lies beside the report it was made from, which seed loading leaves alone', () => {
    expect(readdirSync(resolve(root, 'seeds'))).toContain(basename(reportPath));
    const loaded = seedFiles(resolve(root, 'seeds'));
    expect(loaded).toContain(seedPath);
    expect(loaded.filter((file) => !file.endsWith('.json'))).toEqual([]);
  });

  it('carries the report text byte for byte', () => {
    expect(raw.source.text).toBe(reportText);
    expect(Buffer.from(raw.source.text, 'utf8').toString('hex')).toBe(readFileSync(reportPath).toString('hex'));
    // zod trims text fields; nothing but the trailing newline may be lost.
    expect(doc.source.text).toBe(reportText.trim());
  });

  it('has the source metadata', () => {
    expect(doc.source).toMatchObject({
      id: 'source:jilin-release-2026-02-11-foreign-affairs-committee-plenary',
      name: 'Provincial Foreign Affairs Committee Holds Plenary Session',
      publisher: 'Jilin Release',
      editor: 'Liu Jiadi',
      language: 'en',
      publishedDate: '2026-02-11',
    });
    expect(doc.source.publishedDateNote).toMatch(/2026 work priorities/);
    expect(doc.source.publishedDateNote).toMatch(/15th Five-Year Plan/);
    expect(doc.source.publishedDateNote).toMatch(/2026–2030/);
  });

  it('quotes the report exactly, in every entity and fact', () => {
    const items = [...raw.entities, ...raw.facts];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const quote = item.quote;
      expect(typeof quote, JSON.stringify(item)).toBe('string');
      // as written, not only after zod's trim
      expect((quote as string).trim(), JSON.stringify(item)).toBe(quote);
      expect(reportText.includes(quote as string), `quote not in text: ${String(quote)}`).toBe(true);
    }
  });

  it('keeps the curly apostrophe of "Xi Jinping’s"', () => {
    expect(reportText).toContain('Xi Jinping’s Thought on Diplomacy');
    expect(relations('ADDRESSED').find((f) => f.to === 'xi-thought-on-diplomacy')?.quote).toContain('Xi Jinping’s');
  });

  it('has unique refs and unique ids', () => {
    const refs = [...doc.entities.map((e) => e.ref), ...doc.facts.flatMap((f) => ('ref' in f && f.ref ? [f.ref] : []))];
    expect(new Set(refs).size).toBe(refs.length);
    const ids = doc.entities.map((e) => e.id ?? entityId(e.kind, e.name, e.disambiguator));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every fact at entities of the right kinds', () => {
    for (const fact of doc.facts) {
      const label = JSON.stringify(fact);
      if ('from' in fact && relationTypes.has(fact.type)) {
        const allowed = RELATION_ENDPOINTS[fact.type as RelationType] as ReadonlyArray<readonly [EntityKind, EntityKind]>;
        const pair = [kindOf(fact.from), kindOf(fact.to)];
        expect(pair[0], label).toBeDefined();
        expect(pair[1], label).toBeDefined();
        expect(
          allowed.some(([from, to]) => from === pair[0] && to === pair[1]),
          `${label}: ${pair.join(' → ')} not allowed`,
        ).toBe(true);
      } else {
        expect(fact.type, label).not.toBe('SUCCEEDS');
        for (const [ref, kinds] of endpoints(fact)) {
          expect(kinds, `${label}: ${ref}`).toContain(kindOf(ref));
        }
      }
    }
  });

  it('does not repeat a fact', () => {
    const keys = doc.facts.map((f) => {
      const { quote: _quote, note: _note, ...rest } = f;
      return JSON.stringify(rest);
    });
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has the people, with their Chinese names and explicit ids', () => {
    expect(entity('huang-qiang')).toMatchObject({ kind: 'PERSON', id: 'person:huang-qiang', name: 'Huang Qiang', nameZh: '黄强' });
    expect(entity('huang-qiang').aliases).toContain('黄强');
    expect(entity('hu-yuting')).toMatchObject({ kind: 'PERSON', id: 'person:hu-yuting', name: 'Hu Yuting', nameZh: '胡玉亭' });
    expect(entity('hu-yuting').aliases).toContain('胡玉亭');
    // the editor is source metadata, not a person in the graph
    expect(doc.entities.filter((e) => e.kind === 'PERSON').map((e) => e.name)).not.toContain('Liu Jiadi');
  });

  it('has the committee, its aliases and its parent', () => {
    const committee = entity('committee');
    expect(committee).toMatchObject({
      kind: 'ORGANIZATION',
      id: 'org:jilin-provincial-foreign-affairs-committee',
      orgType: 'COMMITTEE',
    });
    expect(committee.aliases).toEqual(
      expect.arrayContaining([
        'Provincial Foreign Affairs Committee',
        'Provincial Foreign Affairs Work Committee',
        '吉林省委外事工作委员会',
      ]),
    );
    expect(entity('party-committee')).toMatchObject({ kind: 'ORGANIZATION', orgType: 'PARTY_COMMITTEE' });
    expect(entity('party-committee').aliases).toContain('中共吉林省委');
    const partOf = relations('PART_OF').find((f) => f.from === 'committee' && f.to === 'party-committee');
    expect(partOf?.note).toBeTruthy();
    for (const org of ['committee', 'party-committee', 'government']) {
      const basedIn = relations('BASED_IN').find((f) => f.from === org && f.to === 'jilin');
      expect(basedIn, org).toBeDefined();
      expect(basedIn?.note, org).toBeTruthy();
    }
  });

  it('has every post with its organization and holder', () => {
    const expected = [
      ['post-secretary', 'Secretary', 'party-committee', 'huang-qiang'],
      ['post-director', 'Director', 'committee', 'huang-qiang'],
      ['post-governor', 'Governor', 'government', 'hu-yuting'],
      ['post-deputy-director', 'Deputy Director', 'committee', 'hu-yuting'],
    ] as const;
    for (const [post, role, org, person] of expected) {
      expect(entity(post)).toMatchObject({ kind: 'POST', role });
      expect(relations('POST_OF').some((f) => f.from === post && f.to === org), post).toBe(true);
      const tenure = doc.facts.find((f) => f.type === 'TENURE' && f.person === person && f.post === post);
      expect(tenure, `${person} → ${post}`).toBeDefined();
      // no dates are stated, so none are recorded
      expect(tenure).not.toHaveProperty('startDate');
      expect(tenure).not.toHaveProperty('endDate');
    }
    expect(doc.facts.filter((f) => f.type === 'TENURE')).toHaveLength(4);
  });

  it('has the plenary with its inferred date, organizer and participants', () => {
    const plenary = entity('plenary');
    expect(plenary).toMatchObject({
      kind: 'EVENT',
      id: 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary',
      eventType: 'PLENARY_MEETING',
      startDate: '2026-02-11',
    });
    expect(plenary.note).toMatch(/2026/);
    expect(relations('ORGANIZED_BY').some((f) => f.from === 'plenary' && f.to === 'committee')).toBe(true);

    const participation = (person: string, role: string) =>
      doc.facts.find((f) => f.type === 'PARTICIPATION' && f.person === person && f.event === 'plenary' && f.role === role);
    const presided = participation('huang-qiang', 'PRESIDED');
    expect(presided?.quote).toContain('presided over the meeting');
    expect(presided).toMatchObject({ capacity: 'post-director' });
    expect(participation('huang-qiang', 'SPOKE')?.quote).toContain('delivered a speech');
    expect(participation('huang-qiang', 'SPOKE')).toMatchObject({ capacity: 'post-director' });
    const attended = participation('hu-yuting', 'ATTENDED');
    expect(attended?.quote).toContain('attended the meeting');
    expect(attended).toMatchObject({ capacity: 'post-deputy-director' });

    const groups = doc.facts.filter(
      (f): f is Extract<IngestFact, { type: 'GROUP_PARTICIPATION' }> =>
        f.type === 'GROUP_PARTICIPATION' && f.event === 'plenary',
    );
    expect(groups.map((g) => g.name).sort()).toEqual([
      'Deputy directors and members of the Provincial Foreign Affairs Work Committee',
      'Heads of relevant provincial departments',
      'Relevant provincial leaders',
    ]);
    expect(groups.every((g) => g.role === 'ATTENDED')).toBe(true);
    expect(groups.find((g) => g.organization === 'committee')).toBeDefined();
  });

  it('has the approved documents', () => {
    expect(entity('work-report-2025')).toMatchObject({ kind: 'DOCUMENT', documentType: 'WORK_REPORT', date: '2025' });
    expect(entity('work-priorities-2026')).toMatchObject({ kind: 'DOCUMENT', documentType: 'WORK_PLAN', date: '2026' });
    const approved = relations('APPROVED').filter((f) => f.from === 'plenary');
    expect(approved.map((f) => f.to).sort()).toEqual(['work-priorities-2026', 'work-report-2025']);
    expect(approved.every((f) => f.quote.includes('approved'))).toBe(true);
  });

  it('links the meeting to each policy theme exactly once', () => {
    const themes = doc.entities.filter((e) => e.kind === 'POLICY_THEME').map((e) => e.ref);
    expect(themes).toHaveLength(13);
    const addressed = relations('ADDRESSED').filter((f) => f.from === 'plenary');
    expect(addressed.map((f) => f.to).sort()).toEqual([...themes].sort());
    const quoteFor = (ref: string) => addressed.find((f) => f.to === ref)?.quote;
    expect(quoteFor('frugality')).toContain('getting used to tightening our belts');
    expect(quoteFor('belt-and-road')).toContain('key window for opening toward the north');
    expect(quoteFor('people-to-people-exchanges')).toContain('Changchun 2027 Winter Universiade');
    expect(quoteFor('fourth-plenum-20th-cc')).toContain('Fourth Plenary Session of the 20th CPC Central Committee');
    expect(entity('xi-thought-on-diplomacy').aliases).toContain('习近平外交思想');
    expect(entity('belt-and-road').aliases).toContain('一带一路');
  });

  it('records inferred theme links with a note', () => {
    for (const fact of relations('BROADER')) expect(fact.note, JSON.stringify(fact)).toBeTruthy();
  });

  it('has the referenced events', () => {
    expect(entity('china-russia-years-of-culture')).toMatchObject({ kind: 'EVENT', eventType: 'CULTURAL_EXCHANGE_YEARS' });
    expect(entity('china-russia-years-of-culture').aliases).toContain('中俄文化年');
    expect(entity('universiade')).toMatchObject({
      kind: 'EVENT',
      id: 'event:2027-changchun-winter-universiade',
      eventType: 'SPORTS_EVENT',
      startDate: '2027',
    });
    const referenced = relations('REFERENCED').filter((f) => f.from === 'plenary');
    expect(referenced.map((f) => f.to).sort()).toEqual(['china-russia-years-of-culture', 'universiade']);
    expect(relations('HELD_IN').some((f) => f.from === 'universiade' && f.to === 'changchun')).toBe(true);
  });

  it('has the places, with inferred containment noted', () => {
    expect(entity('jilin')).toMatchObject({ kind: 'PLACE', id: 'place:jilin', placeType: 'PROVINCE' });
    expect(entity('jilin').aliases).toEqual(expect.arrayContaining(['Jilin', '吉林', '吉林省']));
    expect(entity('changchun')).toMatchObject({ kind: 'PLACE', id: 'place:changchun', placeType: 'CITY' });
    expect(entity('china')).toMatchObject({ kind: 'PLACE', placeType: 'COUNTRY' });
    const within = relations('WITHIN');
    expect(within.find((f) => f.from === 'changchun' && f.to === 'jilin')?.note).toMatch(/capital/);
    expect(within.find((f) => f.from === 'jilin' && f.to === 'china')?.note).toBeTruthy();
  });
});
