-- name: Wonen in een niet-woonobject
-- description: Personen ingeschreven op een verblijfsobject zonder woonfunctie (winkel, kantoor, bedrijfshal, opslag): mogelijk illegale bewoning.
-- params: min_persons=1
-- explanation: {persons} personen ingeschreven op een object met gebruiksdoel "{use_purpose}"
SELECT
    a.verblijfsobject_id AS key, a.verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    a.use_purpose,
    o.persons
FROM bag_address a
-- persons registered now per object, counted at each BRP import
JOIN brp_occupancy o ON o.address_object_id = a.verblijfsobject_id
WHERE a.use_purpose NOT LIKE '%woonfunctie%'
  AND o.persons >= $min_persons
ORDER BY persons DESC, key,
    -- an object with more than one address: always the same one
    a.nummeraanduiding_id
