import type { ClusterRequest, ClusterResponse, ClusterTransport } from '../../src/adapters/cluster/signed-transport.js';

/** A transport port fake: answers from a script (in order) and keeps every request it was given. */
function createRecordingTransport(answers: ClusterResponse[] = []): ClusterTransport & { sent: ClusterRequest[] } {
  const sent: ClusterRequest[] = [];
  return {
    sent,
    async send(request) {
      sent.push(request);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no scripted answer for ${request.method} ${request.path}`);
      return answer;
    },
  };
}

function answered(statusCode: number, body: unknown = {}): ClusterResponse {
  return { outcome: 'answered', statusCode, body };
}

function clusterError(statusCode: number, type: string, reason: string): ClusterResponse {
  return answered(statusCode, { error: { root_cause: [{ type, reason }], type, reason }, status: statusCode });
}

export { answered, clusterError, createRecordingTransport };
