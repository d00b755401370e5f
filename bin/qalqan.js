#!/usr/bin/env -S node --v8-pool-size=0
// --v8-pool-size=0: V8's background threads (garbage collection, compilation) sized to the host's
// parallelism instead of Node's fixed 4; on a 2-core server four of them competed with the
// server, its detector thread and PostgreSQL for the two cores (docs/dev/monitor-ingest-history.md,
// "Fifth pass").
// Launcher: registers tsx's loader and runs the TypeScript CLI in this same process, so the
// package needs no build step and signals (SIGTERM from a service manager) reach the server.
import { register } from 'tsx/esm/api';
register();
await import('../src/app/main.ts');
