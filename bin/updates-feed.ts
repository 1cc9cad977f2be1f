#!/usr/bin/env -S npx tsx
// updates-feed: the sandbox, figure extraction from a file, uploads to a sandbox or a deployed API, and the replay
// of failed stream records, and stack traces of deployed functions mapped to the sources.
import { extractCommand } from './commands/extract.ts';
import type { CommandIo } from './commands/io.ts';
import { replayCommand } from './commands/replay.ts';
import { sandboxCommand } from './commands/sandbox.ts';
import { stackTraceCommand } from './commands/stack-trace.ts';
import { uploadCommand } from './commands/upload.ts';

const usage = `usage: updates-feed <command> [options]

commands:
  sandbox [--port 3000] [--data-dir .sandbox] [--token T] [--seed | --no-seed]
      run the whole system locally (DynamoDB Local, stream consumers, local SNS, the HTTP API)
  extract FILE [--region R] [--published-at ISO]
      print the figures of a text file, one JSON object per line
  upload FILE... [--url http://localhost:3000] [--token T]
      upload briefs (a JSON brief or an array of briefs per file), in order; on a terminal a status line
      shows files, briefs, rate and failures; each failure is named on stderr; exit 1 when any failed
  replay [--consumer pipeline|publisher] [--data-dir .sandbox] [--dry-run]
      process again the stream records a consumer failed and kept, then clear them (docs/replay.md);
      against AWS, set TABLE_NAME, TOPIC_ARN and AWS_REGION instead of --data-dir
  stack-trace FUNCTION [--file TRACE]
      map a stack trace a deployed function logged (stdin, or TRACE) back to the sources; run it on the
      commit that was deployed (a stage without runtimeSourceMaps logs positions in the minified bundle)`;

// `… | head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** Erases the status line (carriage return, erase line): what is printed next takes its place. */
const eraseLine = '\r\x1b[2K';
let statusShown = false;

const io: CommandIo = {
  stdout: (line: string) => process.stdout.write(`${line}\n`),
  // A message printed while a status line shows goes above it; the next update draws the status again.
  stderr: (line: string) => {
    process.stderr.write(`${statusShown ? eraseLine : ''}${line}\n`);
    statusShown = false;
  },
  ...(process.stderr.isTTY
    ? {
        status: {
          update: (line: string) => {
            process.stderr.write(`${eraseLine}${line}`);
            statusShown = true;
          },
          done: () => {
            if (statusShown) process.stderr.write('\n');
            statusShown = false;
          },
        },
      }
    : {}),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'sandbox':
      return sandboxCommand(rest, io);
    case 'extract':
      return extractCommand(rest, io);
    case 'upload':
      return uploadCommand(rest, io);
    case 'replay':
      return replayCommand(rest, io);
    case 'stack-trace':
      return stackTraceCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
      io.stdout(usage);
      return command === undefined ? 2 : 0;
    default:
      io.stderr(`unknown command ${JSON.stringify(command)}\n\n${usage}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
