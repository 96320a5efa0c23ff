#!/usr/bin/env node
// The command line: flags, environment and a config file in, a running relay out (see ../dist/cli.js).
import { main } from '../dist/cli.js';

main(process.argv.slice(2), process.env).catch((error) => {
  console.error(`status-banner-relay: ${error?.message ?? error}`);
  process.exitCode = 1;
});
