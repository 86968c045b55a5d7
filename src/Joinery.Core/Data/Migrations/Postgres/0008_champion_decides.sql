-- 0008: what a champion is empowered to decide, apart from what they champion.

ALTER TABLE memberships ADD champion_decides character varying(500) NOT NULL DEFAULT '';
