// The core: what the bot knows about snapshots, jobs and approvals, as plain functions with no I/O. It reads a
// command (grammar/, one module per verb in commands/), turns what a cluster answered into the exact plan an
// approver sees (plans/), moves a job through its states (jobs/), decides who may approve (approval/), refuses
// unsafe names and protected indices (safety/), follows restores (restore/) and builds every Block Kit message
// (messages/) from the words of words/, English and Japanese. model/ holds the domain's shapes as zod schemas that
// config, the ports and the job store reuse. The core imports only itself and zod; time comes in as a `now`.
export {};
