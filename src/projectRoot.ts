/**
 * The project's root folder, found from this file's own location so the same code works from
 * src/ (tests) and from dist/src/ (after the build).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function projectRoot(): string {
  if (cached) return cached;
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('Cannot find the officegraph project folder (no package.json above the code).');
    directory = parent;
  }
  cached = directory;
  return directory;
}
