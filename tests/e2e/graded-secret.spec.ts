import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { newAccount, signUp } from "./fixtures";
import { hiddenFieldsOf, postForm, textOf } from "./forms";

/**
 * Graded quizzes stay secret (issues #12 and #14, finding 2). The attack:
 * the first self-study quiz of an article is the default quiz, the same
 * questions as an untouched assignment, and 25 "New quiz" runs gave away 98
 * of 117 bank questions with their keys. This harvests every way self-study
 * could show a question with its key, as the student of an open assignment,
 * and finds none of the assignment's; then, as a control, the same harvest
 * once the assignment is done finds them.
 */

const SHIPPED = { slug: "us-allies-weapons-ukraine-2022-10-12", title: "How much is too much?" };
const OWN_TEXT = [
  `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
  `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
  `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour of the plan.`,
  `"We cannot afford it," said council member Rosa Lind, who voted against it, adding that schools needed the money more.`,
].join("\n\n");

/** The prompts of an assignment, from the teacher's answer key. */
async function assignmentPrompts(teacher: Page, assignmentId: string): Promise<string[]> {
  await teacher.goto(`/teacher/assignments/${assignmentId}/answer-key`);
  const prompts = await teacher.locator("main ol > li > p.font-medium").allInnerTexts();
  expect(prompts.length).toBeGreaterThan(0);
  return prompts.map((p) => p.replace(/^\d+\.\s*/, "").trim());
}

/** Every prompt a self-study results page shows with its right answer. */
async function harvestResults(api: APIRequestContext, attemptUrl: string): Promise<string[]> {
  const html = await (await api.get(attemptUrl)).text();
  if (!html.includes("Right answer")) return [];
  return [...html.matchAll(/<p class="font-medium">([^<]+)<\/p>/g)].map((m) => textOf(m[1]!).trim());
}

/** What an attacker does with a self-study attempt: submit it blank, then read its key. */
async function submitAndHarvest(page: Page, attemptUrl: string): Promise<string[]> {
  await page.goto(attemptUrl);
  const submit = page.getByRole("button", { name: "Submit answers" });
  if (await submit.isVisible()) {
    await submit.click();
    await page.getByRole("button", { name: "Submit anyway" }).click();
    await page.waitForURL(/submitted=1/);
  }
  return harvestResults(page.request, page.url().split("#")[0]!);
}

