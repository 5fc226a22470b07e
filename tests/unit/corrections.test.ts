import { describe, expect, it } from "vitest";
import {
  answerFromResponse,
  currentOverrides,
  currentRegrades,
  effectiveQuestion,
  maxScoreOf,
  sameKey,
  scoreAttempt,
  type OverrideEvent,
  type RegradeEvent,
  type RegradeState,
} from "@/lib/attempts/scoring";
import {
  acceptedFromLines,
  keyFromForm,
  overrideSchema,
  regradeSchema,
} from "@/lib/gradebook/correction-form";
import { analyseItems, discrimination, itemsCsvRows, type SavedAnswer } from "@/lib/gradebook/item-analysis";
import { changeOf, changeWords } from "@/lib/gradebook/growth";
import type { Question, Response } from "@/lib/quiz/types";

const single: Question = {
  id: "q1",
  kind: "who-said",
  skill: "attribution",
  prompt: "Who said it?",
  options: [
    { id: "a", text: "Ana Ruiz" },
    { id: "b", text: "Tom Hale" },
    { id: "c", text: "The clerk" },
  ],
  answer: { type: "single", optionId: "a" },
  explanation: "Ruiz said it on Tuesday.",
  evidence: [],
};
const typed: Question = {
  id: "q2",
  kind: "cloze",
  skill: "details",
  prompt: "The plan cost ____ million.",
  options: [],
  answer: { type: "text", accepted: ["40"] },
  explanation: "The article says $40 million.",
  evidence: [],
};
const multi: Question = {
  id: "q3",
  kind: "systems-sent",
  skill: "systems",
  prompt: "Which were sent?",
  options: [
    { id: "x", text: "HIMARS" },
    { id: "y", text: "Javelin" },
    { id: "z", text: "F-16" },
  ],
  answer: { type: "multi", optionIds: ["x", "y"] },
  explanation: "HIMARS and Javelin.",
  evidence: [],
};
const match: Question = {
  id: "q4",
  kind: "match-roles",
  skill: "roles",
  prompt: "Match.",
  items: [
    { id: "i1", text: "Ruiz" },
    { id: "i2", text: "Hale" },
  ],
  options: [
    { id: "o1", text: "Mayor" },
    { id: "o2", text: "Council member" },
  ],
  answer: {
    type: "match",
    pairs: [
      { itemId: "i1", optionId: "o1" },
      { itemId: "i2", optionId: "o2" },
    ],
  },
  explanation: "As said.",
  evidence: [],
};
const QUESTIONS = [single, typed, multi, match];
const at = new Date("2026-12-01T10:00:00Z");
const state = (s: Partial<RegradeState> & Pick<RegradeState, "kind">): RegradeState => ({
  answer: null,
  explanation: null,
  at,
  ...s,
});

const responses = (r: Record<string, Response | null>) => new Map(Object.entries(r));

describe("scoring with corrections", () => {
  const given = responses({
    q1: { optionId: "b" },
    q2: { text: "forty" },
    q3: { optionIds: ["x"] },
    q4: null,
  });

  it("scores by the frozen keys when nothing was corrected", () => {
    const s = scoreAttempt({ questions: QUESTIONS, responses: given, regrades: new Map() });
    expect(s.answers.map((a) => a.score)).toEqual([0, 0, 0.5, 0]);
    expect(s).toMatchObject({ score: 0.5, maxScore: 4 });
  });

  it("grades by a changed key, accepts another typed answer, gives full credit and drops a question", () => {
    const regrades = new Map([
      ["q1", state({ kind: "key", answer: { type: "single", optionId: "b" }, explanation: "Hale said it." })],
      ["q2", state({ kind: "accept", answer: { type: "text", accepted: ["40", "Forty"] } })],
      ["q3", state({ kind: "full_credit" })],
      ["q4", state({ kind: "drop" })],
    ]);
    const s = scoreAttempt({ questions: QUESTIONS, responses: given, regrades });
    expect(s.answers.map((a) => [a.score, a.correct])).toEqual([
      [1, true],
      [1, true],
      [1, true],
      [null, null],
    ]);
    expect(s).toMatchObject({ score: 3, maxScore: 3 });
    expect(effectiveQuestion(single, regrades.get("q1")).explanation).toBe("Hale said it.");
    expect(maxScoreOf(QUESTIONS, regrades)).toBe(3);
  });

  it("gives full credit to a question left blank too", () => {
    const s = scoreAttempt({
      questions: [single],
      responses: new Map(),
      regrades: new Map([["q1", state({ kind: "full_credit" })]]),
    });
    expect(s.score).toBe(1);
  });

  it("lets a teacher's score for a question win over grading, and one for the attempt win over the sum", () => {
    const questions = { questions: new Map([["q1", { score: 0.5, comment: "Half", at }]]), total: null };
    expect(
      scoreAttempt({ questions: QUESTIONS, responses: given, regrades: new Map(), overrides: questions })
        .score,
    ).toBe(1);
    const total = { questions: new Map(), total: { score: 3.5, comment: "", at } };
    expect(
      scoreAttempt({ questions: QUESTIONS, responses: given, regrades: new Map(), overrides: total }).score,
    ).toBe(3.5);
    // A score handed back to grading (null) with a comment leaves the graded score.
    const comment = { questions: new Map([["q1", { score: null, comment: "See me", at }]]), total: null };
    expect(
      scoreAttempt({ questions: QUESTIONS, responses: given, regrades: new Map(), overrides: comment }).score,
    ).toBe(0.5);
  });

  it("never scores an attempt above its maximum after a drop", () => {
    const total = { questions: new Map(), total: { score: 4, comment: "", at } };
    const s = scoreAttempt({
      questions: QUESTIONS,
      responses: given,
      regrades: new Map([["q4", state({ kind: "drop" })]]),
      overrides: total,
    });
    expect(s).toMatchObject({ score: 3, maxScore: 3 });
  });
});

