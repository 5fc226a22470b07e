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
