/**
 * CSV that opens cleanly in spreadsheet programs: a UTF-8 byte order mark (so
 * Excel reads accents as UTF-8), CRLF line ends and RFC 4180 quoting.
 *
 * Text that a spreadsheet would run as a formula (starting with =, +, -, @, a
 * tab or a carriage return) gets a leading apostrophe: a student's typed
 * answer must never execute in the teacher's spreadsheet (CSV injection). Only
 * values typed as numbers are written bare, negatives included; the text "-5"
 * is neutralised like any other text, since text is where user input arrives.
 *
 * A cell with a semicolon is quoted as well: spreadsheets in semicolon locales
 * (most of Europe) split on ";", so `x;=1+1` would otherwise become two cells,
 * the second one a formula.
 */
export type CsvCell = string | number | Date | boolean | null | undefined;

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/** A file name safe in a Content-Disposition header on every platform: ASCII letters, digits, - and _. */
export function safeFilename(name: string, fallback = "export"): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80)
    .replace(/-$/, "");
  return ascii || fallback;
}
