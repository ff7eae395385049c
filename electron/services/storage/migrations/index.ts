/**
 * Numbered migrations, in order. Shipped migrations are never edited or
 * removed (additive only): a database whose applied ids are not a prefix of
 * this list refuses to open. Add a new file `000N-name.ts` and append it here.
 */
import { sql as init } from './0001-init';
import { sql as printing } from './0002-printing';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'printing', sql: printing },
];
