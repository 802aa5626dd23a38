-- name: Nieuwkomers in risicobranches
-- description: Vestigingen die in de periode zijn opgericht in branches die de gemeente als risicovol aanmerkt (kappers, nagelstudio's, massagesalons, autohandel en -verhuur, telefoonwinkels, opslagboxen, shishalounges ...), per gebied.
-- params: months=12, risk_codes=9602|96022|96021|9604|4511|45111|45112|4532|7711|4742|68203|5630|5210
-- explanation: {name} (SBI {code}: {title}) opgericht op {founded_on} in {place}; risicobranche
WITH codes AS (
    SELECT b.*, unnest(b.sbi_codes) AS code FROM kvk_business b
)
SELECT
    c.establishment AS key,
    c.name, c.kvk_number, c.code, s.title, c.founded_on,
    c.postcode, c.house_number, c.house_letter, c.addition, c.street, c.place
FROM codes c
LEFT JOIN sbi_code s ON s.code = c.code
WHERE c.founded_on > (SELECT max(founded_on) FROM kvk_business) - to_months($months)
  -- a risk code names a class and everything under it: 5210 catches 52101 and 52109
  AND array_length(list_filter(string_split(CAST($risk_codes AS VARCHAR), '|'),
      r -> trim(r) <> '' AND starts_with(c.code, trim(r)))) > 0
QUALIFY row_number() OVER (PARTITION BY c.establishment ORDER BY c.code) = 1
ORDER BY c.founded_on DESC, key
