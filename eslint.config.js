import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Import patterns that reach a top-level folder of src/ from anywhere below src/. */
function layerPatterns(folders, message) {
  return [{ regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`, message }];
}

export default tseslint.config(
  { ignores: ["lib/**", "dist/**", "node_modules/**", "coverage/**", "bench/.work/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // The layers (docs/architecture.md): a door (cli, app, action, hook) imports only core, git and github,
  // never another door; git and github never import a door; core imports nothing outside itself.
  ...["cli", "app", "action", "hook"].map((door) => ({
    files: [`src/${door}/**/*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["cli", "app", "action", "hook", "testing"].filter((d) => d !== door), `src/${door} is a door: it may import core, git and github only`) }] },
  })),
  {
    files: ["src/git/**/*.ts", "src/github/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["cli", "app", "action", "hook", "testing"], "src/git and src/github serve the doors: they may import core only") }] },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: layerPatterns(["cli", "app", "action", "hook", "testing", "git", "github"], "src/core is pure: it imports nothing outside src/core") }] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly" } },
  },
  // The package's commands are CommonJS (bin/package.json): an ES module entry starts Node's ES module loader.
  {
    files: ["bin/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
