/**
 * The quiz form's contract: what components/quiz-form.tsx renders is what
 * the server's responseFromForm reads, for every kind of question. The
 * inputs are rendered for real and "filled in" as a browser would post them.
 */
import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QuestionInputs } from "@/components/quiz-form";
import {
  answerFields,
  MAX_TEXT_ANSWER,
  responseFromForm,
  type PublicQuestion,
} from "@/lib/attempts/answer-form";
import type { Response } from "@/lib/quiz/types";

const base = { kind: "detail", skill: "details", prompt: "?" } as const;
const options = [
  { id: "o-a", text: "A" },
  { id: "o-b", text: "B" },
  { id: "o-c", text: "C" },
];
const QUESTIONS: Record<PublicQuestion["inputType"], PublicQuestion> = {
  single: { ...base, id: "q1", inputType: "single", options },
  multi: { ...base, id: "q2", inputType: "multi", options },
  text: { ...base, id: "q3", inputType: "text", options: [] },
  match: {
    ...base,
    id: "q4",
    inputType: "match",
    options,
    items: [
      { id: "i-1", text: "One" },
      { id: "i-2", text: "Two" },
    ],
  },
};

/**
 * What a browser posts from the rendered inputs once a person has answered:
 * `pick` names the option values to check or select, `type` what goes in a
 * text box. Every name and value must exist in the markup.
 */
function post(
  question: PublicQuestion,
  answer: { pick?: Record<string, string[]>; type?: string },
): FormData {
  const { document } = parseHTML(
    `<form>${renderToStaticMarkup(createElement(QuestionInputs, { question }))}</form>`,
  );
  const form = new FormData();
  for (const input of document.querySelectorAll("input")) {
    const { name, value, type } = input as unknown as { name: string; value: string; type: string };
    if (type === "text") {
      expect(Number(input.getAttribute("maxlength") ?? input.getAttribute("maxLength"))).toBe(
        MAX_TEXT_ANSWER,
      );
      form.append(name, answer.type ?? "");
    } else if (answer.pick?.[name]?.includes(value)) form.append(name, value);
  }
  for (const select of document.querySelectorAll("select")) {
    const name = select.getAttribute("name")!;
    const values = [...select.querySelectorAll("option")].map((o) => o.getAttribute("value"));
    const chosen = answer.pick?.[name]?.[0] ?? "";
    expect(values).toContain(chosen);
    form.append(name, chosen);
  }
  return form;
}

const cases: [PublicQuestion, Parameters<typeof post>[1], Response | null][] = [
  [QUESTIONS.single, { pick: { q_q1: ["o-b"] } }, { optionId: "o-b" }],
  [QUESTIONS.single, {}, null],
  [QUESTIONS.multi, { pick: { q_q2: ["o-a", "o-c"] } }, { optionIds: ["o-a", "o-c"] }],
  [QUESTIONS.multi, {}, null],
  [QUESTIONS.text, { type: "  Ana Ruiz  " }, { text: "Ana Ruiz" }],
  [QUESTIONS.text, { type: "   " }, null],
  [
    QUESTIONS.match,
    { pick: { "q_q4_i-1": ["o-c"], "q_q4_i-2": ["o-a"] } },
    {
      pairs: [
        { itemId: "i-1", optionId: "o-c" },
        { itemId: "i-2", optionId: "o-a" },
      ],
    },
  ],
  [QUESTIONS.match, { pick: { "q_q4_i-1": ["o-b"] } }, { pairs: [{ itemId: "i-1", optionId: "o-b" }] }],
  [QUESTIONS.match, {}, null],
];

describe("the quiz form's encoding and the server's decoding", () => {
  it.each(cases.map(([q, a, r]) => [q.inputType, JSON.stringify(a), q, a, r] as const))(
    "agree for a %s question answered %s",
    (_type, _answer, question, answer, expected) => {
      const form = post(question, answer);
      expect(responseFromForm(question, form)).toEqual(expected);
      // Autosave sends only the question's own fields: they decode to the same answer.
      const own = new FormData();
      for (const [k, v] of answerFields(question, form)) own.append(k, v);
      expect(responseFromForm(question, own)).toEqual(expected);
    },
  );

  it("keeps a typed answer to the length the input allows", () => {
    const form = post(QUESTIONS.text, { type: "x".repeat(MAX_TEXT_ANSWER + 50) });
    expect(responseFromForm(QUESTIONS.text, form)).toEqual({ text: "x".repeat(MAX_TEXT_ANSWER) });
  });
});
