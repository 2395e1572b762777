/*
 * search: a word index of a set of documents, held in memory and only
 * read once built. A search names up to SEARCH_TERMS words; a document
 * matches when each of them begins one of its words ("lead" finds
 * "leadership"), and ranks by how often and how rarely they occur there
 * (tf·idf², as InnoDB's full-text ranks). The people workers build one
 * from the directory and search it for each ?q= (cgi-bin/people/directory.c).
 *
 * Words are runs of letters and digits. ASCII is lower-cased, accented
 * Latin letters are folded to their base ("José" is "jose", "Straße" is
 * "strasse"), Greek and Cyrillic capitals to small ones: what one person
 * types finds what another wrote, as utf8mb4_unicode_ci compares them.
 * Words under SEARCH_MIN characters are not indexed. A term matches the
 * words it starts, or only itself when shorter than SEARCH_PREFIX.
 */
#ifndef MENTEO_SEARCH_H
#define MENTEO_SEARCH_H

#include <stddef.h>

#define SEARCH_MIN	2	/* characters: "ML", "UX", "HR" are skills */
#define SEARCH_PREFIX	3	/* bytes a term needs to match as a prefix */
#define SEARCH_TERMS	8
#define SEARCH_WORD	256	/* bytes of a folded word, with its NUL */

struct search;

struct search_hit {
	size_t	doc;
	double	score;
};

/*
 * The next word of *p, folded, into word (SEARCH_WORD bytes, longer
 * words cut at a character's end); *p moves past it. Returns its length
 * in characters, 0 when no word is left.
 */
size_t		 search_word(const char **p, char word[SEARCH_WORD]);
/*
 * The character at *p folded as words are (lower case, a Latin letter
 * with marks spelled in ASCII: "Å" "a", "ß" "ss") into out; *p moves
 * past it. Returns its bytes in out, 0 when it is no letter or digit
 * (or no UTF-8: *p then moves one byte).
 */
size_t		 search_fold_char(const char **p, char out[4]);

/*
 * A folded word too common to tell profiles apart (InnoDB's default
 * full-text stopwords): 1, else 0.
 */
int		 search_stopword(const char *word);

struct search	*search_new(void);
/* Adds the words of text to doc; docs come in order, 0 first. */
int		 search_add(struct search *, size_t doc, const char *text);
/* Ends the adding: ndocs documents (some may have had no words). */
int		 search_seal(struct search *, size_t ndocs);
/*
 * The documents matching every term (folded words), in document order,
 * into *hits (malloc'd, the caller frees it). Returns how many, or -1
 * when memory is short.
 */
long		 search_find(const struct search *, const char *const *terms,
		    size_t nterms, struct search_hit **hits);
void		 search_free(struct search *);

#endif
