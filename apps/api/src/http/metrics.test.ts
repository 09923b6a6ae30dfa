import { describe, expect, it } from "vitest";
import { operationLabels } from "./metrics.ts";

describe("operation labels", () => {
  it("keep well-formed names up to a bound and count the rest as other", () => {
    const label = operationLabels(2);
    expect(label("DealList")).toBe("DealList");
    expect(label("bad name; drop table")).toBe("other");
    expect(label("Overview")).toBe("Overview");
    expect(label("ThirdName")).toBe("other");
    expect(label("DealList")).toBe("DealList");
  });
});
