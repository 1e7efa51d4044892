import * as z from 'zod';
import type { IndexRecovery } from '../../../../core/model/recovery.js';
import type { Answer } from '../cluster-dialect.js';

const recoveryShards = z.array(
  z.object({
    type: z.string(),
    stage: z.string(),
    primary: z.boolean(),
    source: z.object({ repository: z.string().optional(), snapshot: z.string().optional() }).loose().optional(),
    index: z.object({
      size: z.object({
        total_in_bytes: z.number(),
        reused_in_bytes: z.number().default(0),
        recovered_in_bytes: z.number(),
      }),
    }),
  }),
);

const recoveryAnswer = z.record(z.string(), z.object({ shards: recoveryShards }));

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function toIndexRecovery(index: string, shards: z.infer<typeof recoveryShards>): IndexRecovery {
  // Replicas recover from their primary (type PEER) after the restore; the restore itself is the primaries.
  const primaries = shards.filter((shard) => shard.primary);
  const fromSnapshot = primaries.find((shard) => shard.type.toUpperCase() === 'SNAPSHOT')?.source;
  const types = [...new Set(primaries.map((shard) => shard.type.toUpperCase()))].sort();
  return {
    index,
    shardsDone: primaries.filter((shard) => shard.stage.toUpperCase() === 'DONE').length,
    shardsTotal: primaries.length,
    bytesDone: sum(primaries.map((shard) => shard.index.size.recovered_in_bytes)),
    bytesTotal: sum(primaries.map((shard) => shard.index.size.total_in_bytes - shard.index.size.reused_in_bytes)),
    source:
      fromSnapshot?.repository !== undefined && fromSnapshot.snapshot !== undefined
        ? { repository: fromSnapshot.repository, snapshot: fromSnapshot.snapshot }
        : undefined,
    types,
    totalsKnown: primaries.length > 0 && primaries.every((shard) => shard.stage.toUpperCase() !== 'INIT'),
  };
}

const recovery: Answer<Map<string, IndexRecovery>> = recoveryAnswer.transform(
  (answer) => new Map(Object.entries(answer).map(([index, entry]) => [index, toIndexRecovery(index, entry.shards)])),
);

export { recovery };
