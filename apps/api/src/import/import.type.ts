import { Field, Int, ObjectType } from "type-graphql";
import { UserError } from "../common/errors.ts";

@ObjectType({ description: "A row of the file and what was wrong with it." })
export class ImportProblem {
  @Field(() => Int, { description: "Line of the file where the row starts (the header is line 1)." })
  line!: number;

  @Field(() => String)
  message!: string;
}

@ObjectType()
export class ImportSummary {
  @Field(() => Int, { description: "Data rows in the file." })
  rows!: number;

  @Field(() => Int, { description: "Deals created." })
  imported!: number;

  @Field(() => Int, { description: "Rows whose deal was already there (an earlier import, or an earlier row)." })
  alreadyImported!: number;

  @Field(() => Int)
  companiesCreated!: number;

  @Field(() => [ImportProblem], { description: "Rows left out, with why; the other rows were imported." })
  rejected!: ImportProblem[];

  @Field(() => [ImportProblem], { description: "Rows imported with something left out." })
  warnings!: ImportProblem[];

  @Field(() => Boolean)
  alertsRaised!: boolean;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType()
export class ImportDealsPayload {
  @Field(() => ImportSummary, { nullable: true })
  summary?: ImportSummary | null;

  @Field(() => [UserError], { description: "Empty when the file was read; otherwise nothing was changed." })
  errors!: UserError[];
}
