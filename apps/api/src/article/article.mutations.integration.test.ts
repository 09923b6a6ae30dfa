import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { expectRefused } from "../testing/expect-refused.ts";
import { uniqueName } from "../testing/factories.ts";

const api = useTestApi("reference");
const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id text title } errors { code field message } } }`;
const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { title publishedAt { label } } errors { code field message } } }`;

describe("createArticle", () => {
  it("strips page boilerplate and refuses the same text again as a conflict", async () => {
    const body = `${uniqueName("Fictional Freight")} opened a depot.\nShare this:\nLeave a Reply`;
    const data = await api.query<{ createArticle: { article: { text: string } } }>(CREATE, {
      input: { title: "Depot", text: body },
    });
    expect(data.createArticle.article.text).toBe(body.split("\n")[0]);
    const errors = await refusedInput(
      CREATE,
      { title: "Again", text: `${body.replace("opened", "opened")}  ` },
      "input.text",
    );
    expect(errors[0]?.code).toBe("CONFLICT");
  });

  it("refuses bad URLs, empty texts and unknown language codes", async () => {
    await refusedInput(CREATE, { title: "x", text: "Some words.", url: "ftp://example" }, "input.url");
    await refusedInput(CREATE, { title: "x", text: "Leave a Reply" }, "input.text");
    await refusedInput(CREATE, { title: "", text: "Some other words." }, "input.title");
    await refusedInput(CREATE, { title: "x", text: "Yet other words.", language: "english" }, "input.language");
  });
});

describe("updateArticle, deleteArticle, restoreArticle", () => {
  it("updates metadata, soft-deletes and restores", async () => {
    const created = await api.query<{ createArticle: { article: { id: string } } }>(CREATE, {
      input: { title: "Old", text: uniqueName("Body") },
    });
    const id = created.createArticle.article.id;
    const updated = await api.query<{ updateArticle: { article: { title: string; publishedAt: { label: string } } } }>(
      UPDATE,
      {
        input: { id, title: "New", publishedAt: { date: "2025-03-01", precision: "MONTH" } },
      },
    );
    expect(updated.updateArticle.article).toEqual({ title: "New", publishedAt: { label: "March 2025" } });
    await refusedInput(
      UPDATE,
      { id: toGlobalId("Article", "00000000-0000-4000-8000-000000000000"), title: "x" },
      "input.id",
    );
    await refusedInput(UPDATE, { id, publishedAt: { date: "March", precision: "MONTH" } }, "input.publishedAt.date");
    await api.query(`mutation($id: ID!) { deleteArticle(id: $id) { errors { code } } }`, { id });
    await refusedInput(`mutation($input: ID!) { deleteArticle(id: $input) { errors { code field } } }`, id, "id");
    await api.query(`mutation($id: ID!) { restoreArticle(id: $id) { errors { code } } }`, { id });
    const article = await api.query<{ article: { title: string; deletedAt: string | null } }>(
      `query($id: ID!) { article(id: $id) { title deletedAt } }`,
      { id },
    );
    expect(article.article).toEqual({ title: "New", deletedAt: null });
  });
});

const refusedInput = (mutation: string, input: unknown, field: string) =>
  expectRefused(api, mutation, { input }, field);
