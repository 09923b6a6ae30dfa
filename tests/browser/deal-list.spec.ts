import { expect, test } from "@playwright/test";
import { api, screenshot } from "./support.ts";

test.describe("deal list", () => {
  test("keeps its filters in the URL across a reload", async ({ page }) => {
    await page.goto("/deals?types=CHANNEL_PARTNERSHIP");
    await expect(page.getByRole("link", { name: /Kwik/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /BMW Group strategic/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("link", { name: /Kwik/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /BMW Group strategic/ })).toHaveCount(0);
    await screenshot(page, "deals-filtered");
  });

  test("exports exactly the filtered rows as CSV", async ({ page, request }) => {
    await page.goto("/deals?sectorCode=logistics");
    const rows = page.locator("table tbody tr");
    await expect(rows).toHaveCount(1);
    const href = await page.getByRole("link", { name: /Download CSV/ }).getAttribute("href");
    expect(href).toContain("sectorCode=logistics");
    const csv = await (await request.get(href ?? "")).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Kwik");

    // Every deal: the seeded two, plus any the review tests accepted (they share the database).
    const { deals } = await api<{ deals: { totalCount: number } }>("{ deals { totalCount } }");
    expect(deals.totalCount).toBeGreaterThanOrEqual(2);
    const all = await (await request.get("/deals/export.csv")).text();
    expect(all.trim().split(/\r?\n/)).toHaveLength(deals.totalCount + 1);
  });
});
