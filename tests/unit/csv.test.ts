import { describe, expect, it } from "vitest";
import { csvCell, safeFilename, toCsv } from "@/lib/csv";

/** A strict RFC 4180 reader, to check that what we write reads back as the cells we meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (c === "\n" || c === "\r" || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (quoted || cell || row.length) throw new Error("unterminated last row");
  return rows;
}

const body = (csv: string) => csv.slice(1);

describe("toCsv", () => {
  it("starts with a UTF-8 byte order mark and ends every row with CRLF", () => {
    const csv = toCsv([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(body(csv)).toBe("a,b\r\nc,d\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes and line breaks and reads back the same cells", () => {
    const cells = ["Smith, Jane", 'She said "no"', "two\nlines", "cr\r\nlf", "plain"];
    const csv = toCsv([cells]);
    expect(body(csv)).toBe('"Smith, Jane","She said ""no""","two\nlines","cr\r\nlf",plain\r\n');
    expect(parseCsv(body(csv))).toEqual([cells]);
  });

  it.each(["=", "+", "-", "@", "\t", "\r"])("neutralises text starting with %j", (prefix) => {
    const text = `${prefix}HYPERLINK("http://evil.example","click")`;
    const [[cell]] = parseCsv(body(toCsv([[text]]))) as [[string]];
    expect(cell).toBe(`'${text}`);
  });

  it("quotes a cell with a semicolon, so a semicolon-locale spreadsheet keeps it one cell", () => {
    expect(csvCell("x;=1+1")).toBe('"x;=1+1"');
    // Split as a semicolon-locale spreadsheet does: on ";" outside quotes.
    const semicolonFields = (line: string) => {
      const fields = [""];
      let quoted = false;
      for (const c of line) {
        if (c === '"') quoted = !quoted;
        if (c === ";" && !quoted) fields.push("");
        else fields[fields.length - 1] += c;
      }
      return fields;
    };
    const fields = semicolonFields(body(toCsv([["x;=1+1", "b"]])).split("\r\n")[0]!);
    expect(fields).toHaveLength(1);
    expect(fields.some((f) => f.startsWith("="))).toBe(false);
    expect(parseCsv(body(toCsv([["x;=1+1"]])))).toEqual([["x;=1+1"]]);
  });

  it("neutralises the classic payloads, and leaves harmless text alone", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("O'Brien")).toBe("O'Brien");
  });

  it("writes numbers typed as numbers bare, negatives included, but treats the text -5 as text", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(87.5)).toBe("87.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(body(toCsv([[-5, "-5", 3]]))).toBe("-5,'-5,3\r\n");
  });

  it("writes dates in ISO 8601 UTC, booleans as words and nothing for null", () => {
    const d = new Date(Date.UTC(2026, 2, 9, 14, 5, 7, 12));
    expect(body(toCsv([[d, true, false, null, undefined]]))).toBe(
      "2026-03-09T14:05:07.012Z,true,false,,\r\n",
    );
    expect(csvCell(new Date(Number.NaN))).toBe("");
  });

  it("keeps unicode as it is", () => {
    const cells = ["Zoë Ødegård", "Зеленський", "“quoted” — dash", "学生", "🙂"];
    const csv = toCsv([cells]);
    expect(parseCsv(body(csv))).toEqual([cells]);
    expect(Buffer.from(csv, "utf8").toString("utf8")).toBe(csv);
  });

  it("writes an empty file as just the byte order mark", () => {
    expect(toCsv([])).toBe("\uFEFF");
  });
});

describe("safeFilename", () => {
  it("keeps ASCII letters, digits, dash and underscore only", () => {
    expect(safeFilename('Year 10 "History"; rm -rf / .csv')).toBe("Year-10-History-rm-rf-csv");
    expect(safeFilename("Élèves de 3ᵉ")).toBe("Eleves-de-3e");
    expect(safeFilename("\r\n../..")).toBe("export");
    expect(safeFilename("x".repeat(200))).toHaveLength(80);
  });
});
