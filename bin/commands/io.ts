export interface CommandIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}
