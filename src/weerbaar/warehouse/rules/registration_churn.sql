-- name: Veel in- en uitschrijvingen
-- description: Adressen met veel inschrijvingen en uitschrijvingen binnen een periode: een aanwijzing voor een doorgangshuis of adresfraude.
-- params: months=12, min_changes=8
-- explanation: {changes} in- en uitschrijvingen in {months} maanden (tot en met {until})
WITH changes AS (
    SELECT address_object_id, date_from AS day FROM brp_residence WHERE address_object_id IS NOT NULL
    UNION ALL
    SELECT address_object_id, date_until FROM brp_residence
    WHERE address_object_id IS NOT NULL AND date_until IS NOT NULL
),
per_object AS (
    SELECT address_object_id, count(*) AS changes, max(day) AS until
    FROM changes
    WHERE day > (SELECT max(day) FROM changes) - to_months($months)
    GROUP BY address_object_id
    HAVING count(*) >= $min_changes
)
SELECT
    p.address_object_id AS key, p.address_object_id AS verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    p.changes, p.until
FROM per_object p
LEFT JOIN bag_address a ON a.verblijfsobject_id = p.address_object_id
-- an object with more than one address: always the same one
ORDER BY changes DESC, key, a.nummeraanduiding_id
