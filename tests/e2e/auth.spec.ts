import { expect, test } from "@playwright/test";
import { DEMO, newAccount, signIn, signOut, signUp } from "./fixtures";

const ARTICLE_TITLE = /How much is too much\?/;

test("a student signs up, signs out, signs back in and reads the article", async ({ page }) => {
  const student = newAccount("student");
  await signUp(page, student);
  await signOut(page);

  await signIn(page, student.email.toUpperCase(), student.password);
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${student.name}`);

  await page.getByRole("link", { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: ARTICLE_TITLE })).toBeVisible();
  await expect(page.getByText("12 October 2022")).toBeVisible();
  await expect(page.getByText(/min read/)).toBeVisible();
  await expect(page.getByText(/Before Russia's February invasion of Ukraine/)).toBeVisible();
  // The date header is metadata, never shown as prose.
  await expect(page.locator("article")).not.toContainText("date 2022-10-12");
});

test("sign-up names each broken rule and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByText("Enter an email address like name@school.org.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Short Password");
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await signIn(page, DEMO.student.email, "definitely wrong");
  await expect(page.locator("form").getByRole("alert")).toContainText(
    "That email and password do not match an account.",
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("a student opening a teacher-only page is refused", async ({ page }) => {
  await signIn(page, DEMO.student.email, DEMO.student.password);
  await expect(page.getByRole("banner")).toContainText("Signed in as Demo Student");
  const response = await page.goto("/teacher");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Teacher desk" })).toHaveCount(0);
});

test("a teacher reaches the teacher desk; a signed-out visitor is sent to sign in", async ({ page }) => {
  await page.goto("/teacher");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteacher/);
  await page.getByLabel("Email").fill(DEMO.teacher.email);
  await page.getByLabel("Password").fill(DEMO.teacher.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
  await expect(page.getByRole("heading", { name: "Teacher desk" })).toBeVisible();
  await expect(page.getByRole("link", { name: ARTICLE_TITLE })).toBeVisible();
});

test("repeated failed sign-ins are throttled, and the person is told when to try again", async ({ page }) => {
  const victim = newAccount("student");
  await signUp(page, victim);
  await signOut(page);
  for (let i = 0; i < 10; i++) {
    await signIn(page, victim.email, `wrong password ${i}`);
    await expect(page.locator("form").getByRole("alert")).toContainText("do not match");
  }
  // Even the right password is refused while the account is throttled.
  await signIn(page, victim.email, victim.password);
  await expect(page.locator("form").getByRole("alert")).toContainText(
    /Too many failed sign-ins\. For your safety, try again in 1[45] minutes\./,
  );
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("sign out everywhere ends the session in another browser too", async ({ browser }) => {
  const account = newAccount("teacher");
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signUp(a, account);
  await signIn(b, account.email, account.password);
  await expect(b.getByRole("banner")).toContainText(`Signed in as ${account.name}`);

  await a.goto("/account");
  await a.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(a.getByText("You are signed out on every device.")).toBeVisible();

  await b.goto("/account");
  await expect(b).toHaveURL(/\/sign-in/);
  await expect(b.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await first.close();
  await second.close();
});
