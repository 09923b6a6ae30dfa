import { PERIOD_PATTERN } from "@/lib/search-params";

/** One end of a date range: a year, month or day typed as text (works without JavaScript). */
export function PeriodField({
  id,
  name,
  label,
  defaultValue,
  hintId,
}: {
  id: string;
  name: "from" | "to";
  label: string;
  defaultValue: string | undefined;
  hintId: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        name={name}
        inputMode="numeric"
        placeholder="YYYY-MM"
        pattern={PERIOD_PATTERN}
        title="YYYY, YYYY-MM or YYYY-MM-DD"
        defaultValue={defaultValue ?? ""}
        aria-describedby={hintId}
      />
    </div>
  );
}
