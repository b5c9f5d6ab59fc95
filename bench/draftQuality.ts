/**
 * How well the drafter does, measured (not claimed): the seed report drafted in an empty graph
 * and in a graph that holds the seed, and the three invented fixture reports in an empty graph,
 * each compared with its reference (seeds/000's document; the fixtures' hand-made expected
 * facts) by fact type and endpoints after entity matching (src/draft/evaluate.ts).
 *
 *   npx tsx bench/draftQuality.ts     writes bench/RESULTS-draft.md and the table in README.md
 *
 * tests/draft.test.ts checks that both files hold exactly what this computes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { draftDocument, type DraftSource } from '../src/draft/draft.js';
import { gazetteerFromDocument, referenceFromDocument, scoreDraft, type Reference, type TypeScore } from '../src/draft/evaluate.js';
import { Gazetteer } from '../src/draft/gazetteer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEED_FILE = 'seeds/000_jilin-foreign-affairs-committee-plenary.json';
export const FIXTURES = ['heilongjiang-standing-committee', 'liaoning-executive-meeting', 'harbin-congress-session'];
const TYPES = ['PARTICIPATION', 'TENURE', 'APPROVED', 'ADDRESSED', 'ORGANIZED_BY'];
const README_START = '<!-- draft-quality:start (bench/draftQuality.ts writes this table) -->';
const README_END = '<!-- draft-quality:end -->';

export interface Case {
  label: string;
  source: DraftSource;
  gazetteer: Gazetteer;
  reference: Reference;
}

export function qualityCases(): Case[] {
  const seed = JSON.parse(readFileSync(path.join(root, SEED_FILE), 'utf8'));
  const { id: _id, ...seedSource } = seed.source;
  const reference = referenceFromDocument(seed);
  const cases: Case[] = [
    { label: 'seed report, empty graph', source: seedSource, gazetteer: new Gazetteer([]), reference },
    { label: 'seed report, graph holding the seed', source: seedSource, gazetteer: gazetteerFromDocument(seed), reference },
  ];
  for (const name of FIXTURES) {
    const expected = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/draft', `${name}.expected.json`), 'utf8'));
    const text = readFileSync(path.join(root, 'tests/fixtures/draft', `${name}.txt`), 'utf8');
    cases.push({ label: `fixture ${name}, empty graph`, source: { ...expected.source, text }, gazetteer: new Gazetteer([]), reference: expected });
  }
  return cases;
}

export function qualityScores(): Array<{ label: string; scores: TypeScore[] }> {
  return qualityCases().map((item) => ({ label: item.label, scores: scoreDraft(draftDocument(item.source, item.gazetteer).document, item.reference, TYPES) }));
}

const format = (value: number) => value.toFixed(2);

/** The README table: recall / precision for the measured types. */
export function qualityTable(results = qualityScores()): string {
  const measured = ['PARTICIPATION', 'TENURE', 'APPROVED'];
  const lines = [
    `| report | ${measured.map((type) => `${type} recall / precision`).join(' | ')} |`,
    `|---|${measured.map(() => '---').join('|')}|`,
  ];
  for (const { label, scores } of results) {
    const cells = measured.map((type) => {
      const score = scores.find((item) => item.type === type) as TypeScore;
      return `${format(score.recall)} / ${format(score.precision)} (${score.matched} of ${score.expected}; ${score.drafted} drafted)`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  const total = (type: string) => {
    const all = results.map(({ scores }) => scores.find((item) => item.type === type) as TypeScore);
    const matched = all.reduce((sum, item) => sum + item.matched, 0);
    const expected = all.reduce((sum, item) => sum + item.expected, 0);
    const drafted = all.reduce((sum, item) => sum + item.drafted, 0);
    return `${format(expected ? matched / expected : 1)} / ${format(drafted ? matched / drafted : 1)} (${matched} of ${expected}; ${drafted} drafted)`;
  };
  lines.push(`| **all five** | ${measured.map(total).join(' | ')} |`);
  return lines.join('\n');
}

export function resultsMarkdown(results = qualityScores()): string {
  const detail = results
    .map(({ label, scores }) => {
      const rows = scores.map(
        (score) =>
          `| ${score.type} | ${score.expected} | ${score.drafted} | ${score.matched} | ${format(score.recall)} | ${format(score.precision)} | ${[...score.missed.map((key) => `missed ${key}`), ...score.wrong.map((key) => `extra ${key}`)].join('<br>') || '–'} |`,
      );
      return [`### ${label}`, '', '| fact type | expected | drafted | matched | recall | precision | differences |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
  return `# Drafting quality

Written by \`npx tsx bench/draftQuality.ts\`; \`tests/draft.test.ts\` fails when this file is not
what the drafter gives now. Facts are compared by type and endpoints (a participation also by
role) after matching entities (same id; else same kind and a shared name or alias; an event also
by start date and organizer). Recall = matched / expected, precision = matched / drafted.

The references: \`${SEED_FILE}\` (written by hand before the drafter existed), and the three
invented fixture reports in \`tests/fixtures/draft/\` with hand-made expected facts. The fixtures
were written by the author of the rules, in the genre the rules were made for, so they show that
the rules cover that genre; they are not an independent test set. ADDRESSED themes are proposed
only for themes the graph already knows, so in an empty graph their recall is 0 by design.

## Recall / precision on the measured types

${qualityTable(results)}

## Every fact type, case by case

${detail}
`;
}

export function readmeWithTable(readme: string, table = qualityTable()): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = qualityScores();
  writeFileSync(path.join(root, 'bench/RESULTS-draft.md'), resultsMarkdown(results));
  const readmePath = path.join(root, 'README.md');
  writeFileSync(readmePath, readmeWithTable(readFileSync(readmePath, 'utf8'), qualityTable(results)));
  console.log(qualityTable(results));
}
