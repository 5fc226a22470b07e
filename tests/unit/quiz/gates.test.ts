import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  analyzeArticle,
  explainBank,
  generateQuiz,
  questionBank,
  structuralGates,
  type Question,
} from "@/lib/quiz";
import { cutQuote, gate, valueType, type GateInput } from "@/lib/quiz/gates";

// A small article of our own: two named speakers, a caption, a quote, numbers of several kinds.
const article = analyzeArticle(
  [
    "Harbour workers load a ferry in Tromsø on Monday. (Photo: Kim Oh/Reuters)",
    "“The new pier will be finished before the summer season starts,” said port director Ada Lund on Monday.",
    "Mayor Ivo Brandt said the city had spent 40% of the budget and about $12 million so far.",
    "The ferry carried 350 passengers on its first trip in 2024.",
  ].join("\n\n"),
);
const prose = article.sentences.find((s) => s.text.includes("new pier"))!;
const caption = article.sentences.find((s) => s.text.includes("Harbour workers"))!;

function question(over: Partial<Question> = {}): Question {
  return {
    id: "who-said-x",
    kind: "who-said",
    skill: "attribution",
    prompt: 'Who said: "The new pier will be finished before the summer season starts"?',
    options: [
      { id: "a", text: "Ada Lund" },
      { id: "b", text: "Ivo Brandt" },
      { id: "c", text: "Kim Oh" },
    ],
    answer: { type: "single", optionId: "a" },
    explanation: "Ada Lund, the port director, said this.",
    evidence: [{ start: prose.start, end: prose.end }],
    ...over,
  };
}
function input(q: Question, over: Partial<GateInput> = {}): GateInput {
  return {
    question: q,
    keys: ["Ada Lund"],
    optionTypes: ["speaker-person", "speaker-person", "speaker-person"],
    confident: true,
    trueDistractors: [],
    quoted: "The new pier will be finished before the summer season starts",
    answerForms: ["Ada Lund", "Lund"],
    ...over,
  };
}

describe("gates", () => {
  it("pass a sound question", () => {
    expect(gate(article, input(question()))).toEqual([]);
  });

  const cases: [string, () => GateInput][] = [
    ["key-not-an-option", () => input(question({ answer: { type: "single", optionId: "z" } }))],
    [
      "options-not-unique",
      () =>
        input(
          question({
            options: [
              { id: "a", text: "Ada Lund" },
              { id: "b", text: "ada lund." },
            ],
          }),
        ),
    ],
    [
      "options-of-mixed-types",
      () => input(question(), { optionTypes: ["speaker-person", "system", "speaker-person"] }),
    ],
    [
      "option-in-prompt",
      () =>
        input(question({ prompt: 'Did Ada Lund say: "The new pier will be finished"?', kind: "what-said" })),
    ],
    [
      "option-is-a-pronoun-or-fragment",
      () =>
        input(
          question({
            options: [
              { id: "a", text: "Ada Lund" },
              { id: "b", text: "she" },
              { id: "c", text: "Lund's" },
            ],
          }),
        ),
    ],
    ["evidence-lacks-answer", () => input(question(), { answerForms: ["Kim Oh"] })],
    ["not-article-prose", () => input(question({ evidence: [{ start: caption.start, end: caption.end }] }))],
    [
      "quote-badly-cut",
      () =>
        input(question({ prompt: 'Who said: "The new pier will be finished,"?' }), {
          quoted: "The new pier will be finished,",
        }),
    ],
    ["too-long", () => input(question({ prompt: `Who said: "${"very ".repeat(80)}long"?` }))],
    ["markup-in-text", () => input(question({ prompt: 'Who said: "### The new pier"?' }))],
    ["low-confidence", () => input(question(), { confident: false })],
    ["distractor-also-true", () => input(question(), { trueDistractors: ["Ivo Brandt"] })],
    [
      "answer-hinted",
      () =>
        input(
          question({
            kind: "cloze",
            prompt:
              'Type the missing word(s) from the article: "The French minister said _____ would seek a coalition."',
            options: [],
            answer: { type: "text", accepted: ["France"] },
          }),
          { optionTypes: [], keys: ["France"] },
        ),
    ],
    [
      "too-few-options",
      () =>
        input(question({ options: [{ id: "a", text: "Ada Lund" }] }), { optionTypes: ["speaker-person"] }),
    ],
  ];
  for (const [reason, make] of cases)
    it(`drop a candidate for ${reason}`, () => {
      expect(gate(article, make())).toContain(reason);
    });

  it("types numbers by unit and dates by granularity", () => {
    expect(
      ["40%", "12 percent", "$12 million", "350", "2024", "Monday", "May 3", "March", "last week"].map(
        valueType,
      ),
    ).toEqual([
      "percent",
      "percent",
      "money",
      "count",
      "year",
      "date-weekday",
      "date-day",
      "date-month",
      "date-relative",
    ]);
  });

  it("cut a quotation at a word, with no punctuation left inside its marks", () => {
    expect(cutQuote("I'm not ruling anything out,")).toBe("I'm not ruling anything out");
    expect(cutQuote("one two three four five six", 3)).toBe("one two three …");
    expect(cutQuote('he said "maybe" twice')).toBe("he said maybe twice");
  });
});

