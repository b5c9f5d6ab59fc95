/**
 * The one place in src/ and tests/ that knows about real data sets the repository does not
 * carry because their licences do not allow it (the OpenSanctions FtM sample is CC BY-NC):
 * they live in ../shared/data beside the checkout, when it is there at all. A test that needs
 * one asks for it here and is skipped, by name and with the reason, when it is absent, so a
 * clone with nothing beside it still passes and says what it did not check.
 * tests/selfContained.test.ts fails if any other file mentions a path outside the repository.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

const SHARED_DATA = '../shared/data';

/** The absolute path of a file under ../shared/data (e.g. `ftm/….ftm.json`), or null when it is absent. */
export function sharedDataFile(relativePath: string): string | null {
  const normalized = path.posix.normalize(relativePath);
  if (path.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    throw new TypeError(`sharedDataFile expects a path inside ${SHARED_DATA}, but got: ${JSON.stringify(relativePath)}`);
  }
  const file = path.resolve(projectRoot(), SHARED_DATA, normalized);
  return existsSync(file) ? file : null;
}

/**
 * For tests that need such a file: its path (null when absent) and the words to put in the
 * name of the test or describe block that `skipIf(file === null)`. When the file is absent this
 * also prints one line saying what is skipped and why.
 */
export function sharedDataForTests(relativePath: string): { file: string | null; needs: string } {
  const file = sharedDataFile(relativePath);
  const needs = `needs ${SHARED_DATA}/${path.posix.normalize(relativePath)}, real data the repository does not carry`;
  if (file === null) process.stdout.write(`skipped: tests that ${needs.replace(/^needs/, 'need')}: the file is absent\n`);
  return { file, needs };
}
