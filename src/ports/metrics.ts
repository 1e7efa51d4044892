import type { MetricPoint } from '../core/metrics/job-metrics.js';

/** Where the bot's metrics go: CloudWatch (Embedded Metric Format) on Lambda, the log under `npm start`. */
interface MetricsSink {
  record(points: readonly MetricPoint[]): void;
}

export type { MetricsSink };
