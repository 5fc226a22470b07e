import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations, newAccount, signOut, signUp } from "./fixtures";

/** Accounts after the fact (issue #12): a teacher's password reset, and one's own name and email. */

async function signInHere(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a teacher resets a student's password (shown once, even without JavaScript); the student must choose a new one", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const teacherAccount = newAccount("teacher");
  const teacher = await (await browser.newContext()).newPage();
  await signUp(teacher, teacherAccount);
  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill("Homeroom");
  await teacher.getByRole("button", { name: "Create class" }).click();
  const code = (await teacher.locator("p.font-mono").innerText()).trim();
  const classUrl = teacher.url();

  const studentAccount = newAccount("student");
  const student = await (await browser.newContext()).newPage();
  await signUp(student, studentAccount);
  await student.goto("/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined Homeroom." })).toBeVisible();

  await teacher.goto(classUrl);
  await teacher.getByRole("link", { name: `Reset ${studentAccount.name}'s password` }).click();
  await expect(
    teacher.getByRole("heading", { name: `Reset ${studentAccount.name}'s password?` }),
  ).toBeVisible();
  await expectNoSeriousViolations(teacher, "reset a student's password");
  // Without JavaScript: the form posts, and the page that comes back holds the password once.
  const plain = await (
    await browser.newContext({
      javaScriptEnabled: false,
      storageState: await teacher.context().storageState(),
    })
  ).newPage();
  await plain.goto(teacher.url());
  await plain.getByRole("button", { name: `Reset ${studentAccount.name}'s password` }).click();
  await expect(
    plain.getByRole("heading", { name: `${studentAccount.name}'s temporary password` }),
  ).toBeVisible();
  const temporary = (await plain.locator(".font-mono.select-all").innerText()).trim();
  expect(temporary).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
  expect(plain.url()).not.toContain(temporary);
  // A reload posts the form again: nothing is reset twice, and the password handed over still works.
  await plain.reload();
  await expect(plain.getByText(/already reset from this page/)).toBeVisible();
  await expect(plain.getByText(temporary)).toHaveCount(0);
  await plain.context().close();

  // The student's session has ended; the old password no longer works.
  await student.goto("/join");
  await expect(student).toHaveURL(/\/sign-in/);
  await signInHere(student, studentAccount.email, studentAccount.password);
  await expect(student.getByText(/do not match an account/)).toBeVisible();
  await signInHere(student, studentAccount.email, temporary);
  // Every page leads to choosing a new password first.
  await expect(student).toHaveURL(/\/account\/new-password$/);
  await student.goto("/progress");
  await expect(student).toHaveURL(/\/account\/new-password$/);
  await expectNoSeriousViolations(student, "choose a new password");
  await student.getByLabel("New password", { exact: true }).fill(temporary);
  await student.getByLabel("New password again").fill(temporary);
  await student.getByRole("button", { name: "Set my new password" }).click();
  await expect(student.getByText(/not the temporary one your teacher gave you/)).toBeVisible();
  await student.getByLabel("New password", { exact: true }).fill("my very own password");
  await student.getByLabel("New password again").fill("my very own password");
  await student.getByRole("button", { name: "Set my new password" }).click();
  await expect(student.getByText(/Your new password is set/)).toBeVisible();
  await signInHere(student, studentAccount.email, "my very own password");
  // The banner can still say "Signed in" from before; leaving the sign-in page is what says it worked.
  await expect(student).not.toHaveURL(/\/sign-in/);
  await expect(student.getByRole("banner")).toContainText(`Signed in as ${studentAccount.name}`);
  await student.goto("/account");
  await expect(student.getByText(`Your teacher ${teacherAccount.name} reset your password on`)).toBeVisible();
  await teacher.context().close();
  await student.context().close();
});

test("a person changes their name, and their email only with their password; emails stay unique", async ({
  page,
  browser,
}) => {
  const other = newAccount("student");
  const otherPage = await (await browser.newContext()).newPage();
  await signUp(otherPage, other);
  await otherPage.context().close();

  const account = newAccount("teacher");
  await signUp(page, account);
  await page.goto("/account");
  await expectNoSeriousViolations(page, "account page");
  await page.getByLabel("Name", { exact: true }).fill("Ms Ana Ruiz");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Your details are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Signed in as Ms Ana Ruiz");

  const newEmail = `moved-${account.email}`;
  await page.getByLabel("Email", { exact: true }).fill(newEmail);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Enter your current password to change your email.")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(newEmail);
  await page.getByLabel("Password (needed to change your email)").fill("not my password");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(other.email.toUpperCase());
  await page.getByLabel("Password (needed to change your email)").fill(account.password);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Another account already uses this email.")).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(newEmail);
  await page.getByLabel("Password (needed to change your email)").fill(account.password);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText(/Sign in with your new email from now on/)).toBeVisible();

  // /account has a "Sign out" button per session: sign out from a page with only the header's.
  await page.goto("/");
  await signOut(page);
  await page.goto("/sign-in");
  await signInHere(page, newEmail, account.password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("banner")).toContainText("Signed in as Ms Ana Ruiz");
});
