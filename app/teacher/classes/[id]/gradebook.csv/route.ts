import { getSessionUser } from "@/app/_lib/auth";
import { csvDownload, plainResponse } from "@/app/_lib/download";
import { isId } from "@/app/_lib/params";
import { getDb } from "@/db";
import { safeFilename } from "@/lib/csv";
import { getGradebook, gradebookCsvRows } from "@/lib/gradebook/class-gradebook";

export const dynamic = "force-dynamic";

/** The gradebook as CSV. Checks the session itself: 401, 403, or 404 for a class that is not this teacher's. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return plainResponse(401, "Sign in to download the gradebook.");
  if (user.role !== "teacher") return plainResponse(403, "Only teachers can download a gradebook.");
  const { id } = await context.params;
  if (!isId(id)) return plainResponse(404, "No such class.");
  const db = await getDb();
  const gradebook = await getGradebook({ db, teacherId: user.id, classId: id });
  if (!gradebook) return plainResponse(404, "No such class.");
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${safeFilename(gradebook.className, "class")}-gradebook-${date}.csv`;
  return csvDownload(gradebookCsvRows(gradebook), filename);
}
