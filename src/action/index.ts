/** The Action's entry point, bundled to dist/index.js: no logic here (see main.ts). */
import { run } from "./main.js";

void run();
