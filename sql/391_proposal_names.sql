-- A pair the organisers proposed to a mentee who named nothing they look
-- for is named after the programme: "Mentoring in <name>", or the name
-- alone when it says "mentor" already (cgi-bin/programmes prog_focus).
-- Pairs named before that rule read "Mentoring in Northwind Mentoring":
-- they take the name alone, so that a rename finds them as it finds the
-- new ones.
UPDATE mentorships m JOIN programmes p ON p.id = m.programme_id
  SET m.focus = p.name
  WHERE m.proposed_by_programme = 1 AND p.name LIKE '%mentor%'
    AND m.focus = CONCAT('Mentoring in ', p.name);
