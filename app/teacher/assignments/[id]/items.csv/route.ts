import { getSessionUser } from "@/app/_lib/auth";
import { csvDownload, plainResponse } from "@/app/_lib/download";
import { isId } from "@/app/_lib/params";
import { getDb } from "@/db";
import { safeFilename } from "@/lib/csv";
import { getAssignmentReport } from "@/lib/gradebook/assignment-report";
import { itemsCsvRows } from "@/lib/gradebook/item-analysis";

export const dynamic = "force-dynamic";

/** The assignment's item analysis, a row per question, as CSV. 401 signed out, 403 for a student, 404 for another teacher's assignment. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return plainResponse(401, "Sign in to download the item analysis.");
  if (user.role !== "teacher") return plainResponse(403, "Only teachers can download the item analysis.");
  const { id } = await context.params;
  if (!isId(id)) return plainResponse(404, "No such assignment.");
  const report = await getAssignmentReport({ db: await getDb(), teacherId: user.id, assignmentId: id });
  if (!report) return plainResponse(404, "No such assignment.");
  const { assignment } = report;
  const name = safeFilename(`${assignment.className} ${assignment.article.title}`, "assignment");
  const filename = `${name}-items-${assignment.dueAt.toISOString().slice(0, 10)}.csv`;
  return csvDownload(itemsCsvRows(report.items), filename);
}
