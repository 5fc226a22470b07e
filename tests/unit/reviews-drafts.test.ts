import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/quiz";
import {
  buildContent,
  draftFromForm,
  editedQuestionId,
  isGradable,
  type QuestionContent,
} from "@/lib/reviews/drafts";

const whoSaid: Question = {
  id: "who-said-abc",
  kind: "who-said",
  skill: "attribution",
  prompt: "Who said it?",
  options: [
    { id: "o-biden", text: "Biden" },
    { id: "o-zelensky", text: "Zelensky" },
  ],
  answer: { type: "single", optionId: "o-biden" },
  explanation: "The article quotes Biden.",
  evidence: [{ start: 0, end: 10 }],
};

describe("reading a question form", () => {
  it("pairs each option's key with its text and marks, and splits accepted answers by line", () => {
    const form = new FormData();
    form.set("prompt", "Who?");
    for (const key of ["o-biden", "new-0", "new-1"]) form.append("optionKey", key);
    form.set("optionText:o-biden", "Joe Biden");
    form.set("optionText:new-0", "Putin");
    form.set("optionText:new-1", "");
    form.append("correct", "new-0");
    form.set("accepted", "one\r\ntwo");
    form.set("$ACTION_ID_abc", "");
    expect(draftFromForm(form)).toEqual({
      prompt: "Who?",
      options: [
        { id: "o-biden", text: "Joe Biden", correct: false },
        { text: "Putin", correct: true },
        { text: "", correct: false },
      ],
      items: [],
      accepted: ["one", "two"],
      explanation: "",
    });
  });
});

describe("building a question from a draft", () => {
  it("never gives a new option the id a kept option already carries", () => {
    // "Biden" renamed to "Putin", and a new option "Biden": the generator's id for "Biden" stays with the first.
    const r = buildContent({
      shape: "single",
      base: whoSaid,
      draft: {
        prompt: "Who?",
        options: [
          { id: "o-biden", text: "Putin", correct: true },
          { id: "o-zelensky", text: "Zelensky" },
          { text: "Biden" },
          { id: "o-forged", text: "Macron" },
        ],
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const ids = r.content.options.map((o) => o.id);
    expect(ids.slice(0, 2)).toEqual(["o-biden", "o-zelensky"]);
    expect(new Set(ids).size).toBe(4);
    expect(ids).not.toContain("o-forged");
    expect(r.content.answer).toEqual({ type: "single", optionId: "o-biden" });
    expect(r.content.explanation).toBe(whoSaid.explanation);
  });

  it("derives an edited id from the original id and the content, and nothing else", () => {
    const content: QuestionContent = {
      prompt: "Who?",
      options: whoSaid.options,
      answer: whoSaid.answer,
      explanation: "",
    };
    const id = editedQuestionId(whoSaid.id, content);
    expect(editedQuestionId(whoSaid.id, { ...content, explanation: "other" })).toBe(id);
    expect(editedQuestionId("who-said-other", content)).not.toBe(id);
    expect(editedQuestionId(whoSaid.id, { ...content, prompt: "Who? " })).not.toBe(id);
  });
});

describe("a gradable question", () => {
  it("has a key among its own options, or a typed answer that can match", () => {
    expect(isGradable(whoSaid)).toBe(true);
    expect(isGradable({ ...whoSaid, answer: { type: "single", optionId: "o-nobody" } })).toBe(false);
    expect(isGradable({ ...whoSaid, answer: { type: "multi", optionIds: [] } })).toBe(false);
    expect(isGradable({ ...whoSaid, options: [], answer: { type: "text", accepted: ["?"] } })).toBe(false);
    expect(isGradable({ ...whoSaid, options: [whoSaid.options[0]!, whoSaid.options[0]!] })).toBe(false);
  });
});
