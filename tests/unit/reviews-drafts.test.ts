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

const matchRoles: Question = {
  id: "match-roles-abc",
  kind: "match-roles",
  skill: "roles",
  prompt: "Match each person to their role.",
  items: [
    { id: "i-1", text: "Biden" },
    { id: "i-2", text: "Zelensky" },
  ],
  options: [
    { id: "o-1", text: "US president" },
    { id: "o-2", text: "Ukraine's president" },
  ],
  answer: {
    type: "match",
    pairs: [
      { itemId: "i-1", optionId: "o-1" },
      { itemId: "i-2", optionId: "o-2" },
    ],
  },
  explanation: "",
  evidence: [],
};

describe("editing a matching question", () => {
  it("changes only the words: the pairs, and so the key, stay", () => {
    const r = buildContent({
      shape: "match",
      base: matchRoles,
      draft: {
        prompt: "Match each person to their job.",
        items: matchRoles.items!.map((i) => ({ id: i.id, text: i.text.toUpperCase() })),
        options: matchRoles.options.map((o) => ({ id: o.id, text: `${o.text}!` })),
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.content.answer).toEqual(matchRoles.answer);
    expect(r.content.items!.map((i) => i.text)).toEqual(["BIDEN", "ZELENSKY"]);
    expect(r.content.options.map((o) => o.text)).toEqual(["US president!", "Ukraine's president!"]);
  });

  it("refuses an empty item and two options with the same words, per field", () => {
    expect(
      buildContent({
        shape: "match",
        base: matchRoles,
        draft: {
          prompt: "Match",
          items: matchRoles.items!.map((i, n) => ({ id: i.id, text: n === 0 ? "" : i.text })),
          options: matchRoles.options.map((o) => ({ id: o.id, text: "same" })),
        },
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        items: ["Every item to match needs a text."],
        options: ['Two options say the same thing: "same".'],
      },
    });
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
