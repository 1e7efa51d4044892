/** The configuration cannot be used: raised at start-up, never at first use. `key` names what to fix. */
class ConfigError extends Error {
  readonly code = 'config_invalid';

  constructor(
    readonly key: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${key}: ${message}`, options);
    this.name = 'ConfigError';
  }
}

export { ConfigError };
