import { getSessionUser } from "@/app/_lib/auth";
import { csvDownload, plainResponse } from "@/app/_lib/download";
import { isId } from "@/app/_lib/params";
import { getDb } from "@/db";
import { safeFilename } from "@/lib/csv";
import { responsesCsvRows, responsesForExport } from "@/lib/gradebook/responses-export";

export const dynamic = "force-dynamic";

/** Every response to an assignment as CSV. 401 signed out, 403 for a student, 404 for another teacher's assignment. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return plainResponse(401, "Sign in to download responses.");
  if (user.role !== "teacher") return plainResponse(403, "Only teachers can download responses.");
  const { id } = await context.params;
  if (!isId(id)) return plainResponse(404, "No such assignment.");
  const db = await getDb();
  const exported = await responsesForExport({ db, teacherId: user.id, assignmentId: id });
  if (!exported) return plainResponse(404, "No such assignment.");
  const { assignment } = exported;
  const name = safeFilename(`${assignment.className} ${assignment.article.title}`, "assignment");
  const filename = `${name}-responses-${assignment.dueAt.toISOString().slice(0, 10)}.csv`;
  return csvDownload(responsesCsvRows(exported.rows), filename);
}
