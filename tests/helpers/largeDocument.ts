/** Large, valid ingest documents that touch no seed entity, for the reliability tests. */

/** One source naming `people` people, each with a post in one organization and a tenure. */
export function largeDocument(tag: string, people: number) {
  const lines = Array.from({ length: people }, (_, index) => `Durable Person ${tag} ${index} is Director of Durable Office ${tag} ${index}.`);
  const text = `Durable Agency ${tag} staff list.\n${lines.join('\n')}`;
  const entities: Array<Record<string, unknown>> = [{ ref: 'org', kind: 'ORGANIZATION', name: `Durable Agency ${tag}`, quote: `Durable Agency ${tag}` }];
  const facts: Array<Record<string, unknown>> = [];
  lines.forEach((line, index) => {
    entities.push({ ref: `p${index}`, kind: 'PERSON', name: `Durable Person ${tag} ${index}`, quote: `Durable Person ${tag} ${index} ` });
    entities.push({ ref: `d${index}`, kind: 'POST', name: `Director of Durable Office ${tag} ${index}`, role: 'Director', quote: `Director of Durable Office ${tag} ${index}.` });
    facts.push({ type: 'POST_OF', from: `d${index}`, to: 'org', quote: `Director of Durable Office ${tag} ${index}.` });
    facts.push({ type: 'TENURE', person: `p${index}`, post: `d${index}`, quote: line });
  });
  return {
    source: { id: `source:durable-${tag}`, name: `Durable list ${tag}`, publisher: 'Durable Wire', publishedDate: '2026', language: 'en', text },
    entities,
    facts,
  };
}
