/**
 * Real data outside the repository (tests/helpers/sharedData.ts): the helper, and the checks on
 * the OpenSanctions FtM sample that run only where the shared data folder beside the checkout
 * holds it (its CC BY-NC licence keeps it out of the repository). Without it they are reported
 * as skipped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDataFile, sharedDataForTests } from './helpers/sharedData.js';

describe('sharedDataFile', () => {
  it('answers null for a file that is not there', () => {
    expect(sharedDataFile('no-such-folder/no-such-file.json')).toBeNull();
  });

  it('refuses a path that leaves the shared data folder', () => {
    expect(() => sharedDataFile('../seeds/x.txt')).toThrow(/^sharedDataFile expects a path inside .+, but got: "\.\.\/seeds\/x\.txt"$/);
    expect(() => sharedDataFile('ftm/../../x')).toThrow(TypeError);
    expect(() => sharedDataFile('/etc/passwd')).toThrow(TypeError);
  });
});

const ftm = sharedDataForTests('ftm/ve_asamblea_nacional.entities.ftm.json');

describe.skipIf(ftm.file === null)(`the OpenSanctions FtM sample (${ftm.needs})`, () => {
  it('is line-delimited FollowTheMoney JSON whose occupancies link persons to the position', () => {
    const entities = readFileSync(ftm.file!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> });
    const ids = new Set(entities.map((entity) => entity.id));
    const count = (schema: string) => entities.filter((entity) => entity.schema === schema).length;
    expect({ entities: entities.length, Person: count('Person'), Occupancy: count('Occupancy'), Position: count('Position') }).toEqual({
      entities: 549,
      Person: 274,
      Occupancy: 274,
      Position: 1,
    });
    const dangling = entities
      .filter((entity) => entity.schema === 'Occupancy')
      .flatMap((occupancy) => [...(occupancy.properties.holder ?? []), ...(occupancy.properties.post ?? [])])
      .filter((id) => !ids.has(id));
    expect(dangling).toEqual([]);
  });
});