describe("correction histories", () => {
  const event = (seq: number, questionId: string, kind: RegradeEvent["kind"]): RegradeEvent => ({
    ...state({ kind }),
    seq,
    questionId,
    teacherName: "T",
  });

  it("takes the latest regrade per question, and 'back to the original' as none", () => {
    const current = currentRegrades([
      event(3, "q1", "drop"),
      event(1, "q1", "key"),
      event(2, "q2", "full_credit"),
      event(4, "q2", "original"),
    ]);
    expect([...current].map(([id, s]) => [id, s.kind])).toEqual([["q1", "drop"]]);
  });

  it("takes the latest override per question and for the attempt; an empty one ends it", () => {
    const o = (
      seq: number,
      questionId: string | null,
      score: number | null,
      comment = "",
    ): OverrideEvent => ({
      seq,
      questionId,
      score,
      comment,
      at,
      teacherName: null,
    });
    const current = currentOverrides([
      o(1, "q1", 1),
      o(2, "q1", null),
      o(3, null, 2, "Good"),
      o(4, "q2", null, "See me"),
    ]);
    expect(current.questions.has("q1")).toBe(false);
    expect(current.questions.get("q2")).toMatchObject({ score: null, comment: "See me" });
    expect(current.total).toMatchObject({ score: 2, comment: "Good" });
  });
});

describe("the regrade form's key", () => {
  const post = (fields: [string, string][]) => {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    return f;
  };

  it("reads a key as a student's answer is read, only from the question's own options", () => {
    expect(keyFromForm(single, post([["q_key", "c"]]), "")).toEqual({
      ok: true,
      answer: { type: "single", optionId: "c" },
    });
    expect(keyFromForm(single, post([["q_key", "nope"]]), "")).toMatchObject({ ok: false });
    expect(
      keyFromForm(
        multi,
        post([
          ["q_key", "z"],
          ["q_key", "x"],
          ["q_key", "evil"],
        ]),
        "",
      ),
    ).toEqual({
      ok: true,
      answer: { type: "multi", optionIds: ["z", "x"] },
    });
  });

  it("needs every matching item paired", () => {
    expect(keyFromForm(match, post([["q_key_i1", "o2"]]), "")).toMatchObject({ ok: false });
    expect(
      keyFromForm(
        match,
        post([
          ["q_key_i1", "o2"],
          ["q_key_i2", "o1"],
        ]),
        "",
      ),
    ).toMatchObject({
      ok: true,
      answer: {
        type: "match",
        pairs: [
          { itemId: "i1", optionId: "o2" },
          { itemId: "i2", optionId: "o1" },
        ],
      },
    });
  });

  it("reads typed keys one per line, the same answer once, and refuses one no typed answer could match", () => {
    expect(keyFromForm(typed, post([]), "40\n forty \n\nForty.")).toEqual({
      ok: true,
      answer: { type: "text", accepted: ["40", "forty"] },
    });
    expect(acceptedFromLines("  \n")).toMatchObject({ ok: false });
    expect(acceptedFromLines("?!")).toMatchObject({ ok: false });
  });

  it("compares keys whatever their order", () => {
    expect(sameKey({ type: "multi", optionIds: ["x", "y"] }, { type: "multi", optionIds: ["y", "x"] })).toBe(
      true,
    );
    expect(sameKey({ type: "single", optionId: "a" }, { type: "single", optionId: "b" })).toBe(false);
    expect(answerFromResponse(single, null)).toBeNull();
  });

  it("validates the form's fields at the edge", () => {
    const id = "0b9c3f4e-4a7e-4f0e-9a51-2f1f7d0c9a11";
    expect(regradeSchema.safeParse({ assignmentId: id, question: "2", kind: "drop" }).success).toBe(true);
    expect(regradeSchema.safeParse({ assignmentId: id, question: "0", kind: "drop" }).success).toBe(false);
    expect(regradeSchema.safeParse({ assignmentId: id, question: "1", kind: "delete" }).success).toBe(false);
    const score = (s: string) => overrideSchema.safeParse({ attemptId: id, score: s });
    expect(score("0,5").data?.score).toBe(0.5);
    expect(score("").data?.score).toBeNull();
    for (const bad of ["-1", "1e2", "abc", "0.125", "NaN"]) expect(score(bad).success, bad).toBe(false);
  });
});

