/**
 * Generates a large graph of the shape the relationship queries care about, as ingest documents
 * (one source per batch of bureaus), with ids under `bench-{tag}-` so it never touches the seed.
 *
 * For each of `bureaus` bureaus (all PART_OF one hub organization, a deliberate hub):
 * - `postsPerBureau` posts, each held by `holdersPerPost` people in succession, starting in
 *   successive years from 2000 with month-precision, year-precision and missing ends mixed in;
 * - every holder of post 0 also holds post 1 of the next bureau at the same time (interlocks);
 * - one event organized by the bureau, with every holder of its posts taking part, addressing
 *   one of `themes` themes.
 */
import type { IngestDocument } from '../src/model/document.js';

export interface BenchShape {
  tag: string;
  bureaus: number;
  postsPerBureau: number;
  holdersPerPost: number;
  themes: number;
  bureausPerDocument: number;
}

type Entity = IngestDocument['entities'][number];
type Fact = IngestDocument['facts'][number];

export const benchIds = (tag: string) => ({
  hub: `org:bench-${tag}-hub`,
  bureau: (b: number) => `org:bench-${tag}-bureau-${b}`,
  post: (b: number, p: number) => `post:bench-${tag}-b${b}-p${p}`,
  person: (b: number, p: number, h: number) => `person:bench-${tag}-b${b}-p${p}-h${h}`,
  event: (b: number) => `event:bench-${tag}-meeting-${b}`,
  theme: (t: number) => `theme:bench-${tag}-theme-${t}`,
});

/** Start of holder h of any post: a year per holder, month precision on odd holders. */
export function holderStart(h: number): string {
  const year = 2000 + h * 4;
  return h % 2 === 1 ? `${year}-0${(h % 9) + 1}` : String(year);
}

export function* benchDocuments(shape: BenchShape): Generator<IngestDocument> {
  const ids = benchIds(shape.tag);
  for (let first = 0; first < shape.bureaus; first += shape.bureausPerDocument) {
    const last = Math.min(first + shape.bureausPerDocument, shape.bureaus);
    const lines: string[] = [];
    const say = (sentence: string) => {
      lines.push(sentence);
      return sentence;
    };
    const entities = new Map<string, Entity>();
    const facts: Fact[] = [];
    const entity = (value: Omit<Entity, 'quote' | 'aliases' | 'ref'>) => {
      const id = value.id as string;
      if (!entities.has(id)) entities.set(id, { aliases: [], ...value, ref: id, quote: say(`Record of ${id}.`) } as Entity);
      return id;
    };
    const fact = (value: Record<string, unknown>, sentence: string) => facts.push({ ...value, quote: say(sentence) } as Fact);

    entity({ kind: 'ORGANIZATION', id: ids.hub, name: `Bench ${shape.tag} Hub`, orgType: 'GOVERNMENT' } as never);
    for (let t = 0; t < shape.themes; t += 1) entity({ kind: 'POLICY_THEME', id: ids.theme(t), name: `Bench ${shape.tag} Theme ${t}` } as never);
    for (let b = first; b < last; b += 1) {
      const bureau = entity({ kind: 'ORGANIZATION', id: ids.bureau(b), name: `Bench ${shape.tag} Bureau ${b}`, orgType: 'AGENCY' } as never);
      fact({ type: 'PART_OF', from: bureau, to: ids.hub }, `Bureau ${b} reports to the hub.`);
      const event = entity({ kind: 'EVENT', id: ids.event(b), name: `Bench ${shape.tag} Meeting ${b}`, eventType: 'MEETING', startDate: `2020-0${(b % 9) + 1}-15` } as never);
      fact({ type: 'ORGANIZED_BY', from: event, to: bureau }, `Bureau ${b} held meeting ${b}.`);
      fact({ type: 'ADDRESSED', from: event, to: ids.theme(b % shape.themes) }, `Meeting ${b} addressed theme ${b % shape.themes}.`);
      for (let p = 0; p < shape.postsPerBureau; p += 1) {
        // Even posts have one seat (a holder's start ends the previous holder's tenure); odd ones several.
        const seats = p % 2 === 0 ? { seats: 1 } : {};
        const post = entity({ kind: 'POST', id: ids.post(b, p), name: `Post ${p} of Bench ${shape.tag} Bureau ${b}`, role: `Officer ${p}`, ...seats } as never);
        fact({ type: 'POST_OF', from: post, to: bureau }, `Post ${p} belongs to bureau ${b}.`);
        for (let h = 0; h < shape.holdersPerPost; h += 1) {
          const person = entity({ kind: 'PERSON', id: ids.person(b, p, h), name: `Bench ${shape.tag} Person ${b}-${p}-${h}` } as never);
          const start = holderStart(h);
          // Every third holder states an end a year after the next one starts (an overlap); the rest end when the next one starts.
          const end = h % 3 === 2 ? String(2000 + (h + 1) * 4 + 1) : undefined;
          fact({ type: 'TENURE', person, post, startDate: start, ...(end ? { endDate: end } : {}) }, `Person ${b}-${p}-${h} held post ${p} of bureau ${b} from ${start}.`);
          fact({ type: 'PARTICIPATION', person, event, role: h === 0 && p === 0 ? 'PRESIDED' : 'ATTENDED' }, `Person ${b}-${p}-${h} was at meeting ${b}.`);
          if (p === 0 && b + 1 < shape.bureaus && shape.postsPerBureau > 1) {
            const other = ids.post(b + 1, 1);
            if (b + 1 >= last) entity({ kind: 'POST', id: other, name: `Post 1 of Bench ${shape.tag} Bureau ${b + 1}`, role: 'Officer 1' } as never);
            if (b + 1 >= last) entity({ kind: 'ORGANIZATION', id: ids.bureau(b + 1), name: `Bench ${shape.tag} Bureau ${b + 1}`, orgType: 'AGENCY' } as never);
            if (b + 1 >= last) fact({ type: 'POST_OF', from: other, to: ids.bureau(b + 1) }, `Post 1 belongs to bureau ${b + 1}.`);
            fact({ type: 'TENURE', person, post: other, startDate: start }, `Person ${b}-${p}-${h} also held post 1 of bureau ${b + 1} from ${start}.`);
          }
        }
      }
    }
    yield {
      source: { id: `source:bench-${shape.tag}-${first}`, name: `Bench ${shape.tag} register ${first}`, publisher: 'Bench', publishedDate: '2030', language: 'en', text: lines.join('\n') },
      entities: [...entities.values()],
      facts,
    };
  }
}
