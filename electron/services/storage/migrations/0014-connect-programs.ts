/**
 * 서울연결처방 programmes (connect-programs):
 *
 * - `connect_programs`: the admin's catalog, one row per programme (its
 *   fields as checked JSON, plus what matching filters on as columns).
 *   Retired rows stay: events and the roll-up name their ids.
 * - `connect_symptom_categories`: an admin's own mapping of a symptom to
 *   categories; a symptom without a row uses the shipped default.
 * - `connect_rotation`: when each programme was last suggested (a kiosk-wide
 *   counter), so matches take turns fairly across restarts.
 * - `connect_suggestions`: which programmes one visit (request id) was shown,
 *   in order, so a resend or a "다른 프로그램 보기" tap storm gets the same
 *   answer and help can be asked only for a programme the visit saw.
 * - `connect_help_requests`: one staff notice per visit and programme.
 */
export const sql = `
CREATE TABLE connect_programs (
  id           TEXT PRIMARY KEY,
  data         TEXT NOT NULL CHECK (json_valid(data)),
  category     TEXT NOT NULL,
  district     TEXT NOT NULL,
  active_from  TEXT NOT NULL,
  active_until TEXT,
  retired_at   TEXT,
  sample       INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX connect_programs_category ON connect_programs (category, retired_at);

CREATE TABLE connect_symptom_categories (
  symptom_id  TEXT PRIMARY KEY,
  categories  TEXT NOT NULL CHECK (json_valid(categories)),
  updated_at  TEXT NOT NULL,
  updated_by  TEXT NOT NULL
);

CREATE TABLE connect_rotation (
  program_id  TEXT PRIMARY KEY,
  last_turn   INTEGER NOT NULL,
  shown       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE connect_suggestions (
  request_id  TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  program_id  TEXT NOT NULL,
  symptom_id  TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (request_id, ordinal)
);

CREATE TABLE connect_help_requests (
  request_id  TEXT NOT NULL,
  program_id  TEXT NOT NULL,
  alert_id    TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (request_id, program_id)
);
`;
