import { expect, test, type Page } from "@playwright/test";
import { newAccount, signUp } from "./fixtures";

const ARTICLE = "/articles/us-allies-weapons-ukraine-2022-10-12";

async function answerQuestion(page: Page, index: number) {
  const q = page.locator("fieldset").nth(index);
  if ((await q.getByRole("radio").count()) > 0) await q.getByRole("radio").first().check();
  else if ((await q.getByRole("checkbox").count()) > 0) await q.getByRole("checkbox").first().check();
  else if ((await q.getByRole("combobox").count()) > 0) {
    for (const select of await q.getByRole("combobox").all()) await select.selectOption({ index: 1 });
  } else await q.getByRole("textbox").fill("Ukraine");
}

test("take a quiz: answers survive a reload, unanswered ones are named, grading points into the article", async ({
  page,
}) => {
  const student = newAccount("student");
  await signUp(page, student);
  await page.goto(ARTICLE);
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  const attemptUrl = page.url();
  await expect(page.locator("fieldset").first()).toBeVisible();
  const total = await page.locator("fieldset").count();
  expect(total).toBeGreaterThanOrEqual(5);

  // The key is not in the HTML nor in the RSC payload of the quiz page.
  const html = await (await page.request.get(attemptUrl)).text();
  const rsc = await (await page.request.get(attemptUrl, { headers: { RSC: "1" } })).text();

  await answerQuestion(page, 0);
  await expect(page.getByText("All answers saved")).toBeVisible();
  await expect(page.getByText(`1 of ${total} answered`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`1 of ${total} answered`)).toBeVisible();

  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still unanswered" })).toContainText(
    `${total - 1} questions are still unanswered`,
  );

  for (let i = 1; i < total; i++) await answerQuestion(page, i);
  await expect(page.getByText(`${total} of ${total} answered`)).toBeVisible();
  await page.getByRole("button", { name: /Submit (answers|anyway)/ }).click();

  // The percent as the teacher's gradebook shows it: one decimal (lib/format.ts).
  const score = page.getByRole("heading", { name: /^Score: [\d.]+ \/ \d+ \(\d+(\.\d)?%\)$/ });
  await expect(score).toBeVisible();
  await expect(score).toBeFocused();
  await expect(page.getByRole("heading", { name: "Who said what" })).toBeVisible();

  // Nothing the results reveal was on the quiz page before submission.
  const rightAnswers = await page.locator("dt:has-text('Right answer') + dd").allInnerTexts();
  const explanations = await page.locator("article > p.text-stone-800").allInnerTexts();
  expect(explanations.length).toBe(total);
  for (const e of explanations) {
    expect(html).not.toContain(e);
    expect(rsc).not.toContain(JSON.stringify(e).slice(1, -1));
  }
  expect(rightAnswers.length).toBe(total);

  // A submitted attempt is read-only.
  await page.goto(attemptUrl);
  await expect(page.getByRole("button", { name: "Submit answers" })).toHaveCount(0);

  await page.getByRole("link", { name: "Show in article" }).first().click();
  await expect(page).toHaveURL(/highlight=\d+-\d+/);
  await expect(page.locator("mark#evidence")).toBeVisible();
  await expect(page.locator("mark#evidence")).toBeInViewport();

  await page.goto(attemptUrl);
  await page.getByRole("button", { name: "New quiz" }).click();
  await expect(page).not.toHaveURL(attemptUrl);
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  await expect(page.locator("fieldset").first()).toBeVisible();

  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Score history" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Score history/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /How much is too much/ }).first()).toBeVisible();
});

test("another student's attempt is not found", async ({ page, browser }) => {
  const owner = newAccount("student");
  await signUp(page, owner);
  await page.goto(ARTICLE);
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const url = page.url();

  const other = await browser.newContext();
  const p2 = await other.newPage();
  await signUp(p2, newAccount("student"));
  const response = await p2.goto(url);
  expect(response?.status()).toBe(404);
  await expect(p2.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await other.close();
});

test("practice missed questions after a quiz with wrong answers", async ({ page }) => {
  await signUp(page, newAccount("student"));
  await page.goto(ARTICLE);
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page.locator("fieldset").first()).toBeVisible();
  // Submit with nothing answered: every question is missed.
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("heading", { name: /^Score: 0 \// })).toBeVisible();
  await page.getByRole("button", { name: "Practice missed questions" }).click();
  await expect(page.getByText("Practice: questions you missed")).toBeVisible();
  expect(await page.locator("fieldset").count()).toBeGreaterThan(0);
});
