/**
 * A clone with nothing beside it must pass its tests, so no code in src/, tests/ or scripts/
 * reaches outside the repository: not the shared folder beside a checkout (only
 * tests/helpers/sharedData.ts may, and its tests skip without it) and not an absolute path into
 * someone's workspace or home. System paths (/proc, /usr/bin/chromium, the temporary folder)
 * are the machine's, not data, and stay allowed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/projectRoot.js';

const SCANNED_FOLDERS = ['src', 'tests', 'scripts'];
const CODE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const THE_HELPER = 'tests/helpers/sharedData.ts';

/**
 * The shared folder reached through one or more parent steps (as one string or as path.join
 * pieces), and absolute paths into workspaces or homes.
 */
const OUTSIDE = [
  /\.\.(?:['"`]\s*,\s*['"`]|[\\/])(?:\.\.(?:['"`]\s*,\s*['"`]|[\\/]))*shared\b/,
  /(?<![\w.])\/(?:work|home|root|Users|mnt|media|srv)\/\w/,
];

function codeFiles(folder: string): string[] {
  return readdirSync(path.join(projectRoot(), folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => CODE.test(file))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

/** `file:line: text` for every line that names a path outside the repository. */
function outsidePaths(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) => (OUTSIDE.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
}

describe('the repository is self-contained', () => {
  it('scans real code: the helper and this test are among the files', () => {
    const files = SCANNED_FOLDERS.flatMap(codeFiles);
    expect(files).toContain(THE_HELPER);
    expect(files).toContain('tests/selfContained.test.ts');
    expect(files).toContain('src/cli/start.ts');
  });

  it('finds the paths it looks for', () => {
    // Written in capitals here so that this file itself names no such path.
    const sample = [
      "readFileSync('../SHARED/seeds/x.txt')",
      "path.join(root, '../../SHARED/data/x.json')",
      "path.join(projectRoot(), '..', 'SHARED', 'data')",
      "const dir = '/WORK/main/seeds';",
      'const home = "/HOME/someone/data.json";',
      "spawn('/usr/bin/chromium'); readFileSync('/proc/1/status'); fetch(`${url}/graphql`); 'http://localhost/work/x'",
      "const sharedFacts = shared('x'); // ../seeds/shared.json is not the shared folder",
    ]
      .join('\n')
      .replace(/SHARED|WORK|HOME/g, (word) => word.toLowerCase());
    expect(outsidePaths('sample.ts', sample).map((line) => line.split(':')[1])).toEqual(['1', '2', '3', '4', '5']);
  });

  it(`reads nothing outside the repository except through ${THE_HELPER}`, () => {
    const found = SCANNED_FOLDERS.flatMap(codeFiles)
      .filter((file) => file !== THE_HELPER)
      .flatMap((file) => outsidePaths(file, readFileSync(path.join(projectRoot(), file), 'utf8')));
    expect(found).toEqual([]);
  });
});
