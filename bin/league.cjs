#!/usr/bin/env node
// The CLI is bundled by `npm run build:cli` (run on install and before tests) into dist/cli.
require("../dist/cli/league.cjs").run();
