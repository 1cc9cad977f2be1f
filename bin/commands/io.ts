export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /**
   * Present only when a person watches (stderr is a terminal): replaces the status line in place; `done` ends it
   * with a line break. Piped or redirected, there is none, and commands say nothing about their progress.
   */
  status?: { update: (line: string) => void; done: () => void };
}

/** A command's options parsed, or, when they cannot be, the reason and the usage on stderr and `undefined`. */
export function parsedOrUsage<Parsed>(parse: () => Parsed, io: CommandIo, usage: string): Parsed | undefined {
  try {
    return parse();
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return undefined;
  }
}