describe("the bank", () => {
  it("explains every dropped candidate with at least one reason", () => {
    const { kept, dropped } = explainBank(article);
    expect(kept.length).toBeGreaterThan(0);
    for (const d of dropped) expect(d.reasons.length).toBeGreaterThan(0);
  });

  it("never mixes a percentage with counts or money among a detail question's options", () => {
    for (const q of questionBank(article).filter((x) => x.kind === "detail"))
      expect(new Set(q.options.map((o) => valueType(o.text))).size).toBe(1);
  });

  it("does not always put the key first", () => {
    const firsts = questionBank(article)
      .filter(
        (q) => q.answer.type === "single" && q.kind !== "true-false" && q.kind !== "quote-or-paraphrase",
      )
      .map((q) => q.options[0]!.id === (q.answer as { optionId: string }).optionId);
    expect(firsts.length).toBeGreaterThan(1);
    expect(firsts.every(Boolean)).toBe(false);
  });

  it("gives every question of arbitrary text a clean bill from the gates", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        "“We will rebuild the pier,” said port director Ada Lund. ",
        "Mayor Ivo Brandt said the city had spent 40% of its budget. ",
        "He said the ferry carried 350 passengers in 2024. ",
        "(Photo: Kim Oh/Reuters)",
        "\n\n### Costs\n\n",
        "By Jana Holt\n\n",
        "According to the ministry, two Javelin missiles were delivered on Monday. ",
        "Officials said Ukraine asked for more tanks, ",
        '"The plan," she said, "is late." ',
        "\n\n",
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 16 }).map((xs) => xs.join("")),
        fc.integer({ min: 0, max: 1000 }),
        (text, seed) => {
          const a = analyzeArticle(text);
          for (const q of questionBank(a)) expect(structuralGates(a, q), q.prompt).toEqual([]);
          for (const q of generateQuiz(a, { seed, count: 12 }).questions)
            expect(structuralGates(a, q)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("a unit and its service", () => {
  const text =
    "The drone was shot down over the strait, a release from Carrier Strike Group 7 said.\n\nThe pilots flew 30 combat missions from the carrier, the Navy said.\n\nMayor Ada Lund said the harbour would reopen on Monday.\n\nHarbour master Ivo Brandt said two ferries had been damaged overnight.";
  it("never offers one as the other's distractor", () => {
    for (const q of questionBank(analyzeArticle(text))) {
      const texts = q.options.map((o) => o.text);
      if (q.kind === "who-said")
        expect(texts.some((t) => /Carrier Strike/.test(t)) && texts.some((t) => /Navy/.test(t))).toBe(false);
      if (q.kind === "what-said" && /Navy|Carrier Strike/.test(q.prompt))
        expect(
          texts.some((t) => /drone was shot down/.test(t)) && texts.some((t) => /30 combat missions/.test(t)),
        ).toBe(false);
    }
  });
});

describe("distractors", () => {
  it("never offers two names of one speaker side by side", () => {
    const text = [
      "“The runway is open again,” the Harbour Authority said on Monday.",
      "The US Air Force said the runway had been repaired within a day.",
      "“Two cargo jets landed safely,” an Air Force statement said.",
      "The Port Workers Union said the cranes were too old.",
      "The Ministry of Transport said the new crane had been ordered.",
    ].join("\n\n");
    const whoSaid = questionBank(analyzeArticle(text)).filter((q) => q.kind === "who-said");
    expect(whoSaid.length).toBeGreaterThan(0);
    for (const q of whoSaid) {
      const texts = q.options.map((o) => o.text);
      expect(texts.filter((t) => /Air Force/.test(t)).length).toBeLessThanOrEqual(1);
    }
  });
});
