import { RETIRED_ID_MOVE } from './retired-customers';

/**
 * SQL answering (merge_id, retired_id, survivor_id) for each merge recorded in `<schema>.merge_move`,
 * read from the rows it moved, not from its marker. A merge's rows may hold alias writes noted before
 * the markers existed: those name the end of the chain the write followed (after b into a, then a into
 * c, a write through b was noted under b into a as b to c). Every recorded pair points down the chain,
 * so a pair of a merge whose survivor is reached from another pair's survivor (or whose retired id
 * reaches another pair's) skips a hop and is not the merge's own. Of what is left, the pair that moved
 * the most rows is taken: a merge moves the person's history, an alias write is one row written through
 * the old id afterwards (after a later merge of the chain was undone, its stale alias note no longer
 * skips a visible hop, and only the count tells it apart); a tie goes by id order, so a rerun answers the
 * same. A merge whose rows all agree answers that pair.
 */
export const mergeRetirements = (schema: string) => `
  WITH RECURSIVE pair AS (
    SELECT merge_id, from_customer, to_customer, count(*) AS moved FROM "${schema}".merge_move WHERE table_name <> '${RETIRED_ID_MOVE}' GROUP BY 1, 2, 3
  ), downstream AS (
    SELECT from_customer AS id, to_customer AS reached FROM pair
    UNION
    SELECT d.id, p.to_customer FROM downstream d JOIN pair p ON p.from_customer = d.reached
  ), own AS (
    SELECT p.* FROM pair p WHERE NOT EXISTS (
      SELECT 1 FROM pair q JOIN downstream d ON (d.id, d.reached) IN ((q.to_customer, p.to_customer), (p.from_customer, q.from_customer))
       WHERE q.merge_id = p.merge_id AND (q.from_customer, q.to_customer) <> (p.from_customer, p.to_customer))
  )
  SELECT DISTINCT ON (merge_id) merge_id, from_customer AS retired_id, to_customer AS survivor_id FROM own ORDER BY merge_id, moved DESC, from_customer, to_customer`;
