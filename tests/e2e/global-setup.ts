import fs from "node:fs";
import path from "node:path";

/** Old e2e databases from earlier runs are removed; each run starts from an empty one. */
export default function globalSetup() {
  const root = path.join(process.cwd(), ".data", "e2e");
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (entry !== String(process.pid) && !entry.startsWith(`${process.pid}.`)) {
      fs.rmSync(path.join(root, entry), { recursive: true, force: true });
    }
  }
}
