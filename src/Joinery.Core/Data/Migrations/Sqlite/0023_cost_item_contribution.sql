-- 0023: a cost item may say which contribution of the ledger it pays for, so the stake counts that value once.

ALTER TABLE "cost_item" ADD COLUMN "contribution_id" TEXT NULL CONSTRAINT "fk_cost_item_contribution_contribution_id" REFERENCES "contribution" ("id") ON DELETE SET NULL;

CREATE INDEX "ix_cost_item_contribution_id" ON "cost_item" ("contribution_id");
