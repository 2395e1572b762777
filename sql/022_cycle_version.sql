-- The contract version a stage began with. Going back to Cultivation
-- needs a goal and an agreed version newer than it: compared by version
-- numbers, not by timestamps, which share a second when people (or
-- tests) act quickly.
ALTER TABLE mentorships
  ADD COLUMN cycle_version INT UNSIGNED NOT NULL DEFAULT 0 AFTER contract_version;
UPDATE mentorships SET cycle_version = contract_version;
