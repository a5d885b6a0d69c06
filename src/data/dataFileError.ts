/**
 * The error every dataset reader and loader throws for a file that is missing, truncated or not in
 * the expected format. The message always names the file, says what is wrong and how to get a good
 * copy; `file` holds the path for programs that want to react (e.g. delete a corrupt cache entry).
 */
export class DataFileError extends Error {
  override name = 'DataFileError';
  /** The file (or folder) the problem is about. */
  readonly file: string;

  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.file = file;
  }
}
