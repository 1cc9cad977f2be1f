export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /**
   * Present only when a person watches (stderr is a terminal): replaces the status line in place; `done` ends it
   * with a line break. Piped or redirected, there is none, and commands say nothing about their progress.
   */
  status?: { update: (line: string) => void; done: () => void };
}
