import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const MANIFEST_PATH = new URL('../../../manifest.yml', import.meta.url);

// The rules of Slack's app manifest schema 1.0.0 for the parts this app uses (FACTS C): unknown keys are refused
// at every level, as the schema's `additionalProperties: false` does.
const httpUrl = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .regex(/^https?:\/\//);

const slashCommand = z.strictObject({
  command: z.string().min(2).max(32).regex(/^\//),
  description: z.string().min(1).max(2000),
  url: httpUrl(3000).optional(),
  usage_hint: z.string().min(1).max(1000).optional(),
  should_escape: z.boolean().optional(),
});

const manifestSchema = z.strictObject({
  _metadata: z
    .strictObject({
      major_version: z.number().int().optional(),
      minor_version: z.number().int().optional(),
    })
    .optional(),
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().min(1).max(140).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/)
      .optional(),
  }),
  features: z.strictObject({
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean().optional() }),
    slash_commands: z.array(slashCommand).min(1).max(50),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.string().min(1).max(50)).min(1).max(255) }),
  }),
  settings: z.strictObject({
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: httpUrl(3500).optional() }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean().optional(),
  }),
});

type Manifest = z.infer<typeof manifestSchema>;

describe('manifest.yml', () => {
  let document: unknown;
  const manifest = (): Manifest => manifestSchema.parse(document);

  beforeAll(async () => {
    document = parseYaml(await readFile(MANIFEST_PATH, 'utf8'));
  });

  it('follows the manifest schema rules for every key it sets', () => {
    expect(manifestSchema.safeParse(document).error?.issues).toBeUndefined();
  });

  it('declares the /es slash command with its usage hint, unescaped', () => {
    const commands = manifest().features.slash_commands;

    expect(commands.map((command) => command.command)).toEqual(['/es']);
    expect(commands[0]).toMatchObject({ usage_hint: 'snapshot help', should_escape: false });
  });

  it('sends the slash command and interactivity to the same /slack/events request URL', () => {
    const commandUrl = manifest().features.slash_commands[0]?.url;
    const { interactivity } = manifest().settings;

    expect(interactivity.is_enabled).toBe(true);
    expect(interactivity.request_url).toBeDefined();
    expect(commandUrl).toBe(interactivity.request_url);
    expect(new URL(interactivity.request_url ?? '').pathname).toBe('/slack/events');
    expect(new URL(interactivity.request_url ?? '').protocol).toBe('https:');
  });

  it('asks for exactly the bot scopes the bot uses', () => {
    expect([...manifest().oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'usergroups:read',
      'users:read',
    ]);
  });

  it('runs over HTTP for one workspace: no Socket Mode, no org-wide deploy', () => {
    expect(manifest().settings).toMatchObject({ socket_mode_enabled: false, org_deploy_enabled: false });
  });

  it.each([
    ['a command without the slash', { command: 'es' }],
    ['a one-character command', { command: '/' }],
    ['a command over 32 characters', { command: `/${'e'.repeat(32)}` }],
    ['a description over 2000 characters', { description: 'd'.repeat(2001) }],
    ['a usage hint over 1000 characters', { usage_hint: 'u'.repeat(1001) }],
    ['a URL that is not http(s)', { url: 'ftp://example.com/slack/events' }],
    ['an unknown key', { shortcut: true }],
  ])('refuses %s', (_case, override) => {
    const command = { ...manifest().features.slash_commands[0], ...override };

    const result = slashCommand.safeParse(command);

    expect(result.success).toBe(false);
  });
});
