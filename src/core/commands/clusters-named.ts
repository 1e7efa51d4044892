import type { CommandRequest } from '../grammar/command-request.js';
import type { JobPlan } from '../jobs/job.js';

/** The clusters a request names, whose channel rules it must pass: both sides of a migration. */
function clustersNamedIn(request: CommandRequest): string[] {
  if (request.verb === 'migrate') return [request.from, request.to];
  // `jobs recent` names a cluster only when narrowed to one.
  return 'cluster' in request && request.cluster !== undefined ? [request.cluster] : [];
}

/** The clusters a job touches. */
function clustersOfPlan(plan: JobPlan): string[] {
  return plan.kind === 'migrate' ? [plan.from, plan.to] : [plan.cluster];
}

export { clustersNamedIn, clustersOfPlan };
