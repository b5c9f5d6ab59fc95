/**
 * `npm run generate -- --persons N --seed S --out DIR`: writes a deterministic, national-size
 * graph in the bulk format (src/bulk/bulkFormat.ts) for `npm run import:bulk`. The same N and S
 * always give the same bytes.
 *
 * Shape, per province (one per 5,000 persons):
 * - places: the province and its cities (WITHIN), every organization BASED_IN one of them;
 * - nested organizations: a government, a party committee and a people's congress, each with
 *   departments (PART_OF), each department with bureaus (PART_OF);
 * - posts (POST_OF): heads and secretaries with one seat, deputies with unknown seats, congress
 *   and committee members with several seats and stated terms (termEnd), members on behalf of a
 *   party (ON_BEHALF_OF);
 * - tenures: one-seat posts held in succession since 1990 (some successions stated: SUCCEEDS),
 *   several-seat posts by overlapping holders; start and end dates with day, month and year
 *   precision, some missing (the start then comes from the earliest source);
 * - events organized by an organization, HELD_IN a city, ADDRESSED themes, with participants
 *   (presided, spoke, attended; some in the capacity of a post they hold) and documents they
 *   APPROVED that CONCERN themes;
 * - themes with BROADER links;
 * - sources (one per province and year, published that year), each fact stated by one to three
 *   of them and each entity mentioned by one or two, with the exact quote in the source's text.
 * At N = 100,000 this is about 410,000 nodes and 1,150,000 relationships.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BULK_STAGES,
  stageFile,
  type BulkEntity,
  type BulkManifest,
  type BulkRecords,
  type BulkStage,
} from '../src/bulk/bulkFormat.js';
import { KIND_LABELS, type ParticipationRole } from '../src/model/document.js';
import { tenureId } from '../src/model/ids.js';
import { BufferedFile } from '../src/bulk/bufferedFile.js';

export interface GenerateOptions {
  persons: number;
  seed: number;
  out: string;
}

/** mulberry32: small, fast and the same on every platform. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    between: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof random>;

const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Huang', '黄'],
  ['Zhao', '赵'], ['Wu', '吴'], ['Zhou', '周'], ['Xu', '徐'], ['Sun', '孙'], ['Ma', '马'], ['Zhu', '朱'], ['Hu', '胡'],
  ['Guo', '郭'], ['He', '何'], ['Lin', '林'], ['Gao', '高'], ['Luo', '罗'], ['Zheng', '郑'], ['Liang', '梁'],
  ['Xie', '谢'], ['Song', '宋'], ['Tang', '唐'], ['Han', '韩'], ['Feng', '冯'], ['Deng', '邓'], ['Cao', '曹'], ['Peng', '彭'],
];
const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['jian', '建'], ['guo', '国'], ['ming', '明'], ['hua', '华'], ['wei', '伟'], ['qiang', '强'], ['jun', '军'], ['ping', '平'],
  ['hong', '红'], ['lin', '林'], ['xin', '新'], ['yu', '宇'], ['hai', '海'], ['dong', '东'], ['feng', '峰'], ['bo', '波'],
  ['li', '丽'], ['yan', '燕'], ['jie', '杰'], ['tao', '涛'], ['bin', '斌'], ['gang', '刚'], ['hui', '辉'], ['min', '敏'],
  ['xiang', '祥'], ['zhi', '志'], ['cheng', '成'], ['kai', '凯'], ['lei', '磊'], ['ning', '宁'], ['yi', '毅'], ['rong', '荣'],
];
const PROVINCES = [
  'Jilin', 'Liaoning', 'Hebei', 'Shanxi', 'Henan', 'Hubei', 'Hunan', 'Anhui', 'Jiangxi', 'Fujian', 'Zhejiang', 'Jiangsu',
  'Shandong', 'Guangdong', 'Hainan', 'Sichuan', 'Guizhou', 'Yunnan', 'Shaanxi', 'Gansu', 'Qinghai', 'Heilongjiang',
];
const SECTORS = [
  'Foreign Affairs', 'Commerce', 'Education', 'Finance', 'Transport', 'Health', 'Agriculture', 'Water Resources',
  'Culture and Tourism', 'Science and Technology', 'Ecology and Environment', 'Natural Resources', 'Civil Affairs',
  'Public Security', 'Justice', 'Audit', 'Statistics', 'Housing', 'Emergency Management', 'Veterans Affairs',
  'Industry and Information Technology', 'Human Resources', 'Market Regulation', 'Sports', 'Ethnic Affairs',
];
const BUREAU_KINDS = ['Planning', 'Inspection', 'Policy Research', 'International Cooperation', 'Personnel', 'Legal Affairs'];
const THEME_ROOTS = ['Economy', 'Society', 'Environment', 'Governance', 'External Relations', 'Security', 'Culture', 'Technology'];
const THEME_LEAVES = [
  'Foreign Trade', 'Rural Revitalization', 'Carbon Peak', 'Digital Government', 'Belt and Road', 'Winter Sports',
  'Elderly Care', 'Flood Control', 'Grain Security', 'Tourism Recovery', 'Talent Attraction', 'Border Trade',
  'Clean Energy', 'Urban Renewal', 'Vocational Training', 'Anti-corruption', 'Pollution Control', 'Northeast Revitalization',
];
const FIRST_YEAR = 1990;
const LAST_YEAR = 2026;
const PERSONS_PER_PROVINCE = 5000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of the given year at day, month or year precision. */
function dateIn(rng: Random, year: number, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'year') return String(year);
  const month = rng.between(1, 12);
  if (precision === 'month') return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(rng.between(1, 28))}`;
}
function precisionOf(rng: Random): 'day' | 'month' | 'year' {
  const roll = rng.next();
  return roll < 0.55 ? 'day' : roll < 0.85 ? 'month' : 'year';
}
function spoken(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return `in ${year}`;
  const monthName = MONTHS[Number(month) - 1] as string;
  return day ? `on ${monthName} ${Number(day)}, ${year}` : `in ${monthName} ${year}`;
}

/** NDJSON writer, one per stage. */
class StageWriter {
  private readonly out: BufferedFile;
  count = 0;
  constructor(file: string) {
    this.out = new BufferedFile(file);
  }
  write(record: unknown): void {
    this.out.write(`${JSON.stringify(record)}\n`);
    this.count += 1;
  }
  close(): void {
    this.out.close();
  }
}

export function generateGraph(options: GenerateOptions): BulkManifest {
  const { persons, seed, out } = options;
  if (!Number.isInteger(persons) || persons < 100) throw new Error(`--persons: expected a whole number of at least 100, but got: ${persons}`);
  mkdirSync(out, { recursive: true });
  const rng = random(seed);
  const tag = `g${seed}`;
  const writers = Object.fromEntries(BULK_STAGES.map((stage) => [stage, new StageWriter(path.join(out, stageFile(stage)))])) as Record<
    BulkStage,
    StageWriter
  >;
  const emit = <S extends BulkStage>(stage: S, record: BulkRecords[S]) => writers[stage].write(record);
  let nodes = 0;
  let relationships = 0;

  // Sources: one per province and year, their text built from the quotes they support.
  const provinces = Math.max(1, Math.ceil(persons / PERSONS_PER_PROVINCE));
  const sourceTexts = new Map<string, string[]>();
  const OUTLETS = ['Daily', 'Release', 'Yearbook', 'Gazette'];
  const sourceId = (province: number, year: number) => `source:${tag}-p${province}-${year}-${rng.int(OUTLETS.length)}`;
  const sourcesFor = (province: number, fromYear: number, count: number): string[] => {
    const ids = new Set<string>();
    for (let i = 0; i < count; i += 1) {
      const year = Math.min(LAST_YEAR, Math.max(FIRST_YEAR, fromYear) + rng.int(3));
      ids.add(sourceId(province, year));
    }
    return [...ids].sort();
  };
  const say = (source: string, quote: string) => {
    let lines = sourceTexts.get(source);
    if (!lines) sourceTexts.set(source, (lines = []));
    lines.push(quote);
  };
  const evidenceOf = (sources: string[], quote: string) => {
    for (const source of sources) say(source, quote);
    return { evidence: sources.map((s) => JSON.stringify({ s, q: quote })), sourceIds: sources };
  };
  const entity = (province: number, year: number, value: Omit<BulkEntity, 'label' | 'mentions' | 'aliases'> & { aliases?: string[] }) => {
    const sources = sourcesFor(province, year, rng.chance(0.4) ? 2 : 1);
    const mentions = sources.map((s) => {
      say(s, value.name);
      return { s, q: value.name };
    });
    emit('entities', { aliases: [], ...value, label: KIND_LABELS[value.kind], mentions });
    nodes += 1;
    relationships += mentions.length;
    return value.id;
  };
  const relation = (province: number, year: number, type: string, from: string, to: string, quote: string) => {
    emit('relations', { type, from, to, ...evidenceOf(sourcesFor(province, year, factSources()), quote) });
    relationships += 1;
  };
  const factSources = () => (rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3);

  // Themes, shared by all provinces.
  const themes: string[] = [];
  const themeIds: string[] = [];
  for (const root of THEME_ROOTS) {
    const id = entity(0, 2000, { kind: 'POLICY_THEME', id: `theme:${tag}-${root.toLowerCase().replace(/ /g, '-')}`, name: root, properties: {} });
    themeIds.push(id);
  }
  for (const [index, leaf] of THEME_LEAVES.entries()) {
    const id = entity(0, 2000, { kind: 'POLICY_THEME', id: `theme:${tag}-${leaf.toLowerCase().replace(/ /g, '-')}`, name: leaf, properties: {} });
    themes.push(id);
    const broader = themeIds[index % themeIds.length] as string;
    relation(0, 2000, 'BROADER', id, broader, `${leaf} is part of the work on ${THEME_ROOTS[index % THEME_ROOTS.length]}.`);
  }
  const country = entity(0, 1995, { kind: 'PLACE', id: `place:${tag}-china`, name: 'China', properties: { placeType: 'COUNTRY' } });

  let personNumber = 0;
  for (let province = 0; province < provinces; province += 1) {
    const provinceName = `${PROVINCES[province % PROVINCES.length]}${province >= PROVINCES.length ? ` ${Math.floor(province / PROVINCES.length) + 1}` : ''}`;
    const slug = provinceName.toLowerCase().replace(/ /g, '-');
    const personCount = Math.min(PERSONS_PER_PROVINCE, persons - personNumber);
    const provinceYear = 1995;

    // Places.
    const provincePlace = entity(province, provinceYear, { kind: 'PLACE', id: `place:${tag}-${slug}`, name: `${provinceName} Province`, properties: { placeType: 'PROVINCE' } });
    relation(province, provinceYear, 'WITHIN', provincePlace, country, `${provinceName} Province is a province of China.`);
    const cities: string[] = [];
    for (let c = 0; c < 8; c += 1) {
      const city = entity(province, provinceYear, { kind: 'PLACE', id: `place:${tag}-${slug}-city-${c}`, name: `${provinceName} City ${c + 1}`, properties: { placeType: 'CITY' } });
      relation(province, provinceYear, 'WITHIN', city, provincePlace, `${provinceName} City ${c + 1} lies in ${provinceName} Province.`);
      cities.push(city);
    }

    // Persons of the province.
    const people: string[] = [];
    const names = new Map<string, string>();
    for (let i = 0; i < personCount; i += 1) {
      const [surname, surnameZh] = rng.pick(SURNAMES);
      const [g1, g1Zh] = rng.pick(GIVEN);
      const two = rng.chance(0.7);
      const [g2, g2Zh] = two ? rng.pick(GIVEN) : ['', ''];
      const given = `${g1.charAt(0).toUpperCase()}${g1.slice(1)}${g2}`;
      const name = `${surname} ${given}`;
      const id = `person:${tag}-${surname.toLowerCase()}-${given.toLowerCase()}-${pad(personNumber, 6)}`;
      personNumber += 1;
      const birthYear = rng.between(1940, 1985);
      entity(province, 1990, { kind: 'PERSON', id, name, aliases: [`${surnameZh}${g1Zh}${g2Zh}`], properties: { gender: rng.chance(0.7) ? 'male' : 'female', birthDate: String(birthYear) } });
      people.push(id);
      names.set(id, name);
    }

    // Organizations, nested three levels, and their posts.
    interface Org {
      id: string;
      name: string;
      posts: Array<{ id: string; name: string; seats: number | null; multi: boolean }>;
    }
    const orgs: Org[] = [];
    const party = `org:${tag}-${slug}-party-committee`;
    const tops: Array<[string, string, string]> = [
      [`org:${tag}-${slug}-government`, `${provinceName} Provincial People's Government`, 'GOVERNMENT'],
      [party, `CPC ${provinceName} Provincial Committee`, 'PARTY_COMMITTEE'],
      [`org:${tag}-${slug}-congress`, `${provinceName} Provincial People's Congress`, 'LEGISLATURE'],
    ];
    // About one post per 6 persons, four posts per organization.
    const orgTarget = Math.max(4, Math.round(personCount / 6 / 4));
    const departmentsPerTop = Math.max(1, Math.round(orgTarget / 3 / 4));
    const addOrg = (id: string, name: string, orgType: string, parent: string | null, year: number): Org => {
      entity(province, year, { kind: 'ORGANIZATION', id, name, properties: { orgType } });
      relation(province, year, 'BASED_IN', id, rng.chance(0.7) ? (cities[0] as string) : rng.pick(cities), `${name} is based in ${provinceName}.`);
      if (parent) relation(province, year, 'PART_OF', id, parent, `${name} operates under ${orgs.find((org) => org.id === parent)?.name ?? parent}.`);
      const org: Org = { id, name, posts: [] };
      const postTitles: Array<[string, number | null, boolean]> =
        orgType === 'LEGISLATURE' || orgType === 'COMMITTEE'
          ? [['Chair', 1, false], ['Vice Chair', null, true], ['Secretary-General', 1, false], ['Member', 60, true]]
          : [['Director', 1, false], ['Deputy Director', null, true], ['Party Secretary', 1, false], ['Inspector', 3, true]];
      for (const [title, seats, multi] of postTitles) {
        const postName = `${title} of the ${name}`;
        const postId = `post:${tag}-${idTail(id)}-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
        entity(province, year, { kind: 'POST', id: postId, name: postName, properties: { role: title, ...(seats === null ? {} : { seats }) } });
        relation(province, year, 'POST_OF', postId, id, `${postName}.`);
        org.posts.push({ id: postId, name: postName, seats, multi });
      }
      orgs.push(org);
      return org;
    };
    for (const [topId, topName, topType] of tops) {
      addOrg(topId, topName, topType, null, provinceYear);
      for (let d = 0; d < departmentsPerTop; d += 1) {
        const sector = SECTORS[d % SECTORS.length] as string;
        const suffix = d >= SECTORS.length ? ` ${Math.floor(d / SECTORS.length) + 1}` : '';
        const deptType = topType === 'GOVERNMENT' ? 'AGENCY' : 'COMMITTEE';
        const deptName =
          topType === 'GOVERNMENT' ? `${provinceName} Department of ${sector}${suffix}` : topType === 'PARTY_COMMITTEE' ? `${provinceName} Provincial ${sector} Work Committee${suffix}` : `${provinceName} Congress ${sector} Committee${suffix}`;
        const dept = addOrg(`org:${tag}-${slug}-${idTail(topId)}-dept-${d}`, deptName, deptType, topId, rng.between(1992, 2005));
        for (let b = 0; b < 3; b += 1) {
          const bureauName = `${BUREAU_KINDS[(d + b) % BUREAU_KINDS.length]} Division of the ${deptName}`;
          addOrg(`${dept.id}-div-${b}`, bureauName, 'AGENCY', dept.id, rng.between(1995, 2010));
        }
      }
    }

    // Tenures: walk the posts, handing out people in turn.
    let nextPerson = rng.int(people.length);
    const takePerson = () => {
      nextPerson = (nextPerson + 1 + rng.int(3)) % people.length;
      return people[nextPerson] as string;
    };
    const heldBy = new Map<string, string[]>();
    const tenureIds = new Set<string>();
    const tenure = (chosen: string, post: { id: string; name: string }, start: string | null, end: string | null, termEnd: string | null, onBehalfOf: string | null) => {
      // A tenure's id is person, post and start: the same person taking the same seat again on
      // the same start would be the same tenure, so someone else takes it.
      let person = chosen;
      let id = tenureId(person, post.id, start ?? undefined);
      while (tenureIds.has(id)) {
        person = takePerson();
        id = tenureId(person, post.id, start ?? undefined);
      }
      tenureIds.add(id);
      const startYear = start ? Number(start.slice(0, 4)) : 2000;
      const quote = `${names.get(person)} served as ${post.name}${start ? ` from ${start}` : ''}${end ? ` until ${end}` : ''}.`;
      emit('tenures', { id, person, post: post.id, startDate: start, endDate: end, termEnd, onBehalfOf, ...evidenceOf(sourcesFor(province, startYear, factSources()), quote) });
      nodes += 1;
      relationships += 2 + (onBehalfOf ? 1 : 0);
      const held = heldBy.get(person) ?? [];
      held.push(post.id);
      heldBy.set(person, held);
      return id;
    };
    for (const org of orgs) {
      for (const post of org.posts) {
        if (!post.multi) {
          // One seat: a chain of holders, some successions stated.
          let year = FIRST_YEAR + rng.int(6);
          let previous: string | null = null;
          while (year <= LAST_YEAR) {
            const length = rng.between(3, 7);
            const person = takePerson();
            const start = rng.chance(0.06) ? null : dateIn(rng, year, precisionOf(rng));
            const nextYear = year + length;
            const end = nextYear <= LAST_YEAR && rng.chance(0.35) ? dateIn(rng, nextYear, precisionOf(rng)) : null;
            const id = tenure(person, post, start, end, null, null);
            if (previous && start && rng.chance(0.3)) {
              emit('successions', { from: id, to: previous, ...evidenceOf(sourcesFor(province, year, 1), `The new ${post.name} succeeded the previous one ${spoken(start)}.`) });
              relationships += 1;
            }
            previous = start ? id : null;
            year = nextYear;
          }
        } else {
          // Several seats: overlapping holders in terms of five years, some on behalf of the party.
          const perTerm = post.seats === null ? rng.between(2, 4) : rng.between(3, 6);
          for (let termStart = 1993 + rng.int(5); termStart <= LAST_YEAR; termStart += 5) {
            for (let seat = 0; seat < perTerm; seat += 1) {
              const person = takePerson();
              const start = rng.chance(0.1) ? null : dateIn(rng, termStart, rng.chance(0.5) ? 'month' : precisionOf(rng));
              const statedTerm = post.seats !== null && rng.chance(0.7);
              const termEnd = statedTerm ? `${termStart + 5}-01` : null;
              const end = rng.chance(0.3) && termStart + 5 <= LAST_YEAR ? dateIn(rng, termStart + rng.between(1, 5), 'month') : null;
              tenure(person, post, start, end, termEnd, rng.chance(0.25) ? party : null);
            }
          }
        }
      }
    }

    // Events with participants, themes, places and documents.
    const eventCount = Math.max(1, Math.round(personCount / 7));
    for (let e = 0; e < eventCount; e += 1) {
      const org = rng.pick(orgs);
      const year = rng.between(2000, LAST_YEAR);
      const startDate = dateIn(rng, year, rng.chance(0.85) ? 'day' : 'month');
      const kind = rng.pick(['Plenary Session', 'Work Conference', 'Symposium', 'Study Session', 'Inspection Tour']);
      const eventName = `${org.name} ${kind} (${startDate})`;
      const eventId = `event:${tag}-${slug}-${pad(e, 5)}`;
      entity(province, year, { kind: 'EVENT', id: eventId, name: eventName, properties: { eventType: kind === 'Inspection Tour' ? 'INSPECTION' : 'MEETING', startDate } });
      relation(province, year, 'ORGANIZED_BY', eventId, org.id, `${org.name} held a ${kind.toLowerCase()} ${spoken(startDate)}.`);
      relation(province, year, 'HELD_IN', eventId, rng.pick(cities), `The ${kind.toLowerCase()} of ${org.name} took place ${spoken(startDate)}.`);
      const themeCount = rng.between(1, 2);
      const addressed = new Set<string>();
      for (let t = 0; t < themeCount; t += 1) addressed.add(rng.pick(themes));
      for (const theme of [...addressed].sort()) relation(province, year, 'ADDRESSED', eventId, theme, `The ${kind.toLowerCase()} of ${org.name} ${spoken(startDate)} discussed ${theme.slice(theme.indexOf('-') + 1).replace(/-/g, ' ')}.`);
      if (rng.chance(0.2)) {
        const documentName = `${org.name} Work Plan ${year}`;
        const documentId = entity(province, year, { kind: 'DOCUMENT', id: `doc:${tag}-${slug}-${pad(e, 5)}`, name: documentName, properties: { documentType: 'PLAN', date: startDate } });
        relation(province, year, 'APPROVED', eventId, documentId, `The meeting approved the ${documentName}.`);
        relation(province, year, 'CONCERNS', documentId, [...addressed][0] as string, `The ${documentName} concerns ${[...addressed][0]}.`);
      }
      const participants = new Set<string>();
      const count = rng.between(12, 40);
      for (let p = 0; p < count; p += 1) participants.add(takePerson());
      let index = 0;
      for (const person of [...participants].sort()) {
        const role: ParticipationRole = index === 0 ? 'PRESIDED' : index <= 2 ? 'SPOKE' : 'ATTENDED';
        index += 1;
        const posts = heldBy.get(person);
        const capacity = posts && rng.chance(0.5) ? (posts[0] as string) : null;
        const verb = role === 'PRESIDED' ? 'presided over' : role === 'SPOKE' ? 'spoke at' : 'attended';
        emit('participations', { person, event: eventId, role, capacity, ...evidenceOf(sourcesFor(province, year, factSources()), `${names.get(person)} ${verb} the ${kind.toLowerCase()} ${spoken(startDate)}.`) });
        relationships += 1;
      }
    }
  }

  // Sources last in the generator (their texts are complete now), first in the import.
  for (const id of [...sourceTexts.keys()].sort()) {
    const [, , provincePart, yearPart, outletPart] = /^source:(g\d+)-p(\d+)-(\d+)-(\d+)$/.exec(id) ?? [];
    const lines = sourceTexts.get(id) as string[];
    const outlet = OUTLETS[Number(outletPart)] as string;
    const provinceName = PROVINCES[Number(provincePart) % PROVINCES.length] as string;
    emit('sources', {
      id,
      name: `${provinceName} ${outlet} ${yearPart}`,
      publisher: `${provinceName} ${outlet}`,
      publishedDate: `${yearPart}-12-31`,
      language: 'en',
      text: lines.join('\n'),
    });
    nodes += 1;
  }
  const records = Object.fromEntries(BULK_STAGES.map((stage) => [stage, writers[stage].count])) as Record<BulkStage, number>;
  for (const writer of Object.values(writers)) writer.close();
  const manifest: BulkManifest = { format: 'officegraph-bulk/1', id: `generated-${persons}-${seed}`, persons, seed, records, nodes, relationships };
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function idTail(id: string): string {
  return id.slice(id.indexOf(':') + 1).replace(new RegExp(`^g\\d+-`), '');
}

function parseArguments(args: string[]): GenerateOptions {
  const value = (flag: string, fallback?: string) => {
    const index = args.indexOf(flag);
    const found = index >= 0 ? args[index + 1] : fallback;
    if (found === undefined) throw new Error(`${flag} is required (usage: npm run generate -- --persons N --seed S --out DIR)`);
    return found;
  };
  return { persons: Number(value('--persons')), seed: Number(value('--seed', '1')), out: path.resolve(value('--out')) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const options = parseArguments(process.argv.slice(2));
  const started = performance.now();
  const manifest = generateGraph(options);
  process.stderr.write(
    `generated ${options.out}: ${manifest.persons} persons, ${manifest.nodes} nodes, ${manifest.relationships} relationships ` +
      `(${Object.entries(manifest.records).map(([stage, count]) => `${stage} ${count}`).join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
