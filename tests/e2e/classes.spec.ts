import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./fixtures";

test("a teacher creates a class, a student joins with the code, the teacher sees them and can remove them", async ({
  browser,
}) => {
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();
  const studentAccount = newAccount("student");

  await signUp(teacher, newAccount("teacher"));
  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill("Year 10 History");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Year 10 History" })).toBeVisible();
  const code = (await teacher.locator("p.font-mono").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

  await signUp(student, studentAccount);
  await student.getByRole("link", { name: "Classes" }).click();
  await student.getByLabel("Join code").fill("nope");
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByText(/A join code has 6 letters and digits/)).toBeVisible();
  await student.getByLabel("Join code").fill(code.toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined Year 10 History." })).toBeVisible();
  await expect(student.getByRole("listitem").filter({ hasText: "Year 10 History" })).toBeVisible();

  // A student cannot open the teacher's class page.
  const refused = await student.goto(teacher.url());
  expect(refused?.status()).toBe(403);

  await teacher.reload();
  await expect(teacher.getByRole("cell", { name: studentAccount.name, exact: true })).toBeVisible();
  await teacher.getByRole("button", { name: `Remove ${studentAccount.name} from Year 10 History` }).click();
  await expect(teacher.getByText("The student was removed from the class.")).toBeVisible();
  await expect(teacher.getByRole("cell", { name: studentAccount.name, exact: true })).toHaveCount(0);
  await teacherContext.close();
  await studentContext.close();
});

test("a teacher pastes an article, reviews its questions, and it stays hidden from students outside the class", async ({
  browser,
}) => {
  const teacherContext = await browser.newContext();
  const outsiderContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const outsider = await outsiderContext.newPage();
  await signUp(teacher, newAccount("teacher"));
  await teacher.goto("/teacher/articles/new");
  await teacher.getByRole("button", { name: "Add article" }).click();
  await expect(teacher.getByText("Paste the article, or choose a file.")).toBeVisible();

  const story = [
    `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
    `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
    `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour.`,
    `Critics said the money would be better spent on schools. <script>alert(1)</script>`,
  ].join("\n\n");
  await teacher.getByLabel("Title").fill("Bridge plan approved");
  await teacher.getByLabel("Article text").fill(story);
  await teacher.getByRole("button", { name: "Add article" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Bridge plan approved" })).toBeVisible();
  await expect(teacher.getByText(/\d+ questions · \d+ speakers/)).toBeVisible();
  await expect(teacher.getByText("Answer:").first()).toBeVisible();
  const articleUrl = await teacher.getByRole("link", { name: "read the article" }).getAttribute("href");

  await signUp(outsider, newAccount("student"));
  const response = await outsider.goto(articleUrl!);
  expect(response?.status()).toBe(404);
  await teacherContext.close();
  await outsiderContext.close();
});
