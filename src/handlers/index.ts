// The Lambda entry points (slack.ts, worker.ts, poller.ts) and the wiring they share with `npm start`
// (compose-context.ts). Each reads its config and secrets once per cold start and hands every event to a use case.
export {};
