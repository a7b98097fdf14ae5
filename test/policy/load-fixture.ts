/** Test helper: a fixture folder as the map of repository paths to contents that the doors hand over. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = fileURLToPath(new URL("../fixtures/policy/", import.meta.url));

export function loadFixture(name: string): Map<string, string> {
  const root = join(FIXTURES, name);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(relative(root, full).split("\\").join("/"), readFileSync(full, "utf8"));
    }
  };
  walk(root);
  return files;
}

export function readFixtureFile(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}
