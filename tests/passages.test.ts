/**
 * Passage search: source texts split into sentences at ingest, indexed in full text (Latin and
 * Chinese script), found with a highlighted snippet and the facts quoted from each passage;
 * re-ingest keeps them, a changed text replaces them, retraction removes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_PASSAGE_LENGTH, MAX_SENTENCE_PASSAGES, splitPassages } from '../src/passages/splitPassages.js';
import { snippet } from '../src/passages/snippet.js';
import type { TestServer } from './helpers/testServer.js';
import { graphCounts, ingest, retract, startWriteTestServer } from './helpers/writeHelpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seed = JSON.parse(readFileSync(path.join(here, '../seeds/000_jilin-foreign-affairs-committee-plenary.json'), 'utf8'));
const SEED_SOURCE = 'source:jilin-release-2026-02-11-foreign-affairs-committee-plenary';
const PLENARY = 'event:2026-02-11-jilin-provincial-foreign-affairs-committee-plenary';
const PASSAGES = `query ($text: String!, $first: Int) {
  passages(text: $text, first: $first) { source { id name } text start end snippet facts { id type source target evidence { quote source { id } } } }
}`;

describe('splitting a text into passages', () => {
  it('cuts sentences in both scripts, at line breaks, and keeps exact offsets', () => {
    const text = 'Title Line\n黄强主持会议并讲话。胡玉亭出席会议！  Mr. Li spoke at 2.5 p.m. today. He said "yes." Then J. Smith left\n';
    const passages = splitPassages(text);
    expect(passages.map((passage) => passage.text)).toEqual([
      'Title Line',
      '黄强主持会议并讲话。',
      '胡玉亭出席会议！',
      'Mr. Li spoke at 2.5 p.m. today.',
      'He said "yes."',
      'Then J. Smith left',
    ]);
    for (const passage of passages) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('splits the seed report into its 22 lines and sentences', () => {
    const passages = splitPassages(seed.source.text);
    expect(passages).toHaveLength(22);
    expect(passages[0]?.text).toBe('Provincial Foreign Affairs Committee Holds Plenary Session');
    expect(passages.at(-1)?.text).toBe('Source: Jilin Release Editor: Liu Jiadi');
  });

  it('cuts a very long sentence at white space, and a very long text into packed paragraphs', () => {
    const long = Array.from({ length: 600 }, (_, index) => `word${index}`).join(' ');
    const cut = splitPassages(long);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.every((passage) => passage.text.length <= MAX_PASSAGE_LENGTH)).toBe(true);
    expect(cut.map((passage) => passage.text).join(' ')).toBe(long);

    const lines = Array.from({ length: MAX_SENTENCE_PASSAGES + 500 }, (_, index) => `Line ${index} ends here.`);
    const paragraphs = splitPassages(lines.join('\n'));
    expect(paragraphs.length).toBeLessThan(lines.length / 10);
    expect(paragraphs.every((passage) => passage.text.length <= MAX_PASSAGE_LENGTH)).toBe(true);
    expect(paragraphs.map((passage) => passage.text).join('\n')).toBe(lines.join('\n'));
  });
});

describe('snippets', () => {
  it('escape the text and mark the searched words, in both scripts', () => {
    expect(snippet('A <b> & Exports grew; exporters too.', 'export')).toBe('A &#60;b&#62; &#38; <mark>Exports</mark> grew; <mark>exporters</mark> too.');
    expect(snippet('黄强主持会议并讲话。', '主持会议')).toBe('黄强<mark>主持会议</mark>并讲话。');
  });

  it('show a window around the first match of a long passage', () => {
    const text = `${'lorem '.repeat(80)}target ${'ipsum '.repeat(80)}`.trim();
    const result = snippet(text, 'target', 100);
    expect(result.startsWith('…')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
    expect(result).toContain('<mark>target</mark>');
    expect(result.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(102);
  });
});

let server: TestServer;
beforeAll(async () => {
  server = await startWriteTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('passages(text)', () => {
  it('finds the sentence about increasing exports in the seed, with the facts quoted from it', async () => {
    const response = await server.graphql(PASSAGES, { text: 'exports', first: 3 });
    const sentence = seed.source.text.slice(2623, 3063);
    expect(sentence).toMatch(/^We should give full play to Jilin's role.*economic benefits\.$/);
    const evidence = (quote: string) => [{ quote, source: { id: SEED_SOURCE } }];
    expect(response.body).toEqual({
      data: {
        passages: [
          {
            source: { id: SEED_SOURCE, name: 'Provincial Foreign Affairs Committee Holds Plenary Session' },
            text: sentence,
            start: 2623,
            end: 3063,
            snippet:
              '…scope of foreign affairs services, explore ways to increase <mark>exports</mark>, formulate strategies to boost imports, deepen and solidify foreign trade, effectively stimulate commodity consumption, and turn greater engagement into tangible economic…',
            facts: [
              {
                id: `addressed:${PLENARY}->theme:belt-and-road-initiative`,
                type: 'ADDRESSED',
                source: PLENARY,
                target: 'theme:belt-and-road-initiative',
                evidence: evidence("give full play to Jilin's role as a key window for opening toward the north under the Belt and Road Initiative"),
              },
              {
                id: `addressed:${PLENARY}->theme:foreign-trade`,
                type: 'ADDRESSED',
                source: PLENARY,
                target: 'theme:foreign-trade',
                evidence: evidence(
                  'explore ways to increase exports, formulate strategies to boost imports, deepen and solidify foreign trade, effectively stimulate commodity consumption',
                ),
              },
            ],
          },
        ],
      },
    });
  });

  it('finds words that are in no name ("window", "consumption") and ranks the sentence with all words first', async () => {
    for (const text of ['window', 'consumption']) {
      const response = await server.graphql(PASSAGES, { text });
      expect(response.body.data?.passages.map((hit: { start: number }) => hit.start)).toEqual([2623]);
    }
    const response = await server.graphql(PASSAGES, { text: 'Huang Qiang presided' });
    const [best] = response.body.data?.passages ?? [];
    expect(best.start).toBe(142);
    expect(best.snippet).toBe(
      '<mark>Huang</mark> <mark>Qiang</mark>, Secretary of the Provincial Party Committee and Director of the Provincial Foreign Affairs Committee, <mark>presided</mark> over the meeting and delivered a speech.',
    );
    expect(best.facts.map((fact: { id: string }) => fact.id)).toEqual([
      'based_in:org:cpc-jilin-provincial-committee->place:jilin',
      'part_of:org:jilin-provincial-foreign-affairs-committee->org:cpc-jilin-provincial-committee',
      `participated_in:person:huang-qiang->${PLENARY}:presided`,
      `participated_in:person:huang-qiang->${PLENARY}:spoke`,
      'post_of:post:director-of-the-jilin-provincial-foreign-affairs-committee->org:jilin-provincial-foreign-affairs-committee',
      'post_of:post:secretary-of-the-jilin-provincial-party-committee->org:cpc-jilin-provincial-committee',
      'tenure:huang-qiang--director-of-the-jilin-provincial-foreign-affairs-committee--undated',
      'tenure:huang-qiang--secretary-of-the-jilin-provincial-party-committee--undated',
    ]);
  });

  it('treats query syntax as plain text and checks its arguments', async () => {
    for (const text of ['exports) AND ("', 'title:* OR ~', '\\']) {
      const response = await server.graphql(PASSAGES, { text });
      expect(response.body.errors).toBeUndefined();
    }
    const empty = await server.graphql(PASSAGES, { text: '  ' });
    expect(empty.body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'text', message: 'expected 1 to 200 characters, but got: "  "' }],
    });
    const tooMany = await server.graphql(PASSAGES, { text: 'exports', first: 0 });
    expect(tooMany.body.errors?.[0]?.extensions?.problems).toEqual([{ path: 'first', message: 'expected a whole number from 1 to 100, but got: 0' }]);
  });
});

describe('passages of an ingested report', () => {
  const SOURCE = 'source:test-passages-zh';
  const document = (text: string) => ({
    source: { id: SOURCE, name: '[TEST] 外事报告', publisher: 'officegraph tests', publishedDate: '2026-05-02', language: 'zh-Hans', text },
    entities: [
      { kind: 'EVENT', ref: 'meeting', name: 'Passage Test Meeting', quote: '召开全体会议' },
      { kind: 'POLICY_THEME', ref: 'theme', name: 'Passage Test Theme Quokka', quote: '对外开放' },
    ],
    facts: [{ type: 'ADDRESSED', from: 'meeting', to: 'theme', quote: '扩大对外开放' }],
  });
  const firstText = '省委外事工作委员会召开全体会议。会议强调，要扩大对外开放，做好quokka工作。';

  it('are found in Chinese script and in Latin words within it, with their facts', async () => {
    const before = await graphCounts(server);
    expect((await ingest(server, document(firstText))).body.errors).toBeUndefined();
    const response = await server.graphql(PASSAGES, { text: '对外开放' });
    expect(response.body.data?.passages).toEqual([
      {
        source: { id: SOURCE, name: '[TEST] 外事报告' },
        text: '会议强调，要扩大对外开放，做好quokka工作。',
        start: 16,
        end: 40,
        snippet: '会议强调，要扩大<mark>对外开放</mark>，做好quokka工作。',
        facts: [
          {
            id: 'addressed:event:passage-test-meeting->theme:passage-test-theme-quokka',
            type: 'ADDRESSED',
            source: 'event:passage-test-meeting',
            target: 'theme:passage-test-theme-quokka',
            evidence: [{ quote: '扩大对外开放', source: { id: SOURCE } }],
          },
        ],
      },
    ]);
    const latin = await server.graphql(PASSAGES, { text: 'QUOKKA' });
    expect(latin.body.data?.passages.map((hit: { start: number }) => hit.start)).toEqual([16]);

    // The same text again changes nothing; a changed text replaces the passages.
    const afterFirst = await graphCounts(server);
    expect(afterFirst).toEqual({ nodes: before.nodes + 5, relationships: before.relationships + 5 });
    expect((await ingest(server, document(firstText))).body.errors).toBeUndefined();
    expect(await graphCounts(server)).toEqual(afterFirst);
    expect((await ingest(server, document('召开全体会议，扩大对外开放。'))).body.errors).toBeUndefined();
    const changed = await server.graphql(PASSAGES, { text: '对外开放' });
    expect(changed.body.data?.passages.map((hit: { text: string; start: number }) => [hit.start, hit.text])).toEqual([[0, '召开全体会议，扩大对外开放。']]);
    expect((await server.graphql(PASSAGES, { text: 'quokka' })).body.data?.passages).toEqual([]);

    // Retracting the source removes its passages with it.
    expect((await retract(server, SOURCE)).body.errors).toBeUndefined();
    expect((await server.graphql(PASSAGES, { text: '对外开放' })).body.data?.passages).toEqual([]);
    expect(await graphCounts(server)).toEqual(before);
  });
});