test("self-study harvests no question or key of an open assignment, on shipped and teacher articles alike", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const teacherContext = await browser.newContext();
  const studentContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const student = await studentContext.newPage();

  await signUp(teacher, newAccount("teacher"));
  await teacher.goto("/teacher/articles/new");
  await teacher.getByLabel("Title").fill("Bridge vote");
  await teacher.getByLabel("Article text").fill(OWN_TEXT);
  await teacher.getByRole("button", { name: "Add article" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Bridge vote" })).toBeVisible();
  const ownSlug = teacher.url().split("/").at(-1)!.split("?")[0]!;
  await teacher.goto("/teacher/articles/new");
  await teacher.getByLabel("Title").fill("Practice only");
  await teacher.getByLabel("Article text").fill(OWN_TEXT.replace("bridge", "tunnel"));
  await teacher.getByRole("button", { name: "Add article" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Practice only" })).toBeVisible();

  await teacher.goto("/teacher");
  await teacher.getByLabel("New class name").fill("Period 4");
  await teacher.getByRole("button", { name: "Create class" }).click();
  const code = (await teacher.locator("p.font-mono").innerText()).trim();
  const classUrl = teacher.url();
  const articleIds: Record<string, string> = {};
  for (const option of await teacher.locator("#field-articleId option").all())
    articleIds[(await option.innerText()).trim()] = (await option.getAttribute("value"))!;
  const idOf = (title: string) => Object.entries(articleIds).find(([label]) => label.startsWith(title))![1];
  const year = new Date().getFullYear() + 1;
  const assignmentIds: Record<string, string> = {};
  for (const title of [SHIPPED.title, "Bridge vote"]) {
    await teacher.goto(classUrl);
    const details = teacher.locator("details").filter({ hasText: "Assign a quiz" });
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    await teacher.getByLabel("Article").selectOption(idOf(title));
    await teacher.getByLabel("Due").fill(`${year}-06-15T17:00`);
    await teacher.getByRole("button", { name: "Assign" }).click();
    await expect(teacher.getByText("The quiz is assigned.")).toBeVisible();
    const link = teacher.getByRole("link", { name: title }).first();
    assignmentIds[title] = (await link.getAttribute("href"))!.split("/").at(-1)!;
  }
  const secret = {
    [SHIPPED.slug]: await assignmentPrompts(teacher, assignmentIds[SHIPPED.title]!),
    [ownSlug]: await assignmentPrompts(teacher, assignmentIds["Bridge vote"]!),
  };

  await signUp(student, newAccount("student"));
  await student.goto("/join");
  await student.getByLabel("Join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You joined Period 4." })).toBeVisible();
  const api = student.request;
  // The self-study buttons' hidden fields, from an article with no assignment (the same action for all).
  const practiceSlug = (await (async () => {
    await student.goto("/");
    return (await student
      .getByRole("link", { name: /Practice only/ })
      .first()
      .getAttribute("href"))!
      .split("/")
      .at(-1)!;
  })())!;
  const hidden = await hiddenFieldsOf(api, `/articles/${practiceSlug}`, "mode");

  const targets = [
    { slug: SHIPPED.slug, articleId: idOf(SHIPPED.title), title: SHIPPED.title },
    { slug: ownSlug, articleId: idOf("Bridge vote"), title: "Bridge vote" },
  ];
  for (const target of targets) {
    // What the page offers: no quiz, a way to the assignment.
    await student.goto(`/articles/${target.slug}`);
    await expect(student.getByText("You have an assignment on this article.")).toBeVisible();
    await expect(student.getByRole("button", { name: /Take the quiz|New quiz|Practice missed/ })).toHaveCount(
      0,
    );
    await expect(student.getByRole("link", { name: "Go to the assignment" })).toBeVisible();

    // What forged posts get: 25 of each kind, as the attack made "New quiz" runs, each
    // attempt submitted and its key read.
    const harvested = new Set<string>();
    const answers: string[] = [];
    for (const mode of ["take", "fresh", "practice"] as const)
      for (let i = 0; i < 25; i++) {
        const response = await postForm(
          api,
          `/articles/${target.slug}`,
          hidden,
          { articleId: target.articleId, slug: target.slug, mode },
          baseURL!,
        );
        expect(response.status()).toBe(303);
        const location = new URL(response.headers().location!, baseURL).toString();
        answers.push(location);
        if (location.includes("/attempts/"))
          for (const p of await submitAndHarvest(student, location)) harvested.add(p);
      }
    expect([...harvested].filter((p) => secret[target.slug]!.includes(p))).toEqual([]);
    expect(harvested.size).toBe(0);
    expect(answers.every((a) => a.includes("notice=self-study-locked"))).toBe(true);
  }

  // Control: once the assignment on the teacher's article is submitted (answers shown on submit),
  // self-study opens and the same harvest finds the assignment's questions in its first quiz.
  await student.goto(`/assignments/${assignmentIds["Bridge vote"]}`);
  await student.getByRole("button", { name: "Start the quiz" }).click();
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByRole("heading", { name: /^Score:/ })).toBeVisible();
  await student.goto(`/articles/${ownSlug}`);
  await student.getByRole("button", { name: "Take the quiz" }).click();
  await expect(student).toHaveURL(/\/attempts\//);
  await student.getByRole("button", { name: "Submit answers" }).click();
  await student.getByRole("button", { name: "Submit anyway" }).click();
  await expect(student.getByRole("heading", { name: /^Score:/ })).toBeVisible();
  const found = await harvestResults(api, student.url());
  expect(found.filter((p) => secret[ownSlug]!.includes(p)).length).toBeGreaterThan(0);

  await teacherContext.close();
  await studentContext.close();
});
