import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations, newAccount, signUp } from "./fixtures";

test("a teacher assigns a quiz with settings; the student takes it and sees the status and hidden answers", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacherContext = await browser.newContext({ timezoneId: "Europe/Paris" });
  const studentContext = await browser.newContext({ timezoneId: "America/New_York" });
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();

  await signUp(teacher, newAccount("teacher"));
  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill("Period 2");
  await teacher.getByRole("button", { name: "Create class" }).click();
  const code = (await teacher.locator("p.font-mono").innerText()).trim();

  const studentAccount = newAccount("student");
  await signUp(student, studentAccount);
  await student.goto("/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined Period 2." })).toBeVisible();

  // Bad settings are refused field by field and nothing typed is lost.
  await teacher.reload();
  await expect(teacher.getByText("Your time zone: Europe/Paris")).toBeVisible();
  await expectNoSeriousViolations(teacher, "class page with the assign form");
  await teacher.getByLabel("Attempts allowed").fill("0");
  await teacher.getByLabel("Time limit in minutes (optional)").fill("15");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText("Allow at least 1 attempt.")).toBeVisible();
  await expect(teacher.getByLabel("Time limit in minutes (optional)")).toHaveValue("15");

  const year = new Date().getFullYear() + 1;
  await teacher.getByLabel("Due").fill(`${year}-01-15T17:00`);
  await teacher.getByLabel("Attempts allowed").fill("2");
  await teacher.getByLabel("Which attempt counts").selectOption("latest");
  await teacher.getByLabel("Show students the answers").selectOption("after_due");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText("The quiz is assigned.")).toBeVisible();
  // 17:00 in Paris, shown in the teacher's zone.
  await expect(teacher.getByText(/due .*15 Jan .*17:00/)).toBeVisible();

  await student.goto("/join");
  const row = student.getByRole("listitem").filter({ hasText: "How much is too much" }).last();
  await expect(row.getByText("Not started")).toBeVisible();
  // The same instant on a New York clock: 11:00.
  await expect(row.getByText(/Due .*15 Jan .*11:00/)).toBeVisible();
  await row.getByRole("link").click();
  await expect(student.getByText("2 allowed, 2 left")).toBeVisible();
  await expectNoSeriousViolations(student, "student assignment page");
  await expect(student.getByText(/15 minutes from when you start/)).toBeVisible();
  await student.getByRole("button", { name: "Start the quiz" }).click();
  await expect(student.getByRole("timer")).toContainText(/Time left: 1[45]:\d\d/);
  const first = student
    .locator("fieldset")
    .filter({ has: student.getByRole("radio") })
    .first();
  await first.getByRole("radio").first().check();
  await expect(student.getByText("All answers saved")).toBeVisible();
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByRole("heading", { name: "Your answers are in" })).toBeVisible();
  // The key stays on the server until the due date.
  await expect(student.getByText("Right answer")).toHaveCount(0);

  await student.goto("/join");
  await expect(
    student.getByRole("listitem").filter({ hasText: "How much is too much" }).last().getByText("Submitted"),
  ).toBeVisible();

  await teacher.reload();
  await expect(teacher.getByText("1 of 1 submitted")).toBeVisible();

  // The gradebook and its CSV.
  await teacher.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Gradebook: Period 2" })).toBeVisible();
  await expect(teacher.getByRole("table")).toContainText(studentAccount.name);
  await expectNoSeriousViolations(teacher, "gradebook");
  const csv = await teacher.request.get(teacher.url().replace(/\/gradebook$/, "/gradebook.csv"));
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8")).toContain(studentAccount.email);

  // The report: item analysis, a click to the student's attempt, then closing.
  await teacher.goBack();
  await teacher
    .getByRole("link", { name: /How much is too much/ })
    .first()
    .click();
  await expect(teacher.getByRole("heading", { name: "Question by question" })).toBeVisible();
  await expectNoSeriousViolations(teacher, "assignment report");
  const reportUrl = teacher.url();
  await teacher
    .getByRole("link", { name: /^\d+(\.\d)?% \(/ })
    .first()
    .click();
  await expect(teacher).toHaveURL(/\/teacher\/attempts\//);
  await expect(teacher.getByText(studentAccount.name).first()).toBeVisible();
  await teacher.goto(reportUrl);
  await teacher.getByRole("button", { name: "Close the assignment" }).click();
  await expect(teacher.getByText("The assignment is closed.")).toBeVisible();
  await student.goto("/join");
  await expect(student.getByText(/· closed/)).toBeVisible();
  await teacherContext.close();
  await studentContext.close();
});
