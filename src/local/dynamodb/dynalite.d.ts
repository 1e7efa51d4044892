/** dynalite ships no types; this covers the part we use (its `index.js` documents the options). */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  type DynaliteOptions = {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    /** How long a new table stays CREATING. @default 500 */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  };

  /** A plain Node HTTP server speaking the DynamoDB API; `close()` also closes its store. */
  function dynalite(options?: DynaliteOptions): Server;

  export = dynalite;
}
