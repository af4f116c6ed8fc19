/** Errors the CLI reports as one line on stderr, with the exit code they map to. */
export const EXIT = { OK: 0, INPUT_FAILED: 1, USAGE: 2 } as const;

export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
  }
}

/** A problem with one input (the others still run). */
export class InputError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(`${source}: ${message}`);
  }
}
