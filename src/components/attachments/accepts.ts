// The `accept` rule alone: the composer checks with it whether voice notes are accepted at all
// (and shows the record button only then) without loading the attachment tray.

/** Whether `file` matches an `accept` list (the rules of `<input type=file accept>`). */
export function accepts(accept: string, file: File): boolean {
  const patterns = accept
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase())
    .filter(Boolean);
  if (!patterns.length) return true;
  const name = file.name.toLowerCase();
  // A recorded note's type has parameters (`audio/webm;codecs=opus`).
  const type = file.type.toLowerCase().split(';')[0].trim();
  return patterns.some((pattern) =>
    pattern.startsWith('.') ? name.endsWith(pattern) : pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type == pattern
  );
}
