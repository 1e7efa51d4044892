import { describe } from 'vitest';
import { type ContractCluster, describeClusterClientContract } from '../../../contract/cluster-client-contract.js';
import { createFakeCluster } from '../../../fakes/fake-cluster-client.js';

let repositories = 0;

// The fake the use-case tests rely on, held to the same contract as the real clusters behind the gateway.
describe('the fake cluster', () => {
  describeClusterClientContract(async (): Promise<ContractCluster> => {
    const client = createFakeCluster({ alias: 'a', repositories: [] });
    return {
      client,
      createIndex: async (index, docs, options) => {
        client.indices.set(index, docs);
        if (options?.hidden) client.hidden.add(index);
        client.uuids.set(index, `${index}-${crypto.randomUUID()}`);
      },
      newRepository: () => {
        repositories += 1;
        const name = `contract-${repositories}`;
        return { name, type: 'fs', settings: { location: `/snapshots/${name}` } };
      },
    };
  });
});
