/** Why a local OpenSearch could not be provided; each message says what to do about it. */
const LocalOpenSearchErrorCode = {
  toolMissing: 'tool_missing',
  downloadFailed: 'download_failed',
  extractFailed: 'extract_failed',
  javaMissing: 'java_missing',
  nodeStartFailed: 'node_start_failed',
  permissionDenied: 'permission_denied',
} as const;

type LocalOpenSearchErrorCode = (typeof LocalOpenSearchErrorCode)[keyof typeof LocalOpenSearchErrorCode];

type LocalOpenSearchErrorOptions = ErrorOptions & {
  /** The command that failed, as one would type it. */
  commandLine?: string;
  /** The last lines the command printed. */
  outputTail?: string;
};

class LocalOpenSearchError extends Error {
  readonly commandLine: string | undefined;
  readonly outputTail: string | undefined;

  constructor(
    readonly code: LocalOpenSearchErrorCode,
    message: string,
    options: LocalOpenSearchErrorOptions = {},
  ) {
    const details = [
      options.commandLine === undefined ? '' : `\ncommand: ${options.commandLine}`,
      options.outputTail === undefined ? '' : `\nlast output:\n${options.outputTail}`,
    ].join('');
    super(`${message}${details}`, options);
    this.name = 'LocalOpenSearchError';
    this.commandLine = options.commandLine;
    this.outputTail = options.outputTail;
  }
}

export { LocalOpenSearchError, LocalOpenSearchErrorCode };
