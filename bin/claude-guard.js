#!/usr/bin/env node
// The package's command: runs the compiled CLI (npm run build writes lib/).
import "../lib/cli/index.js";
