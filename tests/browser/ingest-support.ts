import { expect, type Page } from "@playwright/test";

const SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "vas", "zor", "bel", "dan", "fi", "nor", "pel", "sa", "quin"];

/**
 * A made-up word such as "Renkamizor", different in every test and run: the browser tests share one
 * database, so each test's companies, article and deal are its own and no test depends on another's order.
 */
function uniqueWord(): string {
  const syllables = Array.from(
    { length: 4 },
    () => SYLLABLES[Math.floor(Math.random() * SYLLABLES.length)] ?? "ka",
  ).join("");
  return syllables.charAt(0).toUpperCase() + syllables.slice(1);
}

export type FictionalArticle = {
  word: string;
  northwind: string;
  contoso: string;
  title: string;
  dealTitle: string;
  text: string;
};

/** A short partnership article between two clearly fictional companies (the extractor proposes one deal). */
export function fictionalArticle(): FictionalArticle {
  const word = uniqueWord();
  const northwind = `Northwind ${word} Robotics`;
  const contoso = `Contoso ${word} Freight`;
  return {
    word,
    northwind,
    contoso,
    title: `${northwind} and ${contoso} team up on solar farms`,
    dealTitle: `${northwind} × ${contoso} strategic partnership`,
    text:
      `${northwind} and ${contoso} announced a strategic partnership to develop solar farms for renewable energy. ` +
      "The companies said on Monday that they will share engineering teams.",
  };
}

/** Fills the /ingest form and submits it (no waiting for the answer). */
export async function submitArticle(page: Page, article: FictionalArticle, publishedAt = "2026-03-02") {
  await page.goto("/ingest");
  await page.getByLabel(/^Title/).fill(article.title);
  await page.getByLabel("URL").fill(`https://news.example/${article.word.toLowerCase()}`);
  await page.getByLabel("Publisher").fill("Dealgraph test desk");
  await page.getByLabel("Published").fill(publishedAt);
  await page.getByLabel(/^Text/).fill(article.text);
  await page.getByRole("button", { name: "Ingest article" }).click();
}

/** Ingests the article through the form and waits until the page says it was stored. */
export async function ingestThroughForm(page: Page, article: FictionalArticle) {
  await submitArticle(page, article);
  await expect(page.getByRole("heading", { name: "Stored as a new article" })).toBeVisible();
}
