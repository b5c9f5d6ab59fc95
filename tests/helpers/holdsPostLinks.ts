/**
 * The invariant of the derived (person)-[:HOLDS_POST]->(post) links, read straight from the
 * database: one link per tenure (person)-[:HOLDS]->(:Tenure)-[:OF_POST]->(post), with the
 * tenure's id and its stored held days, and no other link.
 */
import type { Driver } from 'neo4j-driver';

const TENURES_AND_LINKS = `
CALL () {
  MATCH (person:Person)-[:HOLDS]->(t:Tenure)-[:OF_POST]->(post:Post)
  WHERE $prefix IS NULL OR t.id STARTS WITH $prefix
  RETURN collect(t.id + ' ' + person.id + ' ' + post.id + ' ' + coalesce(t.heldFrom, '-') + ' ' + coalesce(t.heldTo, '-')) AS tenures
}
CALL () {
  MATCH (person)-[link:HOLDS_POST]->(post)
  WHERE $prefix IS NULL OR coalesce(link.tenureId, '') STARTS WITH $prefix
  RETURN collect(coalesce(link.tenureId, '?') + ' ' + person.id + ' ' + post.id + ' ' + coalesce(link.heldFrom, '-') + ' ' + coalesce(link.heldTo, '-')) AS links
}
RETURN tenures, links`;

/** Tenures and links as "tenureId person post heldFrom heldTo", sorted; `prefix` keeps the tenure ids that start with it. */
export async function tenuresAndLinks(driver: Driver, prefix: string | null = null): Promise<{ tenures: string[]; links: string[] }> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const [record] = (await session.run(TENURES_AND_LINKS, { prefix })).records;
    return {
      tenures: [...(record?.get('tenures') as string[])].sort(),
      links: [...(record?.get('links') as string[])].sort(),
    };
  } finally {
    await session.close();
  }
}
