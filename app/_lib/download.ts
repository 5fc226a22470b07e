import "server-only";
import { toCsv, type CsvCell } from "@/lib/csv";

/** A short plain-text answer for a route handler's refusal (401, 403, 404). */
export const plainResponse = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/** A CSV file download; never cached, since it holds students' work. */
export const csvDownload = (rows: CsvCell[][], filename: string) =>
  new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
