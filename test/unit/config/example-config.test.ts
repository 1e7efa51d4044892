import { describe, expect, it } from 'vitest';
import { loadBotConfig } from '../../../src/config/cluster-config.js';

describe('config/clusters.example.yml', () => {
  it('is a valid configuration, so the documented example always works', async () => {
    const config = await loadBotConfig('config/clusters.example.yml');

    expect([...config.clusters.keys()]).toEqual(['prod', 'staging', 'local']);
  });
});
