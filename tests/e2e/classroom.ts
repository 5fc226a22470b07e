import { expect, type Browser, type Page } from "@playwright/test";
import { newAccount, signUp } from "./fixtures";

/** A class, its student and an assignment, made through the pages as a teacher and a student would. */

const ARTICLE_TITLE = /How much is too much/;

async function answerEvery(page: Page) {
  const total = await page.locator("fieldset").count();
  for (let i = 0; i < total; i++) {
    const q = page.locator("fieldset").nth(i);
    if ((await q.getByRole("radio").count()) > 0) await q.getByRole("radio").first().check();
    else if ((await q.getByRole("checkbox").count()) > 0) await q.getByRole("checkbox").first().check();
    else if ((await q.getByRole("combobox").count()) > 0) {
      for (const select of await q.getByRole("combobox").all()) await select.selectOption({ index: 1 });
    } else await q.getByRole("textbox").fill("Ukraine");
  }
  return total;
}

/** A teacher with a class, a student in it, and an assignment of the shipped article with these settings. */
export async function classWithAssignment(
  browser: Browser,
  settings: { attempts?: string; reveal?: "after_submit" | "after_due" | "after_last_attempt" } = {},
) {
  const teacherContext = await browser.newContext({ timezoneId: "Europe/Paris" });
  const studentContext = await browser.newContext({ timezoneId: "Europe/Paris" });
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();
  const studentAccount = newAccount("student");
  await signUp(teacher, newAccount("teacher"));
  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill("Period 4");
  await teacher.getByRole("button", { name: "Create class" }).click();
  const code = (await teacher.locator("p.font-mono").innerText()).trim();
  await signUp(student, studentAccount);
  await student.goto("/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined Period 4." })).toBeVisible();

  await teacher.reload();
  const year = new Date().getFullYear() + 1;
  await teacher.getByLabel("Due").fill(`${year}-01-15T17:00`);
  if (settings.attempts) await teacher.getByLabel("Attempts allowed").fill(settings.attempts);
  if (settings.reveal) await teacher.getByLabel("Show students the answers").selectOption(settings.reveal);
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText("The quiz is assigned.")).toBeVisible();
  const classUrl = teacher.url().split(/[?#]/)[0]!;
  await teacher.getByRole("link", { name: ARTICLE_TITLE }).first().click();
  await expect(teacher.getByRole("heading", { name: "Question by question" })).toBeVisible();
  const reportUrl = teacher.url();
  return { teacher, student, studentAccount, classUrl, reportUrl, teacherContext, studentContext };
}

export async function takeAssignment(student: Page) {
  await student.goto("/join");
  await student.getByRole("listitem").filter({ hasText: ARTICLE_TITLE }).last().getByRole("link").click();
  await student.getByRole("button", { name: /Start the quiz|Try again/ }).click();
  await expect(student.locator("fieldset").first()).toBeVisible();
  await answerEvery(student);
  await expect(student.getByText("All answers saved")).toBeVisible();
  await student.getByRole("button", { name: /Submit (answers|anyway)/ }).click();
  await expect(student.getByRole("heading", { name: /^Score:/ })).toBeVisible();
  return student.url().split(/[?#]/)[0]!;
}
