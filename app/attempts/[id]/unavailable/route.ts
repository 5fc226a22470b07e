/**
 * Where a quiz form post goes when the database could not be reached: a 503
 * that tells the student, in a sentence, to submit again. A route handler, not
 * a page, so it answers without the database (the layout reads the session).
 */
import { isId } from "@/app/_lib/params";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = isId(id) ? `/attempts/${id}` : "/";
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Please try again · NewsQuiz</title></head>
<body>
<main role="alert">
<h1>Your answers may not have been sent</h1>
<p>The server lost its connection to the database for a moment, so we could not take your quiz just now.</p>
<p>Please try again in a minute: go back and press the same button again. A quiz is graded only once, so sending it twice is safe.</p>
<p><a href="${back}">Back to your quiz</a> (answers saved before this are kept).</p>
</main>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "10", "cache-control": "no-store" },
  });
}
