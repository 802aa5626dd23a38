-- name: Terugkeer na een sluiting
-- description: Personen of organisaties die betrokken waren bij een pand dat onder Damocles, artikel 174a of de APV is gesloten of gewaarschuwd, en daarna elders opduiken: een nieuwe inschrijving, een nieuwe vestiging of een nieuwe vergunning.
-- params: years=5
-- explanation: Betrokken bij de maatregel "{measure}" op {closed_address} ({decided_on}); sinds {since}: {new_what}
WITH involved AS (
    -- the case's persons, and whoever was registered at the closed address when it was decided
    SELECT c.measure, c.decided_on, c.closed_address, c.closed_object_id, c.bsn_hash
    FROM closure c WHERE c.bsn_hash IS NOT NULL
    UNION
    SELECT c.measure, c.decided_on, c.closed_address, c.closed_object_id, r.bsn_hash
    FROM closure c
    JOIN brp_residence r ON r.address_object_id = c.closed_object_id
    WHERE r.date_from <= c.decided_on AND (r.date_until IS NULL OR r.date_until >= c.decided_on)
)
SELECT
    'persoon ' || left(i.bsn_hash, 12) || ' → ' || r.address_object_id AS key,
    i.measure, i.closed_address, i.decided_on,
    r.date_from AS since,
    'ingeschreven op ' || coalesce(a.street || ' ' || a.house_number || ', ' || a.place, r.address_object_id) AS new_what,
    r.address_object_id AS verblijfsobject_id, a.postcode, a.house_number, a.place,
    NULL AS kvk_number, i.bsn_hash
FROM involved i
JOIN brp_residence r ON r.bsn_hash = i.bsn_hash
LEFT JOIN bag_address a ON a.verblijfsobject_id = r.address_object_id
WHERE r.date_from > i.decided_on
  AND r.date_from <= i.decided_on + to_years($years)
  AND r.address_object_id IS DISTINCT FROM i.closed_object_id
UNION ALL
SELECT
    'vestiging ' || b.establishment AS key,
    c.measure, c.closed_address, c.decided_on,
    b.founded_on AS since,
    'vestiging ' || b.name || ' op ' || coalesce(b.street || ' ' || b.house_number || ', ' || b.place, '?') AS new_what,
    NULL AS verblijfsobject_id, b.postcode, b.house_number, b.place,
    b.kvk_number, NULL AS bsn_hash
FROM closure c
JOIN kvk_business b ON b.kvk_number = c.kvk_number
WHERE c.kvk_number IS NOT NULL
  AND b.founded_on > c.decided_on
  AND b.founded_on <= c.decided_on + to_years($years)
UNION ALL
SELECT
    'vergunning ' || p.permit_number AS key,
    h.measure, h.closed_address, h.decided_on,
    p.granted_on AS since,
    'vergunning "' || p.permit_type || '" op ' || coalesce(p.street || ' ' || p.house_number || ', ' || p.place, '?') AS new_what,
    NULL AS verblijfsobject_id, p.postcode, p.house_number, p.place,
    p.kvk_number, p.bsn_hash
FROM (
    SELECT i.measure, i.decided_on, i.closed_address, c.closed_postcode, c.closed_house_number,
           i.bsn_hash, NULL AS kvk_number
    FROM involved i
    JOIN (SELECT DISTINCT measure, decided_on, closed_address, closed_postcode,
                 closed_house_number FROM closure) c USING (measure, decided_on, closed_address)
    UNION
    SELECT measure, decided_on, closed_address, closed_postcode, closed_house_number, NULL,
           kvk_number
    FROM closure WHERE kvk_number IS NOT NULL
) h
JOIN permit p ON p.bsn_hash = h.bsn_hash OR p.kvk_number = h.kvk_number
WHERE p.granted_on > h.decided_on
  AND p.granted_on <= h.decided_on + to_years($years)
  AND NOT (p.postcode IS NOT DISTINCT FROM h.closed_postcode
           AND p.house_number IS NOT DISTINCT FROM h.closed_house_number)
QUALIFY row_number() OVER (
    PARTITION BY p.permit_number ORDER BY h.decided_on DESC, h.closed_address, h.measure
) = 1
-- per key the latest closure first, ties always broken the same way
ORDER BY key, decided_on DESC, closed_address, measure, since
