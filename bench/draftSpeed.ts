/**
 * How long drafting takes: a report of about 5,000 words (the three invented fixture reports
 * and the seed, repeated with other names and dates until long enough) drafted against a
 * gazetteer of 10,000 generated people with posts, plus the seed's entities. Prints the median
 * and slowest of 10 runs after 2 warm-up runs, and writes bench/RESULTS-draft-speed.md.
 *
 *   npx tsx bench/draftSpeed.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftDocument } from '../src/draft/draft.js';
import { gazetteerFromDocument } from '../src/draft/evaluate.js';
import { Gazetteer, type GazetteerEntry } from '../src/draft/gazetteer.js';
import { FIXTURES, SEED_FILE } from './draftQuality.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = JSON.parse(readFileSync(path.join(root, SEED_FILE), 'utf8'));
const pieces = [seed.source.text, ...FIXTURES.map((name) => readFileSync(path.join(root, 'tests/fixtures/draft', `${name}.txt`), 'utf8'))];
const GIVEN = ['Ming', 'Hua', 'Jun', 'Li', 'Wei', 'Fang', 'Lei', 'Yan', 'Bo', 'Tao'];

let text = '';
for (let round = 0; text.split(/\s+/).length < 5_000; round += 1) {
  const piece = pieces[round % pieces.length] as string;
  // Other people each round, so the drafter meets new names throughout.
  text += `${piece.replace(/\b(Huang Qiang|Hu Yuting|Zhao Minghui|Sun Lixin|Wang Jianguo|Li Wei|Liu Yang|Ma Qiang)\b/g, (name) => `${name.split(' ')[0]} ${GIVEN[round % GIVEN.length]}${String.fromCharCode(97 + (round % 26))}`)}\n`;
}
const words = text.split(/\s+/).filter(Boolean).length;

const generated: GazetteerEntry[] = [];
for (let index = 0; index < 10_000; index += 1) {
  generated.push({ id: `person:generated-${index}`, kind: 'PERSON', name: `Generated Person ${index}`, aliases: [`生成${index}`] });
  generated.push({ id: `post:generated-post-${index}`, kind: 'POST', name: `Director of Generated Office ${index}`, aliases: [], role: 'Director', organizationId: `org:generated-${index}` });
}
const seedEntries = [...gazetteerFromDocument(seed).byId.values()];
const buildStarted = performance.now();
const gazetteer = new Gazetteer([...seedEntries, ...generated]);
const buildMs = performance.now() - buildStarted;

const source = { name: 'Long report', language: 'en', publishedDate: '2026-02-11', publisher: 'Jilin Release', text };
const times: number[] = [];
let proposals = 0;
for (let run = 0; run < 12; run += 1) {
  const started = performance.now();
  const draft = draftDocument(source, gazetteer);
  const elapsed = performance.now() - started;
  proposals = draft.proposals.length;
  if (run >= 2) times.push(elapsed);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] as number;
const slowest = times.at(-1) as number;
const result = `# Drafting speed

Written by \`npx tsx bench/draftSpeed.ts\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.

- report: ${words} words, ${text.length} characters; ${proposals} proposals drafted
- gazetteer: ${gazetteer.size} entities (10,000 generated people and posts and the seed's), built in ${buildMs.toFixed(0)} ms
- drafting (10 runs after 2 warm-up runs): median **${median.toFixed(0)} ms**, slowest ${slowest.toFixed(0)} ms
`;
writeFileSync(path.join(root, 'bench/RESULTS-draft-speed.md'), result);
console.log(result);