describe("item analysis", () => {
  it("computes the corrected point-biserial, and null when either side does not vary", () => {
    // The stronger the rest of the quiz, the more often right: a strong positive correlation.
    expect(discrimination([0, 0, 1, 1], [1, 2, 3, 4])).toBe(0.89);
    expect(discrimination([1, 1, 0, 0], [1, 2, 3, 4])).toBe(-0.89);
    expect(discrimination([1, 1, 1, 1], [1, 2, 3, 4])).toBeNull();
    expect(discrimination([0, 1], [2, 2])).toBeNull();
  });

  function attemptsWith(picks: string[], rest: number[]): Map<string, SavedAnswer>[] {
    return picks.map((p, k) => {
      const right = p === "a";
      return new Map<string, SavedAnswer>([
        ["q1", { response: { optionId: p }, score: right ? 1 : 0, correct: right }],
        ["q3", { response: { optionIds: ["x", "y"] }, score: rest[k]!, correct: rest[k] === 1 }],
      ]);
    });
  }

  it("counts every option, flags distractors under 5% and a question most students missed", () => {
    // 20 attempts: 8 right (a), 12 chose b, nobody chose c.
    const picks = [...Array(8).fill("a"), ...Array(12).fill("b")] as string[];
    const rest = picks.map((p, k) => (p === "a" ? 1 : k % 2 ? 0.5 : 0));
    const [item] = analyseItems([single, multi], new Map(), attemptsWith(picks, rest));
    expect(item!.choices).toEqual([
      { text: "Ana Ruiz", count: 8, percent: 40, right: true, rare: false },
      { text: "Tom Hale", count: 12, percent: 60, right: false, rare: false },
      { text: "The clerk", count: 0, percent: 0, right: false, rare: true },
    ]);
    expect(item!.flags).toEqual(["most-missed", "rare-distractors"]);
    expect(item!.discrimination).toBeGreaterThan(0.5);
  });

  it("needs 10 attempts for discrimination and rare distractors (5 to say most missed it), and flags a key stronger students missed", () => {
    const few = analyseItems([single, multi], new Map(), attemptsWith(["a", "b", "b"], [0, 1, 1]))[0]!;
    expect(few.discrimination).toBeNull();
    expect(few.choices.some((c) => c.rare)).toBe(false);
    // Two of three missed it, but three students are too few to say "most students".
    expect(few.flags).toEqual([]);
    // Right answers only among those weakest on the rest: the key is suspect.
    const picks = [...Array(5).fill("a"), ...Array(5).fill("b")] as string[];
    const backwards = analyseItems(
      [single, multi],
      new Map(),
      attemptsWith(
        picks,
        picks.map((p) => (p === "a" ? 0 : 1)),
      ),
    )[0]!;
    expect(backwards.discrimination).toBe(-1);
    expect(backwards.flags).toContain("negative-discrimination");
  });

  it("describes a dropped question without scoring it, and writes one CSV row per question", () => {
    const regrades = new Map([["q1", state({ kind: "drop" })]]);
    const items = analyseItems([single, multi], regrades, attemptsWith(["a", "b"], [1, 0]));
    expect(items[0]).toMatchObject({ credit: "dropped", regrade: "drop", shareRight: null, flags: [] });
    const rows = itemsCsvRows(items);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(0, 3)).toEqual(["Question number", "Question", "Kind"]);
    expect(rows[1]).toContain("dropped from the score");
    expect(rows[1]).toContain("Ana Ruiz (key)");
  });
});

describe("growth", () => {
  it("says a change in points only with two scores, and small changes as about the same", () => {
    expect(changeOf(50, 70, 2)).toBe(20);
    expect(changeOf(50, null, 2)).toBeNull();
    expect(changeOf(50, 50, 1)).toBeNull();
    expect(changeWords(20)).toBe("up 20 points");
    expect(changeWords(-1)).toBe("about the same");
    expect(changeWords(-12.5)).toBe("down 12.5 points");
    expect(changeWords(null)).toBeNull();
  });
});
