/**
 * Reads one official title ("Secretary of the Provincial Party Committee", "Governor of the
 * province", "Mayor of Harbin") into a post and the body it belongs to. The post's name is the
 * role and the body as the report words it with the province put back ("Secretary of the Jilin
 * Provincial Party Committee"); heads of a people's government hold "Governor of Jilin Province"
 * or "Mayor of Harbin" in that government.
 */
import type { Province } from '../places.js';
import { leadingRole } from './roles.js';
import { nameOrganization, provinceNote, withProvince, type NamedOrg } from './organizations.js';

export interface ParsedTitle {
  role: string;
  post: { name: string; aliases: string[] };
  org: NamedOrg;
  /** The words of the title that name the body ("Provincial Party Committee"); undefined when it is inferred. */
  orgWords: string | undefined;
  rule: string;
  note?: string;
}

export interface TitleContext {
  province: Province | undefined;
}

export function parseTitle(title: string, context: TitleContext): ParsedTitle | undefined {
  const row = leadingRole(title);
  if (!row) return undefined;
  const role = row.role;
  const rest = title.slice(role.length).trim();
  const of = /^(?:of|at) (?:the )?(.+)$/i.exec(rest);
  const province = context.province;
  if (row.headOf === 'province') {
    const place = of?.[1];
    const named = place === undefined || /^province$/i.test(place) ? province : place.replace(/ Province$/, '') === province?.name ? province : undefined;
    if (!named) return undefined;
    const org = {
      name: `${named.name} ${named.adjective} People's Government`,
      orgType: 'GOVERNMENT' as const,
      aliases: [`${named.name} ${named.adjective} Government`],
      rule: 'org-head-of-government',
      note: `The government is not named; a ${role.toLowerCase()} serves in the ${named.adjective.toLowerCase()} people's government.`,
    };
    const name = `${role} of ${named.name} ${named.suffix}`;
    return {
      role,
      post: { name, aliases: [title].filter((alias) => alias !== name) },
      org,
      orgWords: undefined,
      rule: 'title-head-of-province',
      note: place === undefined || /^province$/i.test(place) ? provinceNote(named, title) : undefined,
    };
  }
  if (row.headOf === 'city') {
    const city = of?.[1]?.replace(/ (?:City|Municipality)$/, '');
    if (!city || !/^[A-Z][a-z]+$/.test(city)) return undefined;
    const name = `${role} of ${city}`;
    return {
      role,
      post: { name, aliases: [title].filter((alias) => alias !== name) },
      org: { name: `${city} Municipal People's Government`, orgType: 'GOVERNMENT', aliases: [`${city} Municipal Government`], rule: 'org-head-of-government' },
      orgWords: undefined,
      rule: 'title-head-of-city',
      note: `The government is not named; a ${role.toLowerCase()} serves in the municipal people's government.`,
    };
  }
  if (!of) return undefined;
  const orgWords = of[1]!.replace(/[.,;]+$/, '');
  if (!/^[A-Z0-9]/.test(orgWords)) return undefined;
  const org = nameOrganization(orgWords, province);
  const expanded = withProvince(orgWords, province);
  const name = `${role} of the ${expanded.text}`;
  const surface = `${role} of the ${orgWords}`;
  return {
    role,
    post: { name, aliases: [surface].filter((alias) => alias !== name) },
    org,
    orgWords,
    rule: 'title-role-of-body',
    note: expanded.expanded && province ? provinceNote(province, orgWords) : undefined,
  };
}
