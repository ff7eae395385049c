/**
 * Staff may move a waiting visitor up or down today's counseling queue. The
 * ticket number stays what was printed; `position` is the order staff set
 * (NULL: the number's own place). Positions are only ever swapped between two
 * entries of a day, so `COALESCE(position, number)` stays unique per day.
 */
export const sql = `
ALTER TABLE store_queue ADD COLUMN position INTEGER;
`;
