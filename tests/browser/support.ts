import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { API_URL } from "../playwright.config.ts";

export const SCREENSHOTS = new URL("../screenshots/", import.meta.url).pathname;

/** Saves a full-page screenshot into tests/screenshots (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Reads from the API directly (demo mode allows anonymous reads), to find ids to visit. */
export async function api<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(API_URL, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

export async function seededIds() {
  const data = await api<{
    bmw: { nodes: { id: string }[] };
    entities: { nodes: { id: string; name: string }[] };
    articles: { nodes: { id: string }[] };
  }>(`{ bmw: deals(filter: { regionCode: "142" }) { nodes { id } }
        entities(filter: { search: "Alibaba Group" }) { nodes { id name } }
        articles { nodes { id } } }`);
  const deal = data.bmw.nodes[0]?.id;
  const entity = data.entities.nodes.find((e) => e.name === "Alibaba Group")?.id;
  const article = data.articles.nodes[0]?.id;
  if (!deal || !entity || !article) throw new Error("the seeded article is missing");
  return { deal, entity, article };
}
