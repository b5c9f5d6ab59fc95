/**
 * The roles that open an official's title in English-language reports ("Secretary of the
 * Provincial Party Committee", "Governor of the province"). One row per role; longer roles come
 * first so "Deputy Secretary" is not read as "Secretary". A role with `headOf` heads the
 * people's government of a province or city: "Governor of the province" is the post "Governor
 * of Jilin Province" in "Jilin Provincial People's Government".
 */
export interface RoleRow {
  role: string;
  headOf?: 'province' | 'city';
}

export const ROLES: ReadonlyArray<RoleRow> = [
  { role: 'Executive Vice Governor', headOf: 'province' },
  { role: 'Vice Governor', headOf: 'province' },
  { role: 'Governor', headOf: 'province' },
  { role: 'Executive Vice Mayor', headOf: 'city' },
  { role: 'Vice Mayor', headOf: 'city' },
  { role: 'Mayor', headOf: 'city' },
  { role: 'Deputy Secretary-General' },
  { role: 'Secretary-General' },
  { role: 'Deputy Party Secretary' },
  { role: 'Party Secretary' },
  { role: 'Deputy Secretary' },
  { role: 'Secretary' },
  { role: 'Executive Deputy Director' },
  { role: 'Deputy Director' },
  { role: 'Director' },
  { role: 'Vice Chairwoman' },
  { role: 'Vice Chairman' },
  { role: 'Vice Chair' },
  { role: 'Chairwoman' },
  { role: 'Chairman' },
  { role: 'Chair' },
  { role: 'Deputy Head' },
  { role: 'Head' },
  { role: 'Vice Minister' },
  { role: 'Deputy Minister' },
  { role: 'Minister' },
  { role: 'Vice President' },
  { role: 'President' },
  { role: 'Deputy Commissioner' },
  { role: 'Commissioner' },
  { role: 'Chief Procurator' },
  { role: 'Member' },
];

const ROLE_PATTERN = new RegExp(`^(?:${ROLES.map((row) => row.role.replace(/-/g, '\\-')).join('|')})\\b`, 'i');

/** The role a title starts with ("deputy director of …" gives Deputy Director), if any. */
export function leadingRole(title: string): RoleRow | undefined {
  const match = ROLE_PATTERN.exec(title);
  if (!match) return undefined;
  return ROLES.find((row) => row.role.toLowerCase() === match[0].toLowerCase());
}

/** Words that are part of titles and names of bodies, so never a person's given name. */
export const TITLE_WORDS = new Set(
  ROLES.flatMap((row) => row.role.split(/[\s-]+/)).concat(
    'Provincial Municipal Party Committee Commission Province City Government People Congress Standing Department Bureau Office Central Affairs Foreign Work Plenary Session Meeting Release'.split(' '),
  ),
);
