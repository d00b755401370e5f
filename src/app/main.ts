import { runCli } from './cli.js';

// Composition root entry point: the `qalqan` binary and `npm start` land here.
const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
process.exitCode = code;
