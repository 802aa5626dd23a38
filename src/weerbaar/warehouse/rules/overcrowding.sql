-- name: Overbewoning
-- description: Adressen waar meer personen staan ingeschreven dan het woonoppervlak volgens de gemeentelijke norm toelaat (bijvoorbeeld 12 personen op 100 m²).
-- params: m2_per_person=12, min_persons=4
-- explanation: {persons} personen ingeschreven op {surface_m2} m² woonoppervlak; norm: hoogstens 1 persoon per {m2_per_person} m²
SELECT
    a.verblijfsobject_id AS key, a.verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    a.surface_m2,
    o.persons
FROM bag_address a
-- persons registered now per object, counted at each BRP import
JOIN brp_occupancy o ON o.address_object_id = a.verblijfsobject_id
WHERE a.use_purpose LIKE '%woonfunctie%'
  AND a.surface_m2 > 0
  AND o.persons >= $min_persons
  AND o.persons > a.surface_m2 / $m2_per_person
ORDER BY persons DESC, key,
    -- an object with more than one address: always the same one
    a.nummeraanduiding_id
