-- name: Bedrijvencluster op één adres
-- description: Veel bedrijfsvestigingen op één adres, of vestigingen in sterk uiteenlopende branches: mogelijk een brievenbusadres of een dekmantel.
-- params: min_businesses=5, min_divisions=3
-- explanation: {businesses} vestigingen op dit adres, in {divisions} verschillende branches (SBI-afdelingen)
WITH codes AS (
    SELECT b.establishment, b.postcode, b.house_number, b.house_letter, b.addition, b.street,
           b.place, unnest(b.sbi_codes) AS code
    FROM kvk_business b
)
SELECT
    concat_ws(' ', c.postcode, c.house_number, c.house_letter, c.addition) AS key,
    c.postcode, c.house_number, c.house_letter, c.addition,
    -- the same spelling on every scan, or a reviewed alert would come back
    min(c.street) AS street, min(c.place) AS place,
    count(DISTINCT c.establishment) AS businesses,
    count(DISTINCT s.division) AS divisions
FROM codes c
LEFT JOIN sbi_code s ON s.code = c.code
WHERE c.postcode IS NOT NULL
GROUP BY c.postcode, c.house_number, c.house_letter, c.addition
HAVING count(DISTINCT c.establishment) >= $min_businesses
    OR count(DISTINCT s.division) >= $min_divisions
ORDER BY businesses DESC, key
