import { describe, expect, it } from "vitest";
import { formatConfidence } from "./format";
import { fieldOfPath, readIngestValues } from "./ingest-form";

describe("ingest form helpers", () => {
  it("reads the fields, trimming all but the text", () => {
    const form = new FormData();
    form.set("title", "  A title ");
    form.set("text", "  First line.\nSecond line.  ");
    expect(readIngestValues(form)).toEqual({
      url: "",
      title: "A title",
      publisher: "",
      publishedAt: "",
      text: "  First line.\nSecond line.  ",
    });
  });

  it("maps an API error path to the form field it concerns", () => {
    expect(fieldOfPath(["input", "publishedAt"])).toBe("publishedAt");
    expect(fieldOfPath(["input"])).toBeNull();
    expect(fieldOfPath(null)).toBeNull();
  });

  it("shows confidence as a whole percentage", () => {
    expect(formatConfidence(0.8)).toBe("80 %");
    expect(formatConfidence(null)).toBe("—");
  });
});
