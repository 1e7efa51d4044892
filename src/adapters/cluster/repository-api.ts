import * as z from 'zod';
import type { RepositoryDefinition } from '../../core/model/repository.js';
import { validateRepositoryName } from '../../core/safety/resource-names.js';
import type { RepositoryApi } from '../../ports/cluster-client.js';
import { type ClusterCall, read } from './cluster-call.js';
import { clusterPath } from './request-path.js';

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
  return read(call, request, (answers) => answers.verifiedNodes, { repository: name });
}

function repositoryApi(call: ClusterCall): RepositoryApi {
  return {
    registerRepository: (repository) => registerRepository(call, repository),
    verifyRepository: (name) => verifyRepository(call, name),
    listRepositories: () => read(call, { method: 'GET', path: '/_snapshot' }, (answers) => answers.repositories),
  };
}

export { repositoryApi };
