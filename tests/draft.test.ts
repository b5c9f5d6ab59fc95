/**
 * Drafting an ingest document from a report's text: the rules one by one, the seed report and
 * the invented fixture reports drafted into documents that pass the ingest validator with
 * verbatim quotes, the measured recall and precision (and that README.md and
 * bench/RESULTS-draft.md state exactly what the drafter gives now), and draftIngest and
 * `npm run draft` against the seeded graph.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityCases, qualityScores, qualityTable, readmeWithTable, resultsMarkdown } from '../bench/draftQuality.js';
import { parseDraftArguments } from '../src/cli/draft.js';
import { draftDocument } from '../src/draft/draft.js';
import { Gazetteer } from '../src/draft/gazetteer.js';
import { findDate } from '../src/draft/rules/dates.js';
import { parseTitle } from '../src/draft/rules/titles.js';
import { PROVINCES } from '../src/draft/places.js';
import { validateDocument } from '../src/ingest/validateDocument.js';
import { startTestServer, testEnvironment, type TestServer } from './helpers/testServer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = JSON.parse(readFileSync(path.join(root, 'seeds/000_jilin-foreign-affairs-committee-plenary.json'), 'utf8'));
const jilin = PROVINCES.find((province) => province.name === 'Jilin');
const PLENARY = 'Plenary Meeting of the Jilin Provincial Foreign Affairs Committee (February 2026)';

describe('date rules', () => {
  it('resolve stated days against the publication date, and say what was inferred', () => {
    const date = (sentence: string, published?: string) => {
      const found = findDate(sentence, published);
      return found && [found.date, found.rule, found.note];
    };
    expect(date('On February 11, the committee met.', '2026-02-11')).toEqual([
      '2026-02-11',
      'date-month-day',
      'The year is not stated; 2026 is the year of the publication date (2026-02-11).',
    ]);
    expect(date('On December 30, it met.', '2026-01-02')?.[0]).toBe('2025-12-30');
    expect(date('On the 15th, it met.', '2026-01-16')).toEqual([
      '2026-01-15',
      'date-day-of-month',
      'Only the day ("the 15th") is stated; the month and year are those of the publication date (2026-01-16).',
    ]);
    expect(date('On the 15th, it met.', '2026-01-10')?.[0]).toBe('2025-12-15');
    expect(date('On March 4, 2025, it met.', '2026-01-10')).toEqual(['2025-03-04', 'date-month-day-year', undefined]);
    expect(date('It met yesterday.', '2026-03-01')?.[0]).toBe('2026-02-28');
    expect(date('On February 11, it met.')?.[0]).toBeUndefined();
    expect(date('It met.', '2026-02-11')).toBeUndefined();
  });
});

describe('title rules', () => {
  const title = (words: string) => {
    const parsed = parseTitle(words, { province: jilin });
    return parsed && { post: parsed.post.name, role: parsed.role, org: parsed.org.name, orgType: parsed.org.orgType, rule: parsed.rule };
  };
  it('read a post and its body, putting the province back', () => {
    expect(title('Secretary of the Provincial Party Committee')).toEqual({
      post: 'Secretary of the Jilin Provincial Party Committee',
      role: 'Secretary',
      org: 'CPC Jilin Provincial Committee',
      orgType: 'PARTY_COMMITTEE',
      rule: 'title-role-of-body',
    });
    expect(title('Governor of the province')).toEqual({
      post: 'Governor of Jilin Province',
      role: 'Governor',
      org: "Jilin Provincial People's Government",
      orgType: 'GOVERNMENT',
      rule: 'title-head-of-province',
    });
    expect(title('Deputy Director of the Provincial Foreign Affairs Committee')?.post).toBe('Deputy Director of the Jilin Provincial Foreign Affairs Committee');
    expect(title('Vice Mayor of Harbin')).toEqual({
      post: 'Vice Mayor of Harbin',
      role: 'Vice Mayor',
      org: "Harbin Municipal People's Government",
      orgType: 'GOVERNMENT',
      rule: 'title-head-of-city',
    });
    expect(title('Director of the Harbin Municipal Bureau of Justice')?.orgType).toBe('AGENCY');
    expect(title('presided over the meeting')).toBeUndefined();
    expect(title('Governor of Texas')).toBeUndefined();
  });
});

describe('the gazetteer', () => {
  const gazetteer = new Gazetteer([
    { id: 'person:huang-qiang', kind: 'PERSON', name: 'Huang Qiang', aliases: ['黄强'] },
    { id: 'org:committee', kind: 'ORGANIZATION', name: 'Jilin Provincial Foreign Affairs Committee', aliases: ['Provincial Foreign Affairs Committee'] },
    { id: 'org:short', kind: 'ORGANIZATION', name: 'Foreign Affairs Committee', aliases: [] },
  ]);
  it('finds the longest known names in both scripts, at word boundaries', () => {
    const text = '黄强主持会议。Huang  Qiang chaired the Provincial Foreign Affairs Committee; Huang Qiangs is no one.';
    expect(gazetteer.scan(text).map((mention) => [text.slice(mention.start, mention.end), mention.entries.map((entry) => entry.id)])).toEqual([
      ['黄强', ['person:huang-qiang']],
      ['Huang  Qiang', ['person:huang-qiang']],
      ['Provincial Foreign Affairs Committee', ['org:committee']],
    ]);
    expect(gazetteer.lookup('provincial  foreign affairs committee', 'ORGANIZATION').map((entry) => entry.id)).toEqual(['org:committee']);
  });
});

describe('drafting the seed report in an empty graph', () => {
  const { id: _id, ...source } = seed.source;
  const draft = draftDocument({ ...source, publisher: undefined, editor: undefined });

  it('gives a document the ingest validator accepts unchanged, every quote verbatim at its offsets', () => {
    expect(validateDocument(draft.document).ok).toBe(true);
    for (const proposal of draft.proposals) expect(seed.source.text.slice(proposal.start, proposal.end)).toBe(proposal.quote);
    // The source line names the publisher and editor.
    expect([draft.document.source.publisher, draft.document.source.editor]).toEqual(['Jilin Release', 'Liu Jiadi']);
  });

  it('proposes the seed entities with the seed ids, and the facts with their rules', () => {
    const entities = draft.proposals.filter((proposal) => proposal.target === 'ENTITY').map((proposal) => proposal.graphId);
    expect(entities).toEqual([
      'org:jilin-provincial-foreign-affairs-committee',
      'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary',
      'person:huang-qiang',
      'org:cpc-jilin-provincial-committee',
      'post:secretary-of-the-jilin-provincial-party-committee',
      'post:director-of-the-jilin-provincial-foreign-affairs-committee',
      'person:hu-yuting',
      'org:jilin-provincial-peoples-government',
      'post:governor-of-jilin-province',
      'post:deputy-director-of-the-jilin-provincial-foreign-affairs-committee',
      'doc:2025-work-report-of-the-jilin-provincial-foreign-affairs-committee',
      'doc:2026-work-priorities-of-the-jilin-provincial-foreign-affairs-committee',
    ]);
    const facts = draft.proposals.filter((proposal) => proposal.target === 'FACT').map((proposal) => [proposal.rule, proposal.summary]);
    expect(facts).toEqual([
      ['body-held-meeting', `${PLENARY} organized by Jilin Provincial Foreign Affairs Committee`],
      ['title-role-of-body', 'Secretary of the Jilin Provincial Party Committee is a post of CPC Jilin Provincial Committee'],
      ['title-role-of-body', 'Director of the Jilin Provincial Foreign Affairs Committee is a post of Jilin Provincial Foreign Affairs Committee'],
      ['title-apposition', 'Huang Qiang holds Secretary of the Jilin Provincial Party Committee'],
      ['title-apposition', 'Huang Qiang holds Director of the Jilin Provincial Foreign Affairs Committee'],
      ['presided-over', `Huang Qiang PRESIDED at ${PLENARY}`],
      ['delivered-a-speech', `Huang Qiang SPOKE at ${PLENARY}`],
      ['title-head-of-province', "Governor of Jilin Province is a post of Jilin Provincial People's Government"],
      ['title-role-of-body', 'Deputy Director of the Jilin Provincial Foreign Affairs Committee is a post of Jilin Provincial Foreign Affairs Committee'],
      ['title-apposition', 'Hu Yuting holds Governor of Jilin Province'],
      ['title-apposition', 'Hu Yuting holds Deputy Director of the Jilin Provincial Foreign Affairs Committee'],
      ['attended', `Hu Yuting ATTENDED at ${PLENARY}`],
      ['meeting-approved', `${PLENARY} approved 2025 Work Report of the Jilin Provincial Foreign Affairs Committee`],
      ['meeting-approved', `${PLENARY} approved 2026 Work Priorities of the Jilin Provincial Foreign Affairs Committee`],
      ['group-attended', `Deputy directors and members of the Provincial Foreign Affairs Work Committee ATTENDED ${PLENARY}`],
      ['group-attended', `Relevant provincial leaders ATTENDED ${PLENARY}`],
      ['group-attended', `Heads of relevant provincial departments ATTENDED ${PLENARY}`],
    ]);
    const presided = draft.document.facts.find((fact) => fact.role === 'PRESIDED');
    expect(presided).toEqual({
      type: 'PARTICIPATION',
      person: 'huang-qiang',
      event: 'plenary-meeting-of-the-jilin-provincial-foreign-affairs-committee-february-2026',
      role: 'PRESIDED',
      capacity: 'director-of-the-jilin-provincial-foreign-affairs-committee',
      quote: 'Huang Qiang, Secretary of the Provincial Party Committee and Director of the Provincial Foreign Affairs Committee, presided over the meeting',
      note: 'Capacity: of the titles given, the post in the body that held the meeting.',
    });
    const event = draft.document.entities.find((entity) => entity.kind === 'EVENT');
    expect(event).toMatchObject({ startDate: '2026-02-11', eventType: 'PLENARY_MEETING', note: 'The year is not stated; 2026 is the year of the publication date (2026-02-11).' });
  });
});

describe('measured recall and precision', () => {
  it('drafts a valid document for every report, with verbatim quotes', () => {
    for (const item of qualityCases()) {
      const draft = draftDocument(item.source, item.gazetteer);
      expect(validateDocument(draft.document).ok, item.label).toBe(true);
      for (const proposal of draft.proposals) expect(item.source.text.slice(proposal.start, proposal.end), item.label).toBe(proposal.quote);
    }
  });

  it('reaches recall 0.8 and precision 0.9 on PARTICIPATION, TENURE and APPROVED in every case', () => {
    for (const { label, scores } of qualityScores()) {
      for (const score of scores.filter((item) => ['PARTICIPATION', 'TENURE', 'APPROVED'].includes(item.type))) {
        expect(score.recall, `${label} ${score.type} recall`).toBeGreaterThanOrEqual(0.8);
        expect(score.precision, `${label} ${score.type} precision`).toBeGreaterThanOrEqual(0.9);
      }
    }
  });

  it('are stated in README.md and bench/RESULTS-draft.md exactly as computed now', () => {
    const results = qualityScores();
    expect(readFileSync(path.join(root, 'bench/RESULTS-draft.md'), 'utf8')).toBe(resultsMarkdown(results));
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readmeWithTable(readme, qualityTable(results))).toBe(readme);
  });
});

describe('npm run draft arguments', () => {
  it('takes one report and the source metadata', () => {
    expect(parseDraftArguments(['r.txt', '--publisher', 'Jilin Release', '--date', '2026-02-11', '--title', 'T'])).toEqual({
      file: 'r.txt',
      source: { publisher: 'Jilin Release', publishedDate: '2026-02-11', name: 'T' },
      proposals: false,
      out: undefined,
    });
    expect(parseDraftArguments(['a.txt', 'b.txt'])).toBe('one report at a time, but got a.txt and b.txt');
    expect(parseDraftArguments(['--date'])).toBe('--date needs a value');
    expect(parseDraftArguments([])).toBe('no report file given');
  });
});

describe('against the seeded graph', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const DRAFT = `query ($source: SourceInput!) {
    draftIngest(source: $source) { document proposals { id target kind ref graphId summary quote start end rule confidence existing refs } }
  }`;

  it('finds the known entities and facts, and themes the graph knows, by name and alias', async () => {
    const { id: _id, ...source } = seed.source;
    const response = await server.graphql(DRAFT, { source });
    expect(response.body.errors).toBeUndefined();
    const draft = response.body.data?.draftIngest;
    expect(validateDocument(draft.document).ok).toBe(true);
    const byId = new Map(draft.proposals.map((proposal: { graphId: string }) => [proposal.graphId, proposal]));
    expect(byId.get('person:huang-qiang')).toMatchObject({ target: 'ENTITY', rule: 'gazetteer', existing: true, confidence: 0.95 });
    expect(byId.get('tenure:huang-qiang--secretary-of-the-jilin-provincial-party-committee--undated')).toMatchObject({ existing: true, rule: 'title-apposition' });
    expect(byId.get('event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary')).toMatchObject({ existing: true });
    expect(byId.get('addressed:event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary->theme:foreign-trade')).toMatchObject({
      kind: 'ADDRESSED',
      rule: 'known-theme-with-cue',
      quote: 'deepen and solidify foreign trade',
      existing: true,
    });
    // Everything the seed states is already there; nothing drafted is new except what the seed left out.
    const fresh = draft.proposals.filter((proposal: { existing: boolean }) => !proposal.existing).map((proposal: { graphId: string }) => proposal.graphId);
    expect(fresh).toEqual([]);
  });

  it('reports a bad source field by path, and drafts a report in another text without matches', async () => {
    const bad = await server.graphql(DRAFT, { source: { name: 'x', language: 'english', text: 'x', publishedDate: 'Feb 2026' } });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.body.errors?.[0]?.extensions?.problems as Array<{ path: string }>).map((problem) => problem.path)).toEqual(['source.publishedDate', 'source.language']);
    const text = readFileSync(path.join(root, 'tests/fixtures/draft/liaoning-executive-meeting.txt'), 'utf8');
    const other = await server.graphql(DRAFT, { source: { name: 'Liaoning', language: 'en', publishedDate: '2026-03-05', text } });
    const proposals = other.body.data?.draftIngest.proposals as Array<{ existing: boolean; graphId: string }>;
    expect(proposals.length).toBeGreaterThan(20);
    // Only the theme the seed made known is matched; "Governor of the province" here is Liaoning's, not Jilin's.
    expect(proposals.filter((proposal) => proposal.existing).map((proposal) => proposal.graphId)).toEqual(['theme:foreign-trade']);
    expect(proposals.map((proposal) => proposal.graphId)).toEqual(
      expect.arrayContaining(['post:governor-of-liaoning-province', 'addressed:event:2026-03-04-liaoning-provincial-peoples-government-executive->theme:foreign-trade']),
    );
  });

  it('npm run draft prints the document for a report file', async () => {
    const file = path.join(root, 'tests/fixtures/draft/harbin-congress-session.txt');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/draft.ts', file, '--publisher', 'Harbin Daily', '--date', '2026-06-29'], {
        cwd: root,
        env: { ...process.env, ...testEnvironment({ LOG_LEVEL: 'warn' }) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(validateDocument(document).ok).toBe(true);
    expect(document.source).toMatchObject({ name: "Municipal People's Congress Standing Committee Holds Session", publisher: 'Harbin Daily', publishedDate: '2026-06-29', editor: 'Zhu Lin' });
    expect(result.stderr).toMatch(/^drafted \d+ entities \(0 already in the graph\) and \d+ facts \(0 already in the graph\); review before ingesting\n$/);
  });
});
