import type { Option, Skill } from "@/lib/quiz/types";

/** The review's limits and names, free of Node so the browser's form code can share them. */

export const REVIEW_LIMITS = {
  prompt: 500,
  option: 200,
  minOptions: 2,
  maxOptions: 6,
  maxAccepted: 10,
  accepted: 200,
  explanation: 500,
} as const;

export const SKILLS = ["attribution", "systems", "roles", "details"] as const satisfies readonly Skill[];

export const CUSTOM_TYPES = ["single", "multi", "true-false", "text"] as const;
export type CustomQuestionType = (typeof CUSTOM_TYPES)[number];

export const CUSTOM_TYPE_LABELS: Record<CustomQuestionType, string> = {
  single: "Multiple choice (one right answer)",
  multi: "Multiple select (one or more right answers)",
  "true-false": "True or false",
  text: "Short text answer",
};

/** What the edit form can change, by the question's shape. */
export type DraftShape = "single" | "multi" | "true-false" | "text" | "match";

/** True and False for the teacher's own true/false questions, in that order. */
export const TRUE_FALSE_OPTIONS: readonly Option[] = [
  { id: "o-true", text: "True" },
  { id: "o-false", text: "False" },
];
