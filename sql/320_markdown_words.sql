-- A message whose Markdown held raw HTML was stored without the words of
-- that block (cmark's safe mode wrote <!-- raw HTML omitted --> in their
-- place). lib/md.c keeps them now: forget those messages' stored HTML,
-- so that the next view renders it again (sql/090). Only messages that
-- hold a `<` can be among them; the LIKE reads the rows once.
UPDATE room_messages SET body_html = NULL
  WHERE body LIKE '%<%' AND body_html LIKE '%<!-- raw HTML omitted -->%';
