import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmfMetrics, METRICS_NAMESPACE } from '../../../../src/adapters/metrics/emf-metrics.js';
import { clusterErrorMetrics } from '../../../../src/core/metrics/job-metrics.js';

describe('metrics in CloudWatch Embedded Metric Format', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes each point as one EMF line on stdout, with its own dimensions and the service', () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });

    createEmfMetrics().record(clusterErrorMetrics('b', 'cluster_unreachable'));

    const written = lines.map((line) => JSON.parse(line));
    expect(written).toHaveLength(2);
    const [all, byCode] = written;
    expect(all._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [['service']],
      Metrics: [{ Name: 'ClusterErrors', Unit: 'Count' }],
    });
    expect(all).toMatchObject({ service: 'es-snapshot-bot', ClusterErrors: 1 });
    expect(byCode._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'cluster', 'code']]);
    expect(byCode).toMatchObject({ cluster: 'b', code: 'cluster_unreachable', ClusterErrors: 1 });
  });
});
