/**
 * Issue #12, what a person sees: the polish found on the way (scrolling,
 * narrow screens, the chart, time zones, headings, uploads, the icon, the
 * Late mark, the Create class button, "Sign in instead"), a new teacher's
 * first stop, the demo class, and the way back from an article to the
 * assignment or the results it was opened from.
 */
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoSeriousViolations, newAccount, signIn, signOut, signUp } from "./fixtures";

const ARTICLE = "/articles/us-allies-weapons-ukraine-2022-10-12";
const DEMO_CLASS = "Demo class: Year 10 current affairs";

/** The page fits its width: nothing makes the document itself scroll sideways. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const [scroll, client] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  expect(scroll, `${what} is ${scroll}px wide in a ${client}px window`).toBeLessThanOrEqual(client);
}

/** Signs in and waits until the session is there (the form signs in from script). */
async function signedIn(page: Page, who: { email: string; password: string }) {
  await signIn(page, who.email, who.password);
  await expect(page.getByRole("banner")).toContainText("Signed in as");
}

/** Console errors and uncaught page errors (a hydration mismatch is both). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

async function submitEmptyQuiz(page: Page) {
  await page.goto(ARTICLE);
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page.locator("fieldset").first()).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("button", { name: "Submit anyway" }).click();
  await expect(page.getByRole("heading", { name: /^Score: 0 \// })).toBeVisible();
}

test("the unanswered list scrolls a question's prompt into view below the sticky progress bar", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 740 });
  await signUp(page, newAccount("student"));
  await page.goto(ARTICLE);
  await page.getByRole("button", { name: "Take the quiz" }).click();
  await expect(page.locator("fieldset").first()).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await page.getByRole("alert").getByRole("link", { name: "Question 5", exact: true }).click();
  await expect(page).toHaveURL(/#question-/);
  const bar = await page.locator("form > div.sticky").boundingBox();
  const prompt = await page.locator("fieldset").nth(4).locator("legend").boundingBox();
  expect(bar && prompt).toBeTruthy();
  // The prompt starts below the bar's bottom edge (it used to start under it, hidden).
  expect(prompt!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height);
  await expect(page.locator("fieldset").nth(4).locator("legend")).toBeInViewport();
});

test("'Show in article' from results keeps a way back to that result, and /progress shows times and dates in the viewer's zone without a hydration error", async ({
  browser,
}) => {
  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await signUp(page, newAccount("student"));
  await submitEmptyQuiz(page);
  const results = page.url().replace(/\?.*$/, "");

  const show = page.getByRole("link", { name: "Show in article" }).nth(2);
  const n = new URL(`http://x${(await show.getAttribute("href"))!}`).searchParams.get("q");
  await show.click();
  await expect(page.locator("mark#evidence")).toBeInViewport();
  const back = page.getByRole("status").getByRole("link", { name: "Back to your results" });
  await expect(back).toBeInViewport();
  await back.click();
  await expect(page).toHaveURL(`${results}#result-${n}`);
  await expect(page.locator(`#result-${n}`)).toBeInViewport();

  // Times are on the browser's clock (Tokyo is GMT+9 all year), on the article page and on /progress.
  await page.goto(ARTICLE);
  await expect(page.getByRole("link", { name: /GMT\+9: 0 \/ \d+/ })).toBeVisible();
  errors.length = 0;
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Practice", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /GMT\+9 · How much is too much/ })).toBeVisible();
  const today = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Tokyo",
    day: "numeric",
    month: "short",
  }).format(new Date());
  await expect(page.locator("[data-axis-date] text")).toHaveText([today]);
  await expect(
    page.getByRole("img", { name: new RegExp(`^Score history of your practice: ${today} 0%$`) }),
  ).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Practice", exact: true })).toBeVisible();
  expect(errors.filter((e) => /hydrat|#418|did not match/i.test(e))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test("at 390 px, /progress, the class roster, the assignment report and the gradebook fit the screen; the Late mark is an icon", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signedIn(page, DEMO.teacher);
  await expect(page).toHaveURL(/\/teacher$/);
  await page.getByRole("link", { name: DEMO_CLASS }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_CLASS })).toBeVisible();
  await expect(page.getByRole("region", { name: `Students of ${DEMO_CLASS}` })).toBeVisible();
  await expectNoSidewaysScroll(page, "the class page");
  // The roster scrolls inside its own region, with the names kept in view.
  const roster = page.getByRole("region", { name: `Students of ${DEMO_CLASS}` });
  await roster.scrollIntoViewIfNeeded();
  await roster.evaluate((el) => el.scrollBy(400, 0));
  expect(await roster.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const name = roster.getByRole("cell", { name: "Demo Student", exact: true });
  await name.scrollIntoViewIfNeeded();
  expect(await roster.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  const [box, frame] = [(await name.boundingBox())!, (await roster.boundingBox())!];
  expect(box.x).toBeGreaterThanOrEqual(frame.x);

  await page.getByRole("link", { name: /How much is too much/ }).click();
  await expect(page.getByRole("heading", { name: "Where the class stands" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the assignment report");

  await page.getByRole("link", { name: "Gradebook" }).first().click();
  await expect(page.getByText("Submitted late").first()).toBeVisible();
  await expectNoSidewaysScroll(page, "the gradebook");
  const late = page.locator("td").filter({ hasText: "Submitted late" }).first();
  await expect(late.locator("svg")).toHaveCount(1);
  expect(await late.innerText()).not.toMatch(/\p{Extended_Pictographic}/u);

  await signOut(page);
  await signedIn(page, DEMO.student);
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Assigned work" })).toBeVisible();
  await expectNoSidewaysScroll(page, "/progress");
  await expectNoSeriousViolations(page, "progress at 390 px");
  await context.close();
});

test("the demo student reads the assigned article and is led back to the assignment, which counts, not to practice", async ({
  page,
}) => {
  await signedIn(page, DEMO.student);
  await page.goto("/progress");
  const assigned = page.getByRole("region", { name: "Assigned work" });
  await expect(assigned.getByText(DEMO_CLASS, { exact: false })).toBeVisible();
  // The counting score, shown (the demo assignment shows answers on submitting).
  await expect(assigned.getByText(/^\d+ \/ \d+ \([\d.]+%\)$/)).toBeVisible();
  await assigned.getByRole("link", { name: /How much is too much/ }).click();
  await expect(page).toHaveURL(/\/assignments\//);
  const assignment = page.url();
  // Two attempts allowed: which one counts is said; with one it would not be.
  await expect(page.getByText("2 allowed, 1 left · your best attempt counts")).toBeVisible();
  await expect(page.getByText("15 minutes from when you start")).toBeVisible();

  await page.getByRole("link", { name: "Read the article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /How much is too much/ })).toBeVisible();
  await expect(page.getByText(`You are reading this for an assignment in ${DEMO_CLASS}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Take the quiz" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the assignment" }).last().click();
  await expect(page).toHaveURL(assignment);
});

test("a new teacher goes to the desk, which says what to do first; the Create class button lines up with its input", async ({
  page,
}) => {
  await signUp(page, newAccount("teacher"));
  await expect(page).toHaveURL(/\/teacher$/);
  const steps = page.getByRole("region", { name: /Start here/ });
  await expect(steps).toContainText("Create a class");
  await expect(steps).toContainText("Share its join code");
  await expect(steps).toContainText("Assign a quiz");
  await expectNoSeriousViolations(page, "a new teacher's desk");

  const aligned = async () => {
    const input = (await page.getByLabel("New class name").boundingBox())!;
    const button = (await page.getByRole("button", { name: "Create class" }).boundingBox())!;
    expect(Math.abs(input.y - button.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(input.y + input.height - (button.y + button.height))).toBeLessThanOrEqual(1);
  };
  await aligned();
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByText("Give the class a name.")).toBeVisible();
  await aligned();

  // The public home page sends a teacher back to the desk.
  await page.goto("/");
  await page.getByRole("link", { name: "Go to your Teacher desk" }).click();
  await expect(page).toHaveURL(/\/teacher$/);
});

test("an email already signed up offers 'Sign in instead' as a link, with the email filled in", async ({
  page,
}) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Again");
  await page.getByLabel("Email").fill(DEMO.student.email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();
  await page.getByRole("link", { name: "Sign in instead" }).click();
  await expect(page).toHaveURL(/\/sign-in\?email=/);
  await expect(page.getByLabel("Email")).toHaveValue(DEMO.student.email);
});

test("a pasted Markdown heading is a heading; a PDF upload says to copy and paste its text", async ({
  page,
}) => {
  await signUp(page, newAccount("teacher"));
  await page.goto("/teacher/articles/new");
  await expect(page.getByText("For a PDF, open the PDF, select the article's text")).toBeVisible();
  await page.getByLabel("Title").fill("Markdown council");
  await page.getByLabel("…or upload a .txt or .html file (at most 2 MB)").setInputFiles({
    name: "article.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.7\n%%EOF"),
  });
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(
    page.getByText("We cannot read PDF files: open the PDF, select the article's text"),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Markdown council");

  await page.getByLabel("…or upload a .txt or .html file (at most 2 MB)").setInputFiles([]);
  await page
    .getByLabel("Article text")
    .fill(
      [
        `"We will open the new bridge in spring," Mayor Ana Ruiz said on Tuesday.`,
        "### Who voted for it?",
        `The city council approved the $40 million plan by seven votes to two, according to the clerk's office.`,
        `"It is the biggest project this city has seen in a generation," said council member Tom Hale, who voted in favour of the plan.`,
      ].join("\n\n"),
    );
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page).toHaveURL(/\/teacher\/articles\/markdown-council-/);
  const slug = new URL(page.url()).pathname.split("/").pop();
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { level: 3, name: "Who voted for it?" })).toBeVisible();
  await expect(page.locator("article")).not.toContainText("###");
});

test("every page has an icon: no favicon 404", async ({ page }) => {
  await page.goto("/");
  const href = await page.locator("link[rel=icon]").first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image\//);
  const ico = await page.request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\//);
});
