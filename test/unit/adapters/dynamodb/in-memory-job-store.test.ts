import { describe } from 'vitest';
import { describeJobStoreContract } from '../../../contract/job-store-contract.js';
import { InMemoryJobStore } from '../../../fakes/in-memory-job-store.js';

// The fake the use-case tests rely on, held to the same contract as DynamoDbJobStore on dynalite.
describe('InMemoryJobStore', () => {
  describeJobStoreContract(async () => new InMemoryJobStore());
});
