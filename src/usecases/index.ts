// The use cases: what happens when someone types a command, clicks Approve, or the poller ticks. Each takes the
// BotContext (bot-context.ts: the ports and settings built once per process), asks the core what to do and the
// ports to do it. They never import an adapter or the config: entry points pass both in as values.
export {};
