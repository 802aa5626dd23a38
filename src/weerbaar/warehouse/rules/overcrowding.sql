-- name: Overbewoning
-- description: Adressen waar meer personen staan ingeschreven dan het woonoppervlak volgens de gemeentelijke norm toelaat (bijvoorbeeld 12 personen op 100 m²).
-- params: m2_per_person=12, min_persons=4
-- explanation: {persons} personen ingeschreven op {surface_m2} m² woonoppervlak; norm: hoogstens 1 persoon per {m2_per_person} m²
WITH registered AS (
    -- persons per object first: one key to group on, not every address column
    SELECT address_object_id, count(DISTINCT bsn_hash) AS persons
    FROM brp_residence
    WHERE date_until IS NULL
    GROUP BY address_object_id
)
SELECT
    a.verblijfsobject_id AS key, a.verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    a.surface_m2,
    r.persons
FROM bag_address a
JOIN registered r ON r.address_object_id = a.verblijfsobject_id
WHERE a.use_purpose LIKE '%woonfunctie%'
  AND a.surface_m2 > 0
  AND r.persons >= $min_persons
  AND r.persons > a.surface_m2 / $m2_per_person
ORDER BY persons DESC, key
