-- name: Wonen in een niet-woonobject
-- description: Personen ingeschreven op een verblijfsobject zonder woonfunctie (winkel, kantoor, bedrijfshal, opslag): mogelijk illegale bewoning.
-- params: min_persons=1
-- explanation: {persons} personen ingeschreven op een object met gebruiksdoel "{use_purpose}"
SELECT
    a.verblijfsobject_id AS key, a.verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    a.use_purpose,
    count(DISTINCT r.bsn_hash) AS persons
FROM bag_address a
JOIN brp_residence r ON r.address_object_id = a.verblijfsobject_id
WHERE r.date_until IS NULL
  AND a.use_purpose NOT LIKE '%woonfunctie%'
GROUP BY ALL
HAVING count(DISTINCT r.bsn_hash) >= $min_persons
ORDER BY persons DESC, key
