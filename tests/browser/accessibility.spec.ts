import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { fictionalArticle, ingestThroughForm } from "./ingest-support.ts";
import { screenshot, seededIds } from "./support.ts";

// Every page, narrow and wide: no serious or critical axe violation, and a screenshot to look at.
for (const width of [375, 1280]) {
  test(`every page is accessible at ${width} px`, async ({ page }) => {
    const ids = await seededIds();
    // An ingested fictional article, so that the review queue has proposals to show.
    await ingestThroughForm(page, fictionalArticle());
    const pages: [string, string][] = [
      ["overview", "/"],
      ["deals", "/deals"],
      ["deal", `/deals/${encodeURIComponent(ids.deal)}`],
      ["entity", `/entities/${encodeURIComponent(ids.entity)}`],
      ["article", `/articles/${encodeURIComponent(ids.article)}`],
      ["ingest", "/ingest"],
      ["review", "/review"],
    ];
    await page.setViewportSize({ width, height: 900 });
    // A watchlist of the dashboard's user, made through its form, for the watchlist page.
    await page.goto("/watchlists");
    await page.getByLabel("Name").fill(`Axe ${width}`);
    await page.getByRole("button", { name: "Create watchlist" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Axe ${width}` })).toBeVisible();
    pages.push(["watchlists", "/watchlists"], ["watchlist", new URL(page.url()).pathname]);
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${name}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
      await screenshot(page, `${name}-${width}`);
    }
  });
}
