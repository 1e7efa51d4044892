import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../../../src/config/cluster-config.js';

describe('config/clusters.example.yml', () => {
  it('is a valid configuration, so the documented example always works', async () => {
    const config = await loadBotConfig('config/clusters.example.yml');

    expect([...config.clusters.keys()]).toEqual(['prod', 'staging', 'local']);
  });

  it('lets every cluster run every command as shipped: someone may approve, and someone on call is told', async () => {
    const config = await loadBotConfig('config/clusters.example.yml');

    for (const cluster of config.clusters.values()) {
      const { approvers, approverGroups } = cluster.approval;
      expect(approvers.length + approverGroups.length, cluster.alias).toBeGreaterThan(0);
      expect(cluster.onCall.users.length + cluster.onCall.groups.length, cluster.alias).toBeGreaterThan(0);
    }
  });

  it('documents who may request when nobody is named: anyone in the allowed channels', async () => {
    const config = await loadBotConfig('config/clusters.example.yml');

    expect(config.clusters.get('staging')?.requesters).toEqual({ users: [], groups: [] });
    expect(config.clusters.get('prod')?.requesters.groups).toEqual(['S0123SRE']);
  });
});
