import { expect, test } from "@playwright/test";
import { screenshot } from "./support.ts";

test.describe("overview", () => {
  test("charts the seeded partnerships by continent and by sector", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/");
    const byRegion = page.getByRole("region", { name: "Partnerships by region" });
    await expect(byRegion.getByRole("link", { name: "Asia: 1 deal" })).toBeVisible();
    await expect(byRegion.getByRole("link", { name: "Africa: 1 deal" })).toBeVisible();
    const bySector = page.getByRole("region", { name: "Partnerships by sector" });
    for (const sector of ["Automotive", "Artificial Intelligence", "E-commerce", "Logistics"]) {
      await expect(bySector.getByRole("link", { name: `${sector}: 1 deal` })).toBeVisible();
    }
    // Real bars, not just the table alternative: drawn on the server as SVG.
    await expect(byRegion.locator("svg .bar-chart-bar")).toHaveCount(2);
    // The time chart (recharts) loads as it comes into view, and its bars are links too.
    const overTime = page.getByRole("region", { name: "Deals and value over time" });
    await overTime.scrollIntoViewIfNeeded();
    await expect(overTime.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(overTime.getByRole("link", { name: "Mar 2025: 2 deals" })).toBeVisible();
    await screenshot(page, "overview-1280");
  });

  test("draws the region and sector bars on the server, with no chart script", async ({ request }) => {
    const html = await (await request.get("/")).text();
    expect(html).toContain('aria-label="Asia: 1 deal"');
    expect(html).toContain('aria-label="Automotive: 1 deal"');
    // Two continents and four sectors seeded (more when another test accepted a deal in a new sector).
    expect(html.match(/class="bar-chart-bar"/g)?.length).toBeGreaterThanOrEqual(6);
    // Recharts draws only the time chart, in the browser, when it comes near the viewport.
    expect(html).not.toContain("recharts-bar-rectangle");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("shows the figures and the bars, and a bar still opens the filtered deal list", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const byRegion = page.getByRole("region", { name: "Partnerships by region" });
      await byRegion.getByRole("link", { name: "Asia: 1 deal" }).click();
      await expect(page).toHaveURL(/regionCode=142/);
      await expect(page.getByRole("link", { name: /Alibaba Group × BMW Group/ })).toBeVisible();
    });
  });

  test("switches the region chart to countries, keeping it in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Country", exact: true }).click();
    await expect(page).toHaveURL(/COUNTRY/i);
    await expect(page.getByRole("link", { name: "China: 1 deal" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Nigeria: 1 deal" }).first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole("link", { name: "China: 1 deal" }).first()).toBeVisible();
  });
});
