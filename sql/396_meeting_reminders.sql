-- A reminder the day before each meeting (lib/remind.c remind_meetings):
-- the notifier reads the meetings of the next day on every pass, by
-- their time, not by their pair.
ALTER TABLE meetings ADD KEY meetings_starts (starts_at);
