import Link from "next/link";

/** A choice kept in the URL, drawn as a row of links; the current one has aria-current. */
export function LinkSwitch({
  label,
  options,
}: {
  label: string;
  options: ReadonlyArray<{ label: string; href: string; current: boolean }>;
}) {
  return (
    <nav aria-label={label}>
      <ul className="switch">
        {options.map((option) => (
          <li key={option.href}>
            <Link href={option.href} aria-current={option.current ? "true" : undefined} scroll={false}>
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
