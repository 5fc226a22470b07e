import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeArticle,
  generateQuiz,
  gradeAnswer,
  prepareArticle,
  questionBank,
  type Analysis,
  type Question,
} from "@/lib/quiz";

const seedArticle = analyzeArticle(
  readFileSync("content/articles/us-allies-weapons-ukraine-2022-10-12.txt", "utf8"),
);
const fixtures = [
  "city-budget-vote-2024-03-14",
  "battery-plant-2023-09-05",
  "mars-water-study-2024-06-20",
  "cup-final-comeback-2024-05-19",
].map((n) => analyzeArticle(readFileSync(`tests/fixtures/articles/${n}.txt`, "utf8")));
const articles = [seedArticle, ...fixtures];

function checkInvariants(a: Analysis, q: Question) {
  const ids = q.options.map((o) => o.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(q.options.map((o) => o.text.toLowerCase())).size).toBe(q.options.length);
  if (q.answer.type === "single")
    expect(ids.filter((id) => id === (q.answer as { optionId: string }).optionId)).toHaveLength(1);
  if (q.answer.type === "multi") for (const id of q.answer.optionIds) expect(ids).toContain(id);
  expect(q.evidence.length).toBeGreaterThan(0);
  for (const e of q.evidence) {
    expect(e.start).toBeGreaterThanOrEqual(0);
    expect(e.end).toBeLessThanOrEqual(a.text.length);
    // No question rests on a lost word: evidence never touches a defect, and in a defective
    // sentence it may only be a clause of it (a quote cleared clause by clause).
    for (const d of a.defects)
      if (d.at.start < e.end && e.start < d.at.end) throw new Error(`${q.id} rests on a lost word`);
    for (const s of a.sentences)
      if (s.defective && s.start < e.end && e.start < s.end && e.start <= s.start && e.end >= s.end)
        throw new Error(`${q.id} rests on a defective sentence`);
  }
  for (const o of q.options) expect(/^(he|she|they|it|him|her|them|we|i)$/i.test(o.text)).toBe(false);
  const ev = q.evidence
    .map((e) => a.text.slice(e.start, e.end))
    .join(" ")
    .toLowerCase();
  if (q.kind === "who-said" && q.answer.type === "single") {
    const key = q.options.find((o) => o.id === (q.answer as { optionId: string }).optionId)!.text;
    const sp = a.speakers.find((s) => s.name === key || `the ${s.name}` === key)!;
    expect([sp.name, ...sp.aliases].some((n) => ev.includes(n.toLowerCase()))).toBe(true);
  }
  if (q.answer.type === "text")
    expect(q.answer.accepted.some((t) => ev.includes(t.toLowerCase()))).toBe(true);
  if (q.kind === "detail" && q.answer.type === "single") {
    const key = q.options.find((o) => o.id === (q.answer as { optionId: string }).optionId)!.text;
    expect(ev).toContain(key.toLowerCase());
  }
}

