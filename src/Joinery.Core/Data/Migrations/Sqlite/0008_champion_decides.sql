-- 0008: what a champion is empowered to decide, apart from what they champion.

ALTER TABLE "memberships" ADD COLUMN "champion_decides" TEXT NOT NULL DEFAULT '';
