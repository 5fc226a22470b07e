import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousViolations, newAccount, signOut, signUp } from "./fixtures";

/**
 * Managing classes, assignments and articles after the fact (issue #12), as
 * a teacher and her students do it in a browser.
 */

const ARTICLE = "How much is too much";

async function createClass(teacher: Page, name: string, section = "") {
  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill(name);
  if (section) await teacher.getByLabel("Section (optional)").fill(section);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toContainText(name);
  return {
    url: teacher.url(),
    code: (await teacher.locator("p.font-mono").innerText()).trim(),
    invite: (await teacher.getByRole("link", { name: "Invite link" }).innerText()).trim(),
  };
}

async function joinWithCode(student: Page, code: string) {
  await student.goto("/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined" })).toBeVisible();
}

/** Assigns the default article to the class open on the teacher's page. */
async function assign(teacher: Page, options: { attempts?: string; timeLimit?: string } = {}) {
  const year = new Date().getFullYear() + 1;
  await teacher.getByLabel("Due").fill(`${year}-01-15T17:00`);
  await teacher.getByLabel("Attempts allowed").fill(options.attempts ?? "1");
  await teacher.getByLabel("Time limit in minutes (optional)").fill(options.timeLimit ?? "");
  await teacher.getByRole("button", { name: "Assign" }).click();
  await expect(teacher.getByText("The quiz is assigned.")).toBeVisible();
}

/** Starts the assignment as the student, answers one question and submits. */
async function submitOnce(student: Page) {
  await student.goto("/join");
  await student.getByRole("listitem").filter({ hasText: ARTICLE }).last().getByRole("link").click();
  await student.getByRole("button", { name: /Start the quiz|Try again/ }).click();
  const first = student
    .locator("fieldset")
    .filter({ has: student.getByRole("radio") })
    .first();
  await first.getByRole("radio").first().check();
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByRole("heading", { name: /^Score: / })).toBeVisible();
}

