-- Who set a milestone's due date again, and when (NULL: as its roadmap
-- was applied: applied_by, created_at). The reminders spare the one who
-- set a date the mail about it that day, and count "not due the day it
-- was set" from it: they read the roadmap's applier and the day it was
-- applied, so a mentee's new date mailed the mentee "due in 2 days" at
-- once, and the mentor, who had applied it, nothing.
ALTER TABLE mentorship_milestones
  ADD COLUMN dated_by BIGINT UNSIGNED NULL,
  ADD COLUMN dated_at DATETIME NULL,
  ADD CONSTRAINT mentorship_milestones_dated_by_fk FOREIGN KEY (dated_by)
    REFERENCES users (id) ON DELETE SET NULL;
