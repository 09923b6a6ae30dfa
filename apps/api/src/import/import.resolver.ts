import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { Authorize } from "../auth/viewer.ts";
import { payload } from "../common/errors.ts";
import type { Context } from "../context.ts";
import { ImportDealsInput } from "./import.input.ts";
import { importDealsCsv } from "./import.service.ts";
import { ImportDealsPayload } from "./import.type.ts";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportDealsPayload, {
    description:
      "Imports acquisitions from a deal database's CSV export (ACQUISITION, COMPLETED, ACCEPTED). Bad rows come " +
      "back with their line and reason while good rows are kept; importing the same file again adds nothing.",
  })
  @Authorize("ADMIN")
  importDeals(@Ctx() ctx: Context, @Arg("input", () => ImportDealsInput) input: ImportDealsInput) {
    return payload(async () => ({ summary: await importDealsCsv(ctx, input) }));
  }
}