/** A datetime-local value `days` from now (17:00 UTC that day), as the browser's input takes it. */
function inDays(days: number): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T17:00`;
}

async function withoutJavaScript(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

test("classes of the same name are told apart, a student joins through the invite link, and a new code needs a confirmation", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacherContext = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const teacher = await teacherContext.newPage();
  await signUp(teacher, newAccount("teacher"));
  const first = await createClass(teacher, "World History", "Period 2");
  await createClass(teacher, "World History", "Period 4");
  await createClass(teacher, "Geography");
  await createClass(teacher, "Geography");
  await teacher.goto("/teacher");
  await expect(teacher.getByRole("link", { name: "World History · Period 2" })).toBeVisible();
  await expect(teacher.getByRole("link", { name: "World History · Period 4" })).toBeVisible();
  // Same name and no section: the day each was made tells them apart.
  await expect(teacher.getByRole("link", { name: /^Geography \(made \d+ \w+ \d{4}\)$/ })).toHaveCount(2);

  // The invite link, and its copy button.
  await teacher.goto(first.url);
  expect(first.invite).toMatch(new RegExp(`/join\\?code=${first.code.replace("-", "")}$`));
  await teacher.getByRole("button", { name: "Copy the invite link" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(first.invite);
  await expectNoSeriousViolations(teacher, "class page with the invite link");

  // A new student opens the link signed out, makes an account, and lands on the filled-in form.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto(first.invite);
  await expect(student).toHaveURL(/\/sign-in\?callbackUrl=/);
  await student.getByRole("link", { name: "Create an account" }).click();
  const account = newAccount("student");
  await student.getByLabel("Name").fill(account.name);
  await student.getByLabel("Email").fill(account.email);
  await student.getByLabel("Password").fill(account.password);
  await student.getByRole("radio", { name: "Student" }).check();
  await student.getByRole("button", { name: "Create account" }).click();
  await expect(student).toHaveURL(/\/join\?code=/);
  await expect(student.getByLabel("Join code")).toHaveValue(first.code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined World History." })).toBeVisible();
  await expect(student.getByRole("heading", { name: /World History · Period 2/ })).toBeVisible();

  // A new code: the browser will not post it until the box is ticked; then the old code and link stop working.
  await teacher.goto(first.url);
  await teacher.getByRole("button", { name: "Make a new code" }).click();
  await expect(teacher.locator("p.font-mono")).toHaveText(first.code);
  await teacher
    .getByLabel(`I understand that the code ${first.code} and its invite link stop working.`, {
      exact: false,
    })
    .check();
  await teacher.getByRole("button", { name: "Make a new code" }).click();
  await expect(teacher.getByText("A new join code is ready.")).toBeVisible();
  await expect(teacher.locator("p.font-mono")).not.toHaveText(first.code);
  const other = await (await browser.newContext()).newPage();
  await signUp(other, newAccount("student"));
  await other.goto(first.invite);
  await other.getByRole("button", { name: "Join class" }).click();
  await expect(other.getByText(/No class has that code/)).toBeVisible();
  await teacherContext.close();
  await studentContext.close();
  await other.context().close();
});

test("a teacher changes an assignment after assigning and gives one student an extension, extra time and another attempt", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const teacherContext = await browser.newContext({ timezoneId: "Europe/Paris" });
  const teacher = await teacherContext.newPage();
  await signUp(teacher, newAccount("teacher"));
  const klass = await createClass(teacher, "Period 5");
  const students = [newAccount("student"), newAccount("student")];
  const pages: Page[] = [];
  for (const account of students) {
    const page = await (await browser.newContext({ timezoneId: "Europe/Paris" })).newPage();
    await signUp(page, account);
    await joinWithCode(page, klass.code);
    pages.push(page);
  }
  const [sam, ria] = pages as [Page, Page];
  await teacher.goto(klass.url);
  await assign(teacher, { attempts: "1", timeLimit: "20" });
  await submitOnce(sam);
  await submitOnce(ria);

  // The due date moves into the past: both submissions become late.
  await teacher.goto(klass.url);
  await teacher.getByRole("link", { name: `Change ${ARTICLE}`, exact: false }).click();
  await expectNoSeriousViolations(teacher, "assignment settings");
  await teacher.getByLabel("Name (optional)").fill("Reading check 1");
  await teacher.getByLabel("Due").fill(inDays(-2));
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await expect(teacher.getByText("The settings are saved.")).toBeVisible();
  await expect(teacher.getByRole("heading", { level: 1, name: "Reading check 1" })).toBeVisible();
  await teacher.goto(`${klass.url}/gradebook`);
  await expect(teacher.getByRole("link", { name: "Reading check 1" })).toBeVisible();
  await expect(teacher.getByRole("table").getByText("Submitted late")).toHaveCount(2);

  // Sam: an extension to next month, ×1.5 time and one more attempt.
  await teacher.goto(klass.url);
  await teacher.getByRole("link", { name: "Change Reading check 1" }).click();
  await teacher.getByRole("link", { name: `Change ${students[0]!.name}'s settings` }).click();
  await expectNoSeriousViolations(teacher, "a student's own settings");
  await teacher.getByLabel(`${students[0]!.name}'s own due date (optional)`).fill(inDays(30));
  await teacher.getByLabel("Extra time").selectOption("1.5");
  await teacher.getByLabel("Extra attempts").fill("1");
  await teacher.getByRole("button", { name: `Save ${students[0]!.name}'s settings` }).click();
  await expect(teacher.getByText("The student's own settings are saved.")).toBeVisible();
  await expect(
    teacher
      .getByRole("listitem")
      .filter({ hasText: students[0]!.name })
      .getByText(/×1\.5 time \(30 minutes\)/),
  ).toBeVisible();

  await teacher.goto(`${klass.url}/gradebook`);
  const samRow = teacher.getByRole("row").filter({ hasText: students[0]!.name });
  await expect(samRow.getByText("Submitted late")).toHaveCount(0);
  await expect(samRow.getByText(/Extended to/)).toBeVisible();
  await expect(
    teacher.getByRole("row").filter({ hasText: students[1]!.name }).getByText("Submitted late"),
  ).toBeVisible();

  // Sam sees their own date, the longer time and the extra attempt, and can try again; Ria cannot.
  await sam.goto("/join");
  await sam.getByRole("link", { name: "Reading check 1" }).click();
  await expect(sam.getByText("(your own due date)")).toBeVisible();
  await expect(sam.getByText("2 allowed, 1 left")).toBeVisible();
  await expect(sam.getByText(/30 minutes \(with your extra time\)/)).toBeVisible();
  await sam.getByRole("button", { name: "Try again" }).click();
  await expect(sam.getByRole("timer")).toContainText(/Time left: (30|29):\d\d/);
  await ria.goto("/join");
  await ria.getByRole("link", { name: "Reading check 1" }).click();
  await expect(ria.getByText("One, used")).toBeVisible();
  await expect(ria.getByRole("button", { name: "Try again" })).toHaveCount(0);

  // A longer limit for everyone reaches Sam's attempt in progress at once (×1.5 of 40).
  await teacher.goto(klass.url);
  await teacher.getByRole("link", { name: "Change Reading check 1" }).click();
  await teacher.getByLabel("Time limit in minutes (optional)").fill("40");
  await teacher.getByRole("button", { name: "Save settings" }).click();
  await expect(teacher.getByText("The settings are saved.")).toBeVisible();
  await sam.reload();
  await expect(sam.getByRole("timer")).toContainText(/Time left: (60|59):\d\d/);
  for (const p of pages) await p.context().close();
  await teacherContext.close();
});

