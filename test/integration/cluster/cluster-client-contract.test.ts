import { afterAll, describe } from 'vitest';
import { describeClusterClientContract } from '../../contract/cluster-client-contract.js';
import { sharedFsRepository, startGatewayClusters } from '../../rig/gateway-clusters.js';
import { createIndexWithDocs } from '../../rig/seed-indices.js';

// The real client on cluster A behind the SigV4 gateway, held to the same contract as the fake.
describe('the cluster client on OpenSearch behind the gateway', () => {
  let clusters: Awaited<ReturnType<typeof startGatewayClusters>> | undefined;

  afterAll(async () => {
    await clusters?.close();
  });

  describeClusterClientContract(async () => {
    clusters = await startGatewayClusters();
    const { a } = clusters;
    return {
      client: a.client,
      createIndex: (index, docs, options) => createIndexWithDocs(a.directUrl, index, { docs, hidden: options?.hidden }),
      newRepository: () => sharedFsRepository('contract'),
    };
  });
});
