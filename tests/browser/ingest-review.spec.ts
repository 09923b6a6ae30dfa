import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fictionalArticle, ingestThroughForm, submitArticle } from "./ingest-support.ts";
import { screenshot } from "./support.ts";

/** No serious or critical axe violation on the page as it is now (after a form's answer, say). */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

/** The overview's headline deal count. */
async function overviewDealCount(page: Page): Promise<number> {
  await page.goto("/");
  const value = await page
    .locator(".stat", { has: page.locator("dt", { hasText: /^Deals$/ }) })
    .locator("dd")
    .innerText();
  return Number(value.replaceAll(",", ""));
}

test.describe("ingest", () => {
  test("proposes the deal of a pasted article, and the same text again is a duplicate", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const article = fictionalArticle();
    await ingestThroughForm(page, article);

    const deals = page.getByRole("list", { name: "Proposed deals" });
    await expect(deals.getByRole("link", { name: article.dealTitle })).toBeVisible();
    await expect(deals).toContainText(/Confidence \d+ %/);
    await expect(deals).toContainText("Proposed");
    await expect(page.getByRole("list", { name: "Proposed claims" })).toContainText(
      `${article.northwind} partners with ${article.contoso}`,
    );
    await expect(page.getByRole("list", { name: "Entities named" }).getByRole("link")).toHaveText([
      article.northwind,
      article.contoso,
    ]);
    await expect(page.getByRole("link", { name: "Review them in the queue" })).toHaveAttribute("href", "/review");
    await expectAccessible(page);
    await screenshot(page, "ingest-result");

    await submitArticle(page, article);
    await expect(page.getByRole("heading", { name: "Already stored: a duplicate" })).toBeVisible();
    await page.getByRole("link", { name: article.title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(article.title);
  });

  test("shows the API's validation errors beside the form and keeps what was typed", async ({ page }) => {
    const article = fictionalArticle();
    await submitArticle(page, article, "2026-13");

    await expect(page.locator("#ingest-errors")).toContainText("Published: must be a date");
    const published = page.getByLabel("Published");
    await expect(published).toHaveAttribute("aria-invalid", "true");
    await expect(published).toHaveAccessibleDescription(/must be a date/);
    await expect(published).toHaveValue("2026-13");
    await expect(page.getByLabel(/^Text/)).toHaveValue(article.text);
    await expect(page.getByLabel(/^Title/)).toHaveValue(article.title);
    await expectAccessible(page);
    await screenshot(page, "ingest-error");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the form still posts and shows the answer", async ({ page }) => {
      const article = fictionalArticle();
      await ingestThroughForm(page, article);
      await expect(page.getByRole("list", { name: "Proposed deals" })).toContainText(article.dealTitle);
    });
  });
});

test.describe("review", () => {
  test("accepting the proposed deal puts it on the deal list and in the overview's count", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const before = await overviewDealCount(page);
    const article = fictionalArticle();
    await ingestThroughForm(page, article);

    await page.goto("/review");
    const item = page.getByRole("article", { name: article.dealTitle, exact: true });
    await expect(item).toContainText(article.text.split(".")[0] ?? "");
    await item.getByRole("button", { name: /^Accept/ }).click();

    await expect(page.getByRole("status")).toContainText(`Accepted the deal “${article.dealTitle}”`);
    await expect(page.getByRole("article", { name: article.dealTitle, exact: true })).toHaveCount(0);
    // Accepting the deal accepts its new parties too.
    await expect(page.getByRole("article", { name: article.northwind, exact: true })).toHaveCount(0);
    await screenshot(page, "review-accepted");

    await page.goto(`/deals?search=${article.word}`);
    await expect(page.getByRole("link", { name: article.dealTitle })).toBeVisible();
    expect(await overviewDealCount(page)).toBe(before + 1);
  });

  test("rejects a proposal with a reason, and undoes it", async ({ page }) => {
    const article = fictionalArticle();
    await ingestThroughForm(page, article);

    await page.goto("/review");
    const entity = page.getByRole("article", { name: article.northwind, exact: true });
    await entity.getByLabel(/^Reason/).fill("Not a company: a test fixture");
    await entity.getByRole("button", { name: /^Reject/ }).click();

    await expect(page.getByRole("status")).toContainText(
      `Rejected the entity “${article.northwind}” (reason: Not a company: a test fixture)`,
    );
    await expect(page.getByRole("article", { name: article.northwind, exact: true })).toHaveCount(0);
    const log = page.getByRole("region", { name: "Recent decisions" });
    await expect(log).toContainText(`Rejected entity “${article.northwind}” — “Not a company: a test fixture”`);
    await expectAccessible(page);
    await screenshot(page, "review-rejected");

    await log.getByRole("button", { name: new RegExp(`^Undo .*${article.northwind}`) }).click();
    await expect(page.getByRole("status")).toContainText(`Undone: the entity “${article.northwind}” is proposed again`);
    await expect(page.getByRole("article", { name: article.northwind, exact: true })).toBeVisible();
    await expect(log.getByText("Undone", { exact: true }).first()).toBeVisible();
  });

  test("merges a new entity into a known one, and undoes it", async ({ page }) => {
    // A known company: the parties of an accepted deal are accepted with it.
    const known = fictionalArticle();
    await ingestThroughForm(page, known);
    await page.goto("/review");
    await page
      .getByRole("article", { name: known.dealTitle, exact: true })
      .getByRole("button", { name: /^Accept/ })
      .click();
    await expect(page.getByRole("status")).toContainText("Accepted the deal");

    // The same company under another name, in another article.
    const other = fictionalArticle();
    await ingestThroughForm(page, other);
    await page.goto("/review");
    const duplicate = page.getByRole("article", { name: other.northwind, exact: true });
    await duplicate.getByLabel(/^Same as/).selectOption({ label: known.northwind });
    await duplicate.getByRole("button", { name: /^Merge/ }).click();

    await expect(page.getByRole("status")).toContainText(
      `Merged the entity “${other.northwind}” into “${known.northwind}”`,
    );
    await expect(page.getByRole("article", { name: other.northwind, exact: true })).toHaveCount(0);
    await page
      .getByRole("region", { name: "Recent decisions" })
      .getByRole("button", { name: new RegExp(`^Undo .*${other.northwind}`) })
      .click();
    await expect(page.getByRole("status")).toContainText(`Undone: the entity “${other.northwind}” is proposed again`);
    await expect(page.getByRole("article", { name: other.northwind, exact: true })).toBeVisible();
  });

  test("a rejection without a reason is refused by the form", async ({ page }) => {
    const article = fictionalArticle();
    await ingestThroughForm(page, article);
    await page.goto("/review");
    const deal = page.getByRole("article", { name: article.dealTitle, exact: true });
    await deal.getByRole("button", { name: /^Reject/ }).click();
    // The browser's required-field check keeps the form from posting: nothing changed.
    const reason = deal.getByLabel(/^Reason/);
    expect(await reason.evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
    await expect(page.getByRole("article", { name: article.dealTitle, exact: true })).toBeVisible();
  });
});