test("archiving and deleting keep students' work as promised, with confirmations that work without JavaScript", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const teacherAccount = newAccount("teacher");
  await signUp(page, teacherAccount);
  const klass = await createClass(page, "Term 1 English");
  const studentPage = await (await browser.newContext()).newPage();
  const studentAccount = newAccount("student");
  await signUp(studentPage, studentAccount);
  await joinWithCode(studentPage, klass.code);
  await page.goto(klass.url);
  await assign(page, { attempts: "2" });
  await submitOnce(studentPage);
  // A second attempt left open, so archiving has work in progress to end.
  await studentPage.goto("/join");
  await studentPage.getByRole("listitem").filter({ hasText: ARTICLE }).last().getByRole("link").click();
  await studentPage.getByRole("button", { name: "Try again" }).click();
  await expect(studentPage).toHaveURL(/\/attempts\//);

  // Axe needs scripts: the pages are checked here, then used without JavaScript.
  await page.goto(`${klass.url}/settings`);
  await expectNoSeriousViolations(page, "class settings");
  await page.goto(`${klass.url}/delete`);
  await expectNoSeriousViolations(page, "delete a class");
  const plain = await withoutJavaScript(browser, page);
  // Archive: a required box names the attempt in progress.
  await plain.goto(`${klass.url}/settings`);
  await plain.getByLabel(/1 attempt is in progress\. I understand/).check();
  await plain.getByRole("button", { name: "Archive the class" }).click();
  await expect(plain.getByText(/The class is archived/)).toBeVisible();
  await plain.goto("/teacher");
  await expect(plain.getByRole("link", { name: "Term 1 English", exact: true })).toHaveCount(0);
  await plain.getByText(/Archived classes \(1\)/).click();
  await plain.getByRole("link", { name: "Term 1 English" }).click();
  await plain.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(plain.getByRole("heading", { name: "Gradebook: Term 1 English (archived)" })).toBeVisible();
  await expect(plain.getByRole("table")).toContainText(studentAccount.name);
  // The join code no longer lets anyone in.
  const late = await (await browser.newContext()).newPage();
  await signUp(late, newAccount("student"));
  await late.goto("/join");
  await late.getByLabel("Join code").fill(klass.code);
  await late.getByRole("button", { name: "Join class" }).click();
  await expect(late.getByText(/That class is archived/)).toBeVisible();
  await late.context().close();
  await plain.goto(klass.url);
  await plain.getByRole("button", { name: "Restore the class" }).click();
  await expect(plain.getByText(/The class is back on your desk/)).toBeVisible();

  // Delete the assignment: the confirm page says what happens; the box is required; the student keeps the score.
  await plain.getByRole("link", { name: `Change ${ARTICLE}`, exact: false }).click();
  await plain.getByRole("link", { name: "Delete the assignment…" }).click();
  await expect(
    plain.getByRole("heading", { level: 1, name: `Delete ${ARTICLE}`, exact: false }),
  ).toBeVisible();
  await expect(plain.getByText(/1 student has 2 attempts \(2 submitted\)/)).toBeVisible();
  await plain.getByLabel(/I understand that 2 attempts/).check();
  await plain.getByRole("button", { name: "Delete the assignment" }).click();
  await expect(plain.getByText(/The assignment is deleted\. Students keep their own attempts/)).toBeVisible();
  await expect(plain.getByText("Nothing assigned yet.")).toBeVisible();
  await studentPage.goto("/join");
  await expect(studentPage.getByText(ARTICLE)).toHaveCount(0);
  await studentPage.goto("/progress");
  await expect(studentPage.getByText(ARTICLE).first()).toBeVisible();

  // Delete the class: the deleted assignment's attempts are still students' work, so the box is needed again.
  await plain.goto(`${klass.url}/delete`);
  await plain.getByLabel(/I understand that Term 1 English and its gradebook disappear for good/).check();
  await plain.getByRole("button", { name: "Delete the class" }).click();
  await expect(plain.getByText("The class is deleted. Its students keep their own results")).toBeVisible();
  const gone = await plain.goto(klass.url);
  expect(gone?.status()).toBe(404);
  await plain.context().close();
  await studentPage.context().close();
});

