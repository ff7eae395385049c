/** Storage failures, each with a code the UI and staff can act on. */
import { KioskError } from '../../contract/errors';
import type { StorageErrorCode } from '../../contract/error-codes';

export class StorageError extends KioskError {
  constructor(
    code: StorageErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { cause, retryable: code === 'storage.disk_full' });
    this.name = 'StorageError';
  }
}

/** Map a better-sqlite3 error to a StorageError when it is a storage condition, else return it as is. */
export function classifySqliteError(err: unknown): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return err;
  if (code === 'SQLITE_FULL') return new StorageError('storage.disk_full', 'the disk is full', err);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return new StorageError('storage.corrupt', 'the database file is damaged', err);
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM')
    return new StorageError('storage.unwritable', `the database cannot be written (${code})`, err);
  return err;
}
