import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz";
import type { ReviewEntry } from "@/lib/reviews/queries";
import { attentionOf, filterChoices, reviewFilterSchema, reviewView } from "@/lib/reviews/view";

const question = (id: string, over: Partial<Question> = {}): Question => ({
  id,
  kind: "who-said",
  skill: "attribution",
  prompt: `Prompt ${id}`,
  options: [
    { id: "a", text: "A" },
    { id: "b", text: "B" },
  ],
  answer: { type: "single", optionId: "a" },
  explanation: "",
  evidence: [],
  confidence: "high",
  notes: [],
  ...over,
});

const entry = (q: Question, over: Partial<ReviewEntry> = {}): ReviewEntry => ({
  questionId: q.id,
  question: q,
  included: true,
  inDefaultQuiz: true,
  edited: false,
  custom: false,
  evidenceText: "",
  ...over,
});

const sure = entry(question("sure"));
const check = entry(question("check", { notes: ["The speaker is named in the paragraph before."] }));
const low = entry(question("low", { kind: "system-status", skill: "systems", confidence: "low" }));
const own = entry(question("c-own", { kind: "cloze", skill: "details", notes: undefined }), { custom: true });

describe("the review's view of the bank", () => {
  it("rates a question by the generated version's confidence and notes; a teacher's own is theirs", () => {
    expect([sure, check, low, own].map(attentionOf)).toEqual(["sure", "check", "low", "sure"]);
    // An edit keeps the generated question's warning: the teacher's words do not make the reading surer.
    const edited = entry(question("e-1"), { edited: true, original: check.question });
    expect(attentionOf(edited)).toBe("check");
  });

  it("puts low confidence first, then warnings, otherwise keeping the review's order", () => {
    const second = entry(question("sure-2"));
    expect(reviewView([sure, check, second, low], {}).map((e) => e.questionId)).toEqual([
      "low",
      "check",
      "sure",
      "sure-2",
    ]);
  });

  it("filters by kind and by skill, and a kind never matches a teacher's own question", () => {
    expect(reviewView([sure, check, low, own], { kind: "who-said" }).map((e) => e.questionId)).toEqual([
      "check",
      "sure",
    ]);
    expect(reviewView([sure, low, own], { skill: "details" }).map((e) => e.questionId)).toEqual(["c-own"]);
    expect(reviewView([sure, low], { kind: "who-said", skill: "systems" })).toEqual([]);
  });

  it("reads the query leniently: an unknown or empty value shows everything", () => {
    expect(reviewFilterSchema.parse({ kind: "who-said", skill: "roles" })).toEqual({
      kind: "who-said",
      skill: "roles",
    });
    expect(reviewFilterSchema.parse({ kind: "nonsense", skill: "" })).toEqual({});
    expect(reviewFilterSchema.parse({ kind: ["who-said", "cloze"] })).toEqual({});
  });

  it("offers only the kinds and skills the bank has", () => {
    const choices = filterChoices([sure, low, own]);
    expect(choices.kinds.map((k) => k.value)).toEqual(["who-said", "system-status"]);
    expect(choices.skills.map((s) => s.value)).toEqual(["attribution", "systems", "details"]);
  });
});