test("a teacher archives and deletes her own article; assigned work survives the delete", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("teacher"));
  await page.goto("/teacher/articles/new");
  await page.getByLabel("Title").fill("Bridge plan approved");
  await page
    .getByLabel("Article text")
    .fill(
      [
        `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
        `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
        `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour of the plan.`,
      ].join("\n\n"),
    );
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bridge plan approved" })).toBeVisible();
  const reviewUrl = page.url();
  await page.getByRole("button", { name: "Archive the article" }).click();
  await expect(page.getByText(/The article is archived/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Bridge plan approved" })).toHaveCount(0);
  await page.getByText(/Your archived articles \(1\)/).click();
  await page.getByRole("link", { name: "Bridge plan approved" }).click();
  await page.getByRole("button", { name: "Restore the article" }).click();
  await expect(page.getByText("The article is back on your desk.")).toBeVisible();

  // Assigned and answered, then deleted: the confirm step needs the box.
  const klass = await createClass(page, "Civics");
  const student = await (await browser.newContext()).newPage();
  await signUp(student, newAccount("student"));
  await joinWithCode(student, klass.code);
  await page.goto(klass.url);
  await page.getByLabel("Article").selectOption({ label: "Bridge plan approved" });
  await assign(page);
  await student.goto("/join");
  await student.getByRole("link", { name: "Bridge plan approved" }).click();
  await student.getByRole("button", { name: "Start the quiz" }).click();
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByRole("heading", { name: /^Score: / })).toBeVisible();
  const resultsUrl = student.url();

  await page.goto(reviewUrl);
  await page.getByRole("link", { name: "Delete the article…" }).click();
  await expectNoSeriousViolations(page, "delete an article");
  await page.getByLabel(/I understand that Bridge plan approved/).check();
  await page.getByRole("button", { name: "Delete the article" }).click();
  await expect(page.getByText(/The article is deleted\. Students keep their own attempts/)).toBeVisible();
  expect((await page.goto(reviewUrl))?.status()).toBe(404);
  await student.goto(resultsUrl);
  await expect(student.getByRole("heading", { name: /^Score: / })).toBeVisible();
  await student.context().close();
});

test("signing in again after the invite link keeps the code", async ({ page }) => {
  // A returning student: the sign-in page carries the invite through.
  const account = newAccount("student");
  await signUp(page, account);
  await signOut(page);
  await page.goto("/join?code=ACD479");
  await expect(page).toHaveURL(/callbackUrl=%2Fjoin%3Fcode%3DACD479/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/join\?code=ACD479$/);
  await expect(page.getByLabel("Join code")).toHaveValue("ACD-479");
});
