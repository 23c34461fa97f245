// Plain one-line messages for what goes wrong at the edges (files, pipes): the user reads "is a directory",
// never EISDIR or a stack trace.

const FS_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error while reading',
  EAGAIN: 'not ready for reading',
};

/** "cannot read app.log: no such file or directory" for a Node fs error; the error's message otherwise. */
export function plainMessage(error: unknown, file?: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code ? FS_WORDS[code] : undefined;
  if (words) return file ? `cannot read ${file}: ${words}` : words;
  const raw = (error as { message?: unknown } | undefined)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  // Whatever Node puts in front ("EISDIR: illegal operation…, read") is dropped: only words stay.
  const plain = message
    .replace(/^[A-Z][A-Z_]+:\s*/, '')
    .replace(/,\s*\w+ '[^']*'$/, '')
    .split('\n')[0];
  return file ? `${file}: ${plain}` : plain;
}
