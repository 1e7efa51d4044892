import type { Logger } from 'pino';
import type { MetricsSink } from '../../ports/metrics.js';

/** Metrics as log lines (`npm start`, tests): the same points the Lambda functions send to CloudWatch. */
function createLoggedMetrics(logger: Logger): MetricsSink {
  return {
    record(points) {
      for (const point of points) logger.info({ metric: point }, 'metric');
    },
  };
}

export { createLoggedMetrics };
