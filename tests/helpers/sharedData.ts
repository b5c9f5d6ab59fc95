/**
 * The one place tests reach the public data sets kept beside the project (../shared/data), which
 * are not part of the repository (some may not be copied into it, such as OpenSanctions' CC BY-NC
 * export). A test that needs one skips, saying why, when the file is not there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/projectRoot.js';

/** The path of a shared data file (relative to ../shared/data), or null when it is not there. */
export function sharedDataFile(relativePath: string): string | null {
  const file = path.join(projectRoot(), '..', 'shared', 'data', relativePath);
  return existsSync(file) ? file : null;
}
