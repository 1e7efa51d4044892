// The ports: the interfaces the use cases need from the world (the cluster, the job store, the chat, user groups,
// the clock, ids, background work), written in the core's types. Adapters implement them; tests fake them.
export {};
