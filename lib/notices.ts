/**
 * Every message a page shows after an action sent it there with `?notice=`:
 * one key, one sentence, one tone. Actions name a key (typed), pages read the
 * query through `noticeFor`, so an unknown or crafted key shows nothing and
 * the same outcome is worded the same everywhere. Browser-safe.
 */
const NOTICES = {
  // Accounts
  "account-created": { tone: "success", text: "Your account is ready. Sign in to start." },
  "password-changed": {
    tone: "success",
    text: "Your password is changed and every session has ended. Sign in with your new password.",
  },
  "password-chosen": {
    tone: "success",
    text: "Your new password is set and every session has ended. Sign in with it.",
  },
  "signed-out-everywhere": { tone: "success", text: "You are signed out on every device." },
  "session-ended": { tone: "success", text: "That session has ended: the browser it was on is signed out." },
  // Classes
  "code-changed": {
    tone: "success",
    text: "A new join code is ready. The old one no longer works; students already in the class stay in it.",
  },
  "student-removed": {
    tone: "success",
    text: "The student was removed from the class. They can join again with the code.",
  },
  "student-kept-out": {
    tone: "success",
    text: "The student was removed from the class and cannot join again with the code.",
  },
  "student-let-back": { tone: "success", text: "The student can join the class again with the code." },
  "quiz-assigned": { tone: "success", text: "The quiz is assigned. Students of the class see it now." },
  // Assignments, as the teacher sees them
  "assignment-closed": {
    tone: "success",
    text: "The assignment is closed. Open attempts were graded with what they had saved.",
  },
  "assignment-reopened": {
    tone: "success",
    text: "The assignment is open again. Late work is accepted and marked late.",
  },
  // Corrections after students answered (regrades, a teacher's own scores)
  "question-regraded": {
    tone: "success",
    text: "The question is regraded: every submitted attempt was graded again, and students see the change with their results.",
  },
  "score-set": {
    tone: "success",
    text: "The score is saved. The student sees it, with your comment, on their results.",
  },
  // Assignments, as the student sees them
  "closed-by-teacher": {
    tone: "warning",
    text: "Your teacher has closed this assignment, so no new attempt can start.",
  },
  "no-attempts-left": { tone: "warning", text: "You have used all the attempts this assignment allows." },
  // Quizzes
  "no-practice-questions": {
    tone: "warning",
    text: "There are no questions to practise yet: take a quiz first, or you have answered everything right since.",
  },
  "answers-saved": { tone: "success", text: "Your answers are saved." },
  "self-study-locked": {
    tone: "warning",
    text: "Practice on this article is closed while your assignment on it is open: finish the assignment first.",
  },
  // Question review
  "question-on": { tone: "success", text: "The question is in the quiz now." },
  "question-off": { tone: "success", text: "The question is off: it will not be assigned." },
  "question-saved": { tone: "success", text: "Your edit is saved." },
  "question-reset": { tone: "success", text: "The question is back to the generated version." },
  "question-added": { tone: "success", text: "Your question is added and in the quiz." },
  "question-deleted": { tone: "success", text: "Your question is deleted." },
  "details-saved": { tone: "success", text: "The article's details are saved." },
  // Managing classes, assignments and articles (issue #12)
  "confirm-first": {
    tone: "warning",
    text: "Nothing was changed: tick the box to confirm that you understand what this does to students' work.",
  },
  "confirm-code-change": {
    tone: "warning",
    text: "The code was not changed: tick the box to confirm that the old code and invite link stop working.",
  },
  "class-saved": { tone: "success", text: "The class's name is saved." },
  "class-archived": {
    tone: "success",
    text: "The class is archived: it is off your desk, its assignments are closed and its join code no longer works. Its gradebook stays.",
  },
  "class-restored": {
    tone: "success",
    text: "The class is back on your desk. Its assignments stay closed until you reopen them.",
  },
  "class-deleted": { tone: "success", text: "The class is deleted." },
  "class-deleted-kept": {
    tone: "success",
    text: "The class is deleted. Its students keep their own results in their history.",
  },
  "assignment-saved": {
    tone: "success",
    text: "The settings are saved. Late marks follow the new due date, and attempts in progress have the new time.",
  },
  "assignment-archived": {
    tone: "success",
    text: "The assignment is archived and closed. It stays in the gradebook.",
  },
  "assignment-restored": {
    tone: "success",
    text: "The assignment is back on the class's list. It stays closed until you reopen it.",
  },
  "assignment-deleted": { tone: "success", text: "The assignment is deleted." },
  "assignment-deleted-kept": {
    tone: "success",
    text: "The assignment is deleted. Students keep their own attempts in their history.",
  },
  "extension-saved": { tone: "success", text: "The student's own settings are saved." },
  "extension-removed": { tone: "success", text: "The student has the class's settings again." },
  "article-archived": {
    tone: "success",
    text: "The article is archived: it is off your desk and the assign form. Where it is assigned, students still read it.",
  },
  "article-restored": { tone: "success", text: "The article is back on your desk." },
  "article-deleted": { tone: "success", text: "The article is deleted." },
  "article-deleted-kept": {
    tone: "success",
    text: "The article is deleted. Students keep their own attempts in their history.",
  },
  // Any button whose action could not finish (the database did not answer)
  "try-again": {
    tone: "error",
    text: "That did not go through: the server could not finish it just now. Nothing was changed; please try again.",
  },
} as const satisfies Record<string, { tone: "success" | "warning" | "error"; text: string }>;

export type NoticeKey = keyof typeof NOTICES;
export type NoticeTone = (typeof NOTICES)[NoticeKey]["tone"];

const isNoticeKey = (value: unknown): value is NoticeKey =>
  typeof value === "string" && Object.prototype.hasOwnProperty.call(NOTICES, value);

/** The notice a page's `?notice=` names, or undefined for none or an unknown key. */
export function noticeFor(
  query: Record<string, string | string[] | undefined>,
): { tone: NoticeTone; text: string } | undefined {
  return isNoticeKey(query.notice) ? NOTICES[query.notice] : undefined;
}

/** A path with a notice for the page it leads to, and an optional fragment. */
export function withNotice(path: string, key: NoticeKey, fragment?: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${key}${fragment ? `#${encodeURIComponent(fragment)}` : ""}`;
}
