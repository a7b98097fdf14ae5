/**
 * Two projects, so that `npx jest test/x.test.ts` runs any file and the npm scripts pick a set:
 * - unit (`npm test`): in-process tests of the sources, no build first;
 * - e2e (`npm run test:e2e`, which builds first): every suite that starts a process or a server (the
 *   built CLI in lib/ and bin/, the Action bundle in dist/, the App's server, git on real repositories,
 *   the SARIF validator) and test/hostile/.
 * A new suite that starts processes belongs in E2E below (the doors' contract test,
 * test/doors/same-change.test.ts, makes one small git repository and stays in unit). TypeScript goes through esbuild
 * (scripts/jest-esbuild.mjs) without type checks: `npm run typecheck` checks types.
 */
import { availableParallelism } from "node:os";

const E2E = [
  "test/hostile/",
  "test/plugin/",
  "test/install/",
  "test/action/entry.test.ts",
  "test/action/policy-audit.test.ts",
  "test/app/e2e.test.ts",
  "test/app/e2e-audit.test.ts",
  "test/audit/concurrency.test.ts",
  "test/audit/verify-cli.test.ts",
  "test/bench/bench-parts.test.ts",
  "test/cli/cli.test.ts",
  "test/cli/inventory-local.test.ts",
  "test/cli/mistakes.test.ts",
  "test/cli/policy-scenarios.test.ts",
  "test/cli/workflow.test.ts",
  "test/git/agent-files.test.ts",
  "test/git/range.test.ts",
  "test/git/read-commits.test.ts",
  "test/git/scripts.test.ts",
  "test/hook/e2e.test.ts",
  "test/report/sarif-validator.test.ts",
];

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: { "^.+\\.ts$": "<rootDir>/scripts/jest-esbuild.mjs" },
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default {
  testTimeout: 30000,
  // Jest's default (one worker less than the cores) runs everything in one process on a 2-core machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    { ...shared, displayName: "unit", testMatch: ["**/*.test.ts"], testPathIgnorePatterns: E2E.map((path) => `<rootDir>/${escapeRegExp(path)}`) },
    { ...shared, displayName: "e2e", testMatch: E2E.map((path) => `<rootDir>/${path}${path.endsWith("/") ? "**/*.test.ts" : ""}`) },
  ],
};
