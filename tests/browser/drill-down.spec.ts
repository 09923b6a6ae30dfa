import { expect, test } from "@playwright/test";
import { screenshot } from "./support.ts";

test("from the Asia bar to the quote highlighted in the article", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await page.getByRole("link", { name: "Asia: 1 deal" }).first().click();

  await expect(page).toHaveURL(/\/deals\?.*regionCode=142/);
  const bmw = page.getByRole("link", { name: /Alibaba Group × BMW Group strategic partnership/ });
  await expect(bmw).toBeVisible();
  await expect(page.getByRole("link", { name: /Kwik/ })).toHaveCount(0);
  await screenshot(page, "drill-deals-asia");

  await bmw.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Alibaba Group × BMW Group");
  const quote = "Alibaba and the BMW Group have announced an expanded strategic partnership in China";
  await expect(page.getByText(quote).first()).toBeVisible();
  await screenshot(page, "drill-deal");

  await page
    .getByRole("link", { name: /^Open in the article at “Alibaba and the BMW Group have announced/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/articles\/.+#q-\d+-\d+/);
  const target = page.locator("mark:target");
  await expect(target).toBeVisible();
  await expect(target).toContainText("Alibaba and the BMW Group");
  await screenshot(page, "drill-article-highlight");
});
