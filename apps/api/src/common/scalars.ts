import { Field, Float, ObjectType } from "type-graphql";
import { DatePrecision } from "./enums.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

@ObjectType({ description: "A date known to a precision: day, month, quarter or year." })
export class FuzzyDate {
  @Field(() => String, { description: "ISO date of the period's first day (YYYY-MM-DD)." })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => String, { description: 'Human label at its precision, e.g. "March 2025" or "2026".' })
  label!: string;
}

export function toFuzzyDate(date: Date | null, precision: DatePrecision | null): FuzzyDate | null {
  if (!date) return null;
  const p = precision ?? DatePrecision.DAY;
  const iso = date.toISOString().slice(0, 10);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const label =
    p === DatePrecision.YEAR
      ? `${year}`
      : p === DatePrecision.QUARTER
        ? `Q${Math.floor(month / 3) + 1} ${year}`
        : p === DatePrecision.MONTH
          ? `${MONTHS[month]} ${year}`
          : `${date.getUTCDate()} ${MONTHS[month]} ${year}`;
  return { date: iso, precision: p, label };
}

@ObjectType({ description: "An amount of money, with its value in US dollars at the deal's date." })
export class Money {
  @Field(() => Float)
  amount!: number;

  @Field(() => String, { description: "ISO 4217 code." })
  currency!: string;

  @Field(() => Float, { nullable: true, description: "Converted with the repository's dated rate table." })
  amountUsd!: number | null;
}
