import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";

// The embedded database may be open in one process only. The process that opens it for long
// (the API) leaves a note beside the folder; tools read it to go through that process instead.

export interface OwnerNote {
  pid: number;
  /** Where the owning API answers, for tools that must ask it (backups). */
  apiUrl?: string;
}

const noteFile = (dataDir: string) => `${dataDir.replace(/\/$/, "")}.owner.json`;

export function claimDataDir(dataDir: string, note: OwnerNote): () => void {
  const file = noteFile(dataDir);
  writeFileSync(file, JSON.stringify(note));
  return () => {
    try {
      const current = JSON.parse(readFileSync(file, "utf8")) as OwnerNote;
      if (current.pid === note.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

/** The live process that has the folder open, if any (stale notes of dead processes are ignored). */
export function dataDirOwner(dataDir: string): OwnerNote | null {
  const file = noteFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const note = JSON.parse(readFileSync(file, "utf8")) as OwnerNote;
    process.kill(note.pid, 0);
    return note;
  } catch {
    return null;
  }
}
