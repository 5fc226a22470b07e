import { expect, test, type Browser, type Page } from "@playwright/test";
import { formTemplate } from "../../bench/quiz-form-post";
import { newAccount, signUp } from "./fixtures";

/**
 * Forms work without JavaScript: both bindings of the action pipeline are
 * plain form posts. Signing up needs a browser with JavaScript; everything
 * after it here runs in one without.
 */
async function withoutJavaScript(browser: Browser, page: Page): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

test("a quiz is started, saved and submitted without JavaScript", async ({ browser, page }) => {
  await signUp(page, newAccount("student"));
  const plain = await withoutJavaScript(browser, page);
  await plain.goto("/articles/us-allies-weapons-ukraine-2022-10-12");
  await plain.getByRole("button", { name: "Take the quiz" }).click();
  await expect(plain).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  // The bench and the fault tests post "Submit answers" from this template: it must still read.
  const template = formTemplate(await plain.content());
  expect(template.some((e) => Array.isArray(e) && /^\$ACTION_(ID|REF)_/.test(e[0]))).toBe(true);
  const first = plain.locator("fieldset").first();
  await first.getByRole("radio").first().check();
  await plain.getByRole("button", { name: "Save answers" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "Your answers are saved." })).toBeVisible();
  await expect(plain.locator("fieldset").first().getByRole("radio").first()).toBeChecked();
  await plain.getByRole("button", { name: "Submit answers" }).click();
  await expect(plain.getByRole("alert").filter({ hasText: "still unanswered" })).toBeVisible();
  await plain.getByRole("button", { name: "Submit anyway" }).click();
  await expect(plain).toHaveURL(/submitted=1/);
  await expect(plain.getByRole("heading", { name: /^Score: / })).toBeVisible();
  await plain.context().close();
});

test("a form with a mistake comes back with the message and what was typed, without JavaScript", async ({
  browser,
  page,
}) => {
  await signUp(page, newAccount("teacher"));
  const plain = await withoutJavaScript(browser, page);
  await plain.goto("/teacher/articles/new");
  await plain.getByLabel("Title").fill("A title worth keeping");
  await plain.getByLabel("Article text").fill("Too short to be an article.");
  await plain.getByRole("button", { name: "Add article" }).click();
  await expect(plain.getByText(/We found only \d+ words/)).toBeVisible();
  await expect(plain.getByLabel("Title")).toHaveValue("A title worth keeping");
  await expect(plain.getByLabel("Article text")).toHaveValue("Too short to be an article.");
  await plain.goto("/teacher");
  await plain.getByLabel("New class name").fill("Year 9 without scripts");
  await plain.getByRole("button", { name: "Create class" }).click();
  await expect(plain.getByRole("heading", { name: "Year 9 without scripts" })).toBeVisible();
  await plain.context().close();
});
