import { describe, expect, it } from "vitest";
import { cleanArticleText, contentHash } from "./article-text.ts";

describe("cleanArticleText", () => {
  it("drops page boilerplate lines and trailing whitespace, and keeps everything else as it is", () => {
    const raw =
      "Fictional Ltd signs a deal.\r\nIts CEO said “yes”.\nShare this:\nFacebook | Twitter | LinkedIn\nLeave a Reply\n\n";
    expect(cleanArticleText(raw)).toBe("Fictional Ltd signs a deal.\nIts CEO said “yes”.");
  });

  it("drops the boilerplate lines an article's metadata names", () => {
    expect(cleanArticleText("Body.\nSubscribe now", ["Subscribe now"])).toBe("Body.");
  });

  it("keeps a sentence that merely mentions sharing", () => {
    expect(cleanArticleText("Share prices rose.")).toBe("Share prices rose.");
  });
});

describe("contentHash", () => {
  it("is the same for texts that differ in quotes, case, whitespace and boilerplate", () => {
    const a = contentHash("Fictional Ltd’s “big” deal\n\nLeave a Reply");
    const b = contentHash('fictional ltd\'s "BIG"   deal');
    expect(a).toBe(b);
  });

  it("differs when the words differ", () => {
    expect(contentHash("Fictional Ltd buys Example plc")).not.toBe(contentHash("Example plc buys Fictional Ltd"));
  });
});
