-- name: Wonen in een niet-woonobject
-- description: Personen ingeschreven op een verblijfsobject zonder woonfunctie (winkel, kantoor, bedrijfshal, opslag): mogelijk illegale bewoning.
-- params: min_persons=1
-- explanation: {persons} personen ingeschreven op een object met gebruiksdoel "{use_purpose}"
WITH registered AS (
    SELECT address_object_id, count(DISTINCT bsn_hash) AS persons
    FROM brp_residence
    WHERE date_until IS NULL
    GROUP BY address_object_id
)
SELECT
    a.verblijfsobject_id AS key, a.verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    a.use_purpose,
    r.persons
FROM bag_address a
JOIN registered r ON r.address_object_id = a.verblijfsobject_id
WHERE a.use_purpose NOT LIKE '%woonfunctie%'
  AND r.persons >= $min_persons
ORDER BY persons DESC, key
