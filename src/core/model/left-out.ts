/** Why a restore or migration leaves an index out of its plan. */
const LeftOutReason = {
  /** A system index of the managed service (`.kibana*`, `.opendistro*` …): the service refuses to restore it. */
  SYSTEM: 'system',
  /** Matches a pattern the cluster's config protects. */
  PROTECTED: 'protected',
  /** `index.hidden: true` where the bot reads it. */
  HIDDEN: 'hidden',
  /** In a snapshot, a name starting with a dot: the engines' sign of a hidden or system index. */
  DOT_NAME: 'dot-name',
} as const;

type LeftOutReason = (typeof LeftOutReason)[keyof typeof LeftOutReason];

export { LeftOutReason };
