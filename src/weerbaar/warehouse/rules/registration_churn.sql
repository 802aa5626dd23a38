-- name: Veel in- en uitschrijvingen
-- description: Adressen met veel inschrijvingen en uitschrijvingen binnen een periode: een aanwijzing voor een doorgangshuis of adresfraude.
-- params: months=12, min_changes=8
-- explanation: {changes} in- en uitschrijvingen in {months} maanden (tot en met {until})
WITH changes AS (
    SELECT address_object_id, date_from AS day FROM brp_residence WHERE address_object_id IS NOT NULL
    UNION ALL
    SELECT address_object_id, date_until FROM brp_residence
    WHERE address_object_id IS NOT NULL AND date_until IS NOT NULL
)
SELECT
    c.address_object_id AS key, c.address_object_id AS verblijfsobject_id,
    a.postcode, a.house_number, a.house_letter, a.addition, a.street, a.place,
    count(*) AS changes,
    max(c.day) AS until
FROM changes c
LEFT JOIN bag_address a ON a.verblijfsobject_id = c.address_object_id
WHERE c.day > (SELECT max(day) FROM changes) - to_months($months)
GROUP BY ALL
HAVING count(*) >= $min_changes
ORDER BY changes DESC, key
