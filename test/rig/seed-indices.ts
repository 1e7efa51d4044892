/**
 * Builds test data straight on a cluster (not through the gateway): the fixtures of a test, not the product.
 */
async function direct(
  clusterUrl: string,
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
) {
  const response = await fetch(new URL(path, clusterUrl), {
    method,
    headers: body === undefined ? {} : { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  if (!response.ok && response.status !== 404) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text.length > 0 ? JSON.parse(text) : undefined;
}

type IndexSeed = { docs: number; shards?: number; marker?: string };

/** Creates `index` (replacing any old one) with `docs` documents, refreshed so that counts see them. */
async function createIndexWithDocs(clusterUrl: string, index: string, seed: IndexSeed): Promise<void> {
  await direct(clusterUrl, 'DELETE', `/${index}`);
  const settings = { number_of_shards: seed.shards ?? 1, number_of_replicas: 0 };
  await direct(clusterUrl, 'PUT', `/${index}`, JSON.stringify({ settings }));
  const lines: string[] = [];
  for (let position = 0; position < seed.docs; position += 1) {
    lines.push(JSON.stringify({ index: { _index: index, _id: String(position) } }));
    lines.push(JSON.stringify({ position, marker: seed.marker ?? index, text: `document ${position} of ${index}` }));
  }
  if (lines.length > 0) {
    const answer = await direct(
      clusterUrl,
      'POST',
      '/_bulk?refresh=true',
      `${lines.join('\n')}\n`,
      'application/x-ndjson',
    );
    if (answer.errors) throw new Error(`bulk load of ${index} failed: ${JSON.stringify(answer.items[0])}`);
  }
}

async function deleteIndexDirectly(clusterUrl: string, index: string): Promise<void> {
  await direct(clusterUrl, 'DELETE', `/${index}`);
}

/** The marker field of one document: tells a restored copy from the index it replaced. */
async function markerOf(clusterUrl: string, index: string): Promise<string | undefined> {
  const answer = await direct(clusterUrl, 'GET', `/${index}/_doc/0`);
  return answer?._source?.marker;
}

async function indexExists(clusterUrl: string, index: string): Promise<boolean> {
  const response = await fetch(new URL(`/${index}`, clusterUrl), { method: 'HEAD' });
  return response.ok;
}

export { createIndexWithDocs, deleteIndexDirectly, indexExists, markerOf };
