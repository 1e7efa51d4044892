import { randomBytes } from 'node:crypto';

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

/** Sends bulk action lines, refreshed so that counts see them at once. */
async function bulkLoad(clusterUrl: string, index: string, lines: string[]): Promise<void> {
  const answer = await direct(
    clusterUrl,
    'POST',
    '/_bulk?refresh=true',
    `${lines.join('\n')}\n`,
    'application/x-ndjson',
  );
  if (answer.errors) throw new Error(`bulk load of ${index} failed: ${JSON.stringify(answer.items[0])}`);
}

type IndexSeed = {
  docs: number;
  shards?: number;
  marker?: string;
  /** Marks the index `index.hidden: true`. @default false */
  hidden?: boolean;
};

/** Creates `index` (replacing any old one) with `docs` documents, refreshed so that counts see them. */
async function createIndexWithDocs(clusterUrl: string, index: string, seed: IndexSeed): Promise<void> {
  await direct(clusterUrl, 'DELETE', `/${index}`);
  const settings = {
    number_of_shards: seed.shards ?? 1,
    number_of_replicas: 0,
    ...(seed.hidden ? { 'index.hidden': true } : {}),
  };
  await direct(clusterUrl, 'PUT', `/${index}`, JSON.stringify({ settings }));
  const lines: string[] = [];
  for (let position = 0; position < seed.docs; position += 1) {
    lines.push(JSON.stringify({ index: { _index: index, _id: String(position) } }));
    lines.push(JSON.stringify({ position, marker: seed.marker ?? index, text: `document ${position} of ${index}` }));
  }
  if (lines.length > 0) {
    await bulkLoad(clusterUrl, index, lines);
  }
}

/** Writes `docs` more documents into an existing index (ids after `from`), as a writer would between two reads. */
async function addDocs(clusterUrl: string, index: string, docs: number, from: number): Promise<void> {
  const lines: string[] = [];
  for (let position = from; position < from + docs; position += 1) {
    lines.push(JSON.stringify({ index: { _index: index, _id: String(position) } }));
    lines.push(JSON.stringify({ position, marker: 'written-later', text: `document ${position} of ${index}` }));
  }
  await bulkLoad(clusterUrl, index, lines);
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

type BulkySeed = { docs: number; bytesPerDoc: number; shards: number; segments: number };

/**
 * An index big enough to watch a throttled snapshot copy it: documents padded with random text (which hardly
 * compresses), written in `segments` refreshed batches so that every shard holds several files and the snapshot's
 * progress moves in several steps. Returns the size of its primaries on disk.
 */
async function createBulkyIndex(clusterUrl: string, index: string, seed: BulkySeed): Promise<number> {
  await direct(clusterUrl, 'DELETE', `/${index}`);
  // No merges while loading: each refreshed batch stays a segment of its own.
  const settings = { number_of_shards: seed.shards, number_of_replicas: 0, 'index.merge.policy.segments_per_tier': 50 };
  await direct(clusterUrl, 'PUT', `/${index}`, JSON.stringify({ settings }));
  const perBatch = Math.ceil(seed.docs / seed.segments);
  for (let first = 0; first < seed.docs; first += perBatch) {
    const lines: string[] = [];
    for (let position = first; position < Math.min(seed.docs, first + perBatch); position += 1) {
      const padding = randomBytes(Math.ceil((seed.bytesPerDoc * 3) / 4)).toString('base64');
      lines.push(JSON.stringify({ index: { _index: index, _id: String(position) } }));
      lines.push(JSON.stringify({ position, marker: index, padding }));
    }
    await bulkLoad(clusterUrl, index, lines);
  }
  const stats = await direct(clusterUrl, 'GET', `/${index}/_stats/store`);
  return stats.indices[index].primaries.store.size_in_bytes;
}

/**
 * An index whose primary can never be allocated: it requires a node that does not exist, so the index is red and a
 * snapshot finds no copy of it to take. Created without waiting for an active shard, which would never come.
 */
async function createIndexWithUnassignedPrimary(clusterUrl: string, index: string): Promise<void> {
  await direct(clusterUrl, 'DELETE', `/${index}`);
  const settings = {
    number_of_shards: 1,
    number_of_replicas: 0,
    'index.routing.allocation.require._name': 'no-such-node',
  };
  await direct(clusterUrl, 'PUT', `/${index}?wait_for_active_shards=0`, JSON.stringify({ settings }));
}

/** The state of every shard copy of `index` (STARTED, INITIALIZING, UNASSIGNED …), primaries first. */
async function shardStates(clusterUrl: string, index: string): Promise<Array<{ primary: boolean; state: string }>> {
  const rows: Array<{ prirep: string; state: string }> = await direct(
    clusterUrl,
    'GET',
    `/_cat/shards/${index}?format=json&h=prirep,state`,
  );
  return rows
    .map((row) => ({ primary: row.prirep === 'p', state: row.state }))
    .sort((left, right) => Number(right.primary) - Number(left.primary));
}

/** Registers an `fs` repository straight on a cluster: a fixture that the bot later finds there. */
async function registerFsRepository(
  clusterUrl: string,
  name: string,
  settings: { location: string } & Record<string, string | boolean>,
): Promise<void> {
  await direct(clusterUrl, 'PUT', `/_snapshot/${name}`, JSON.stringify({ type: 'fs', settings }));
}

/** Removes a repository's registration (its files stay), as a test that reuses a fixed name needs. */
async function unregisterRepository(clusterUrl: string, name: string): Promise<void> {
  await direct(clusterUrl, 'DELETE', `/_snapshot/${name}`);
}

/** What the cluster itself says about a snapshot: state, shards and failures, as `GET _snapshot/<repo>/<snap>`. */
async function snapshotOnCluster(
  clusterUrl: string,
  repository: string,
  snapshot: string,
): Promise<
  | {
      state: string;
      indices: string[];
      shards: { total: number; failed: number; successful: number };
      failures: Array<{ index: string; shard_id: number; reason: string }>;
    }
  | undefined
> {
  const answer = await direct(clusterUrl, 'GET', `/_snapshot/${repository}/${snapshot}`);
  return answer?.snapshots?.[0];
}

/** Takes a snapshot straight on a cluster and waits for it to end: a fixture the bot finds in the repository. */
async function snapshotDirectly(
  clusterUrl: string,
  repository: string,
  snapshot: string,
  body: { indices: string; partial?: boolean },
): Promise<{ state: string }> {
  const answer = await direct(
    clusterUrl,
    'PUT',
    `/_snapshot/${repository}/${snapshot}?wait_for_completion=true`,
    JSON.stringify({ include_global_state: false, ...body }),
  );
  return answer.snapshot;
}

export {
  addDocs,
  createBulkyIndex,
  createIndexWithDocs,
  createIndexWithUnassignedPrimary,
  deleteIndexDirectly,
  indexExists,
  markerOf,
  registerFsRepository,
  shardStates,
  snapshotDirectly,
  snapshotOnCluster,
  unregisterRepository,
};
