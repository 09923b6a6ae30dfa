import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSdl } from "../schema.ts";

// Writes the SDL to packages/schema/schema.graphql; with --check, fails when the file differs
// from what the code builds (CI's drift check).
const target = fileURLToPath(new URL("../../../../packages/schema/schema.graphql", import.meta.url));
const sdl = await printSdl();
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // missing counts as drift
  }
  if (committed !== sdl) {
    console.error("packages/schema/schema.graphql is out of date with the code. Run: npm run codegen");
    process.exit(1);
  }
  console.log("schema.graphql matches the code.");
} else {
  writeFileSync(target, sdl);
  console.log(`Wrote ${target}`);
}