describe("generateQuiz", () => {
  it("keeps its invariants on every question of every bank", () => {
    for (const a of articles) for (const q of questionBank(a)) checkInvariants(a, q);
  });

  it("covers who-said and systems-sent on the seed article", () => {
    const quiz = generateQuiz(seedArticle, { seed: 7 });
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.questions.some((q) => q.kind === "who-said")).toBe(true);
    expect(quiz.questions.some((q) => q.kind === "systems-sent")).toBe(true);
    expect(quiz.generatorVersion).toMatch(/\d+\.\d+\.\d+/);
  });

  it("is deterministic per seed and varies across seeds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 15 }),
        (seed, count) => {
          const a = generateQuiz(seedArticle, { seed, count });
          expect(generateQuiz(seedArticle, { seed, count })).toEqual(a);
          for (const q of a.questions) checkInvariants(seedArticle, q);
          const b = generateQuiz(seedArticle, { seed: seed + 1, count });
          if (count >= 3) expect(b.questions.map((q) => q.id)).not.toEqual(a.questions.map((q) => q.id));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("gives every question a stable id across seeds", () => {
    const byId = new Map(questionBank(seedArticle).map((q) => [q.id, q.prompt]));
    for (const seed of [1, 2, 3])
      for (const q of generateQuiz(seedArticle, { seed }).questions) expect(byId.get(q.id)).toBe(q.prompt);
  });

  it("respects the requested skills", () => {
    const quiz = generateQuiz(seedArticle, { seed: 3, skills: ["roles", "details"] });
    expect(quiz.questions.every((q) => q.skill === "roles" || q.skill === "details")).toBe(true);
  });
});

describe("analyzeArticle on arbitrary input", () => {
  it("never throws on arbitrary text or markup and keeps offsets inside the text", () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '"',
        "\u201C",
        "\u201D",
        " said ",
        "Mr. ",
        "U.S. ",
        "<p>",
        "</p>",
        "<script>x()</script>",
        "\n\n",
        " he ",
        "Javelin",
        "according to ",
        ", ",
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((xs) => xs.join("")),
        (input) => {
          const a = analyzeArticle(input);
          expect(a.text).toBe(prepareArticle(input).text);
          for (const q of a.quotes) expect(q.span.end).toBeLessThanOrEqual(a.text.length);
          for (const q of questionBank(a)) checkInvariants(a, q);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns an empty analysis for empty or non-English input", () => {
    for (const input of [
      "",
      "   ",
      "\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435 \u043c\u0438\u0440",
      "%%%$$$###",
    ]) {
      const a = analyzeArticle(input);
      expect(a.quotes).toEqual([]);
      expect(a.systems).toEqual([]);
      expect(generateQuiz(a, { seed: 1 }).questions).toEqual([]);
    }
  });

  it("extracts the main text of HTML and never script or style", () => {
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body><nav>Menu</nav><article>
      <p>\u201CWe will win,\u201D said Coach Ana Lima, who leads the national team. The match starts at noon in Lisbon today.</p>
      <script>var secret = "leak";</script><p>Lima said the squad was ready after two weeks of training in the mountains.</p></article></body></html>`;
    const a = analyzeArticle(html);
    expect(a.format).toBe("html");
    expect(a.text).not.toMatch(/secret|color:red/);
    expect(a.text.split("\n\n").length).toBeGreaterThanOrEqual(2);
    expect(a.quotes.find((q) => q.kind === "direct")?.speaker).toBe("Ana Lima");
  });
});

describe("gradeAnswer", () => {
  const single: Question = {
    id: "q",
    kind: "who-said",
    skill: "attribution",
    prompt: "",
    options: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
    ],
    answer: { type: "single", optionId: "a" },
    explanation: "",
    evidence: [],
  };
  const multi: Question = {
    ...single,
    kind: "systems-sent",
    answer: { type: "multi", optionIds: ["a", "b"] },
    options: [...single.options, { id: "c", text: "C" }],
  };
  const text: Question = {
    ...single,
    kind: "cloze",
    options: [],
    answer: { type: "text", accepted: ["the RAND Corp."] },
  };
  const match: Question = {
    ...single,
    kind: "match-roles",
    answer: {
      type: "match",
      pairs: [
        { itemId: "x", optionId: "a" },
        { itemId: "y", optionId: "b" },
      ],
    },
  };

  it("scores single choice as right or wrong", () => {
    expect(gradeAnswer(single, { optionId: "a" })).toEqual({ score: 1, correct: true });
    expect(gradeAnswer(single, { optionId: "b" })).toEqual({ score: 0, correct: false });
  });
  it("gives multi-select partial credit and nothing for ticking everything", () => {
    expect(gradeAnswer(multi, { optionIds: ["a"] }).score).toBe(0.5);
    expect(gradeAnswer(multi, { optionIds: ["a", "b", "c"] }).score).toBe(0.5);
    expect(gradeAnswer(multi, { optionIds: ["c"] }).score).toBe(0);
    expect(gradeAnswer(multi, { optionIds: ["a", "b"] }).correct).toBe(true);
  });
  it("normalises typed answers: case, punctuation, leading article, spaces", () => {
    expect(gradeAnswer(text, { text: "  rand corp " }).correct).toBe(true);
    expect(gradeAnswer(text, { text: "RAND" }).correct).toBe(false);
  });
  it("scores a match by the share of pairs right", () => {
    expect(
      gradeAnswer(match, {
        pairs: [
          { itemId: "x", optionId: "a" },
          { itemId: "y", optionId: "a" },
        ],
      }).score,
    ).toBe(0.5);
  });
  it("scores a response of the wrong shape as zero", () => {
    expect(gradeAnswer(single, { text: "A" }).score).toBe(0);
  });
});

describe("options a careful reader cannot dismiss at sight", () => {
  const text = [
    "Harbour master Ivo Brandt said the ice would clear by Friday. The port has stayed open for 14 months without a single closure.",
    'Ferry captain Sara Lind warned that crews were tired. She said the town wanted a ferry "that sails every hour of the day and the night."',
    'Mayor Tomas Berg said 720,000 tonnes of freight had gone by road. "It cost us more than the summer festival and the new library together," Berg said.',
    'Lind said the crews had worked 60-hour weeks since the storm. "We cannot do another winter like this one without more people," she said.',
  ].join("\n\n");
  const bank = questionBank(analyzeArticle(text));

  it("never offers a quoted fragment that continues the reporter's sentence as a statement", () => {
    const statements = bank
      .filter((q) => q.kind === "what-said" || q.kind === "not-said")
      .flatMap((q) => q.options.map((o) => o.text));
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((t) => /^that sails/.test(t))).toEqual([]);
  });

  it("never offers one value twice ('3' and 'three')", () => {
    const b = questionBank(
      analyzeArticle(
        "The home side led by three goals at half-time. The visitors scored 3 times after the break. The match drew 25 thousand fans. The crowd waited 40 minutes for the trains.",
      ),
    );
    for (const q of b.filter((x) => x.kind === "detail")) {
      const values = q.options.map((o) => o.text.replace(/^three$/, "3"));
      expect(new Set(values).size).toBe(values.length);
    }
  });

  it("offers numbers of a like size beside a count", () => {
    const detail = bank.find((q) => q.kind === "detail" && q.prompt.includes("for _____ months"));
    expect(detail).toBeDefined();
    expect(detail!.options.map((o) => o.text)).not.toContain("720,000");
  });
});

describe("explanations are sentences", () => {
  const a = analyzeArticle(
    "The Dutch government said on Monday it had delivered six Patriot launchers to Ukraine. Kyiv asked for more Leopard tanks. Since 2022, the Netherlands has committed 7 billion euros in military support, according to the Brask Institute for the Study of Aid, which tracks pledges. The army said troops were under fire. The war went on.",
  );
  const bank = questionBank(a);

  it("start with a capital letter, even when the speaker's name starts with 'the'", () => {
    expect(bank.length).toBeGreaterThan(0);
    for (const q of bank) if (q.explanation) expect(q.explanation).toMatch(/^\P{Ll}/u);
  });

  it("make the verb agree with a plural system's name", () => {
    const dutch = questionBank(
      analyzeArticle(
        readFileSync("tests/fixtures/articles/dutch-aid-package-ukraine-2025-03-11.txt", "utf8"),
      ),
    );
    const texts = dutch.map((q) => q.explanation).join(" ");
    expect(texts).toMatch(/Patriot launchers were /);
    expect(texts).not.toMatch(/Patriot launchers was /);
  });
});
