import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricsSink } from '../../ports/metrics.js';

/** The namespace and service dimension the bot's metrics and `serverless.yml`'s alarms share. */
const METRICS_NAMESPACE = 'EsSnapshotBot';
const METRICS_SERVICE = 'es-snapshot-bot';

const UNITS = { Count: MetricUnit.Count, Milliseconds: MetricUnit.Milliseconds } as const;

/**
 * Metrics as CloudWatch Embedded Metric Format lines on stdout, which Lambda sends to CloudWatch Logs, where they
 * become metrics without an API call. Each point is its own line: a job's points carry different dimensions, and
 * nothing waits for the end of an invocation that a worker may not reach.
 */
function createEmfMetrics(): MetricsSink {
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
  return {
    record(points) {
      for (const point of points) {
        const single = metrics.singleMetric();
        for (const [name, value] of Object.entries(point.dimensions)) single.addDimension(name, value);
        single.addMetric(point.name, UNITS[point.unit], point.value);
      }
    },
  };
}

export { createEmfMetrics, METRICS_NAMESPACE, METRICS_SERVICE };
