import type { ApprovalPolicy } from '../approval/approval-policy.js';
import type { Language } from '../words/language.js';
import type { RepositoryDefinition } from './repository.js';

/** Whom to tell when a job of the cluster ends or goes wrong, and when a waiting step counts as stalled. */
type OnCall = { users: string[]; groups: string[]; channel: string | undefined; stallMinutes: number };

/**
 * One cluster as the operators configured it: where it is and how to reach it, and the rules the bot keeps there
 * (who approves, what is protected, where it may be operated from, whom to tell). The config file is read into
 * this once, at start-up; everything else receives it as a value.
 */
type ClusterConfig = {
  alias: string;
  endpoint: URL;
  region: string | undefined;
  signing: 'es' | 'none';
  assumeRoleArn: string | undefined;
  defaultRepository: RepositoryDefinition | undefined;
  protectedIndices: string[];
  requestTimeoutMs: number;
  approval: ApprovalPolicy;
  /** Channels where this cluster may be used; empty = any channel. */
  allowedChannels: string[];
  /** Who may request jobs here, by user and user group; both empty = anyone in the allowed channels. */
  requesters: { users: string[]; groups: string[] };
  onCall: OnCall;
};

type BotConfig = { language: Language; clusters: Map<string, ClusterConfig> };

export type { BotConfig, ClusterConfig, OnCall };
