// Reads the labelled articles of a split from eval/<split>/*.json.

import { readdirSync, readFileSync } from "node:fs";
import type { GoldArticle } from "./score.ts";

export type Split = "dev" | "test";

export function evalDir(split: Split): URL {
  return new URL(`../../eval/${split}/`, import.meta.url);
}

export function loadSplit(split: Split): GoldArticle[] {
  const dir = evalDir(split);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), "utf8")) as GoldArticle);
}
