-- What the change that last cleared a contract's agreements changed, in
-- words, as its mail to the other party said ("the cadence; “Hire two”
-- added"). That mail waits a moment before it goes (lib/mail.h `hold`):
-- the one who changed the contract often agrees to it next, and then the
-- other party gets one mail that says both, not two within seconds
-- (found walking).
ALTER TABLE mentorships
  ADD COLUMN change_what VARCHAR(1000) NULL;
