/** Jest runs the TypeScript sources directly as ESM through ts-jest (type checks run separately in `npm run typecheck`). */
export default {
  preset: "ts-jest/presets/default-esm",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  testTimeout: 30000,
};
