import { z } from 'zod';
import { validateRepositoryName } from '../../core/safety/resource-names.js';
import type { RepositoryDefinition, RepositorySummary } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';
import { clusterPath } from './request-path.js';

const repositoriesAnswer = z.record(
  z.string(),
  z.object({ type: z.string(), settings: z.record(z.string(), z.unknown()).default({}) }),
);

const verifyAnswer = z.object({ nodes: z.record(z.string(), z.object({ name: z.string() })) });

/**
 * `PUT _snapshot/<name>`: registers the repository, or updates its settings when it exists (the call is safe to
 * repeat). The managed service checks `role_arn` and the caller's `iam:PassRole` here.
 */
async function registerRepository(call: ClusterCall, repository: RepositoryDefinition): Promise<void> {
  const name = validateRepositoryName(repository.name);
  const request = {
    method: 'PUT' as const,
    path: clusterPath`/_snapshot/${name}`,
    body: { type: repository.type, settings: repository.settings },
  };
  await read(call, request, z.unknown(), { repository: name });
}

/** `POST _snapshot/<name>/_verify`: the names of the nodes that can reach the repository. */
async function verifyRepository(call: ClusterCall, name: string): Promise<string[]> {
  const request = { method: 'POST' as const, path: clusterPath`/_snapshot/${validateRepositoryName(name)}/_verify` };
  const answer = await read(call, request, verifyAnswer, { repository: name });
  return Object.values(answer.nodes)
    .map((node) => node.name)
    .sort();
}

async function listRepositories(call: ClusterCall): Promise<RepositorySummary[]> {
  const answer = await read(call, { method: 'GET', path: '/_snapshot' }, repositoriesAnswer);
  return Object.entries(answer)
    .map(([name, { type, settings }]) => ({ name, type, settings }))
    .sort((left, right) => left.name.localeCompare(right.name));
}

export { listRepositories, registerRepository, verifyRepository };
