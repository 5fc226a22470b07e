import type { Question, Skill } from "@/lib/quiz/types";

/** What the app calls things, in one place each. Browser-safe. */

export const SKILL_LABELS: Record<Skill, string> = {
  attribution: "Who said what",
  systems: "Weapon systems",
  roles: "Roles",
  details: "Details",
};

export const KIND_LABELS: Record<Question["kind"], string> = {
  "who-said": "Who said it",
  "what-said": "What was said",
  "match-roles": "Match people and roles",
  "systems-sent": "Which systems were sent",
  "system-status": "What happened to a system",
  "system-category": "What kind of system",
  "true-false": "True or false",
  detail: "Detail",
  cloze: "Missing words",
  "quote-or-paraphrase": "Quote or paraphrase",
  "speaker-role": "Speaker's role",
  "not-said": "Which was not said",
};

/** A student's standing on an assignment, as the gradebook, the report and the student's own pages say it. */
export type CellStatus = "submitted" | "late" | "in_progress" | "missing" | "not_started";

export const STATUS_LABELS: Record<CellStatus, string> = {
  submitted: "Submitted",
  late: "Submitted late",
  in_progress: "In progress",
  missing: "Missing",
  not_started: "Not started",
};

/** How an attempt ended. */
export const ENDED_BY = {
  student: "Submitted by the student",
  time_limit: "Time ran out",
  closed: "Closed by the teacher",
} as const satisfies Record<"student" | "time_limit" | "closed", string>;

/** When an assignment shows students the answers. */
export const REVEAL_LABELS = {
  after_submit: "After each submission",
  after_due: "After the due date",
  after_last_attempt: "After the last attempt (the score after each)",
} as const satisfies Record<"after_submit" | "after_due" | "after_last_attempt", string>;
