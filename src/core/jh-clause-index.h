/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * JhSimilarity:
 * @JH_SIMILARITY_JACCARD: shared n-grams over all n-grams of both texts:
 *   near-duplicates of about the same length
 * @JH_SIMILARITY_CONTAINMENT: shared n-grams over the n-grams of the
 *   shorter text: one text is (nearly) contained in the other, as a
 *   clause pasted into a longer paragraph
 */
typedef enum
{
  JH_SIMILARITY_JACCARD,
  JH_SIMILARITY_CONTAINMENT,
} JhSimilarity;

/* The lowest threshold a query answers exactly; below it a query is
 * still right, only slower.
 */
#define JH_CLAUSE_INDEX_MIN_THRESHOLD 0.5

/**
 * JhClauseIndexMatch:
 * @item: (type GObject): the object added with the text matched
 * @jaccard: the Jaccard similarity of the two texts' n-grams
 * @containment: the share of the shorter text's n-grams found in the
 *   other text
 * @n_shared: how many n-grams the two texts share
 * @n_item: how many n-grams the item's text has
 *
 * One answer of jh_clause_index_query().
 */
typedef struct
{
  gpointer item;
  double   jaccard;
  double   containment;
  guint    n_shared;
  guint    n_item;
} JhClauseIndexMatch;

#define JH_TYPE_CLAUSE_INDEX (jh_clause_index_get_type ())

G_DECLARE_FINAL_TYPE (JhClauseIndex, jh_clause_index, JH, CLAUSE_INDEX, GObject)

JhClauseIndex *jh_clause_index_new          (void);
void           jh_clause_index_add          (JhClauseIndex *self,
                                             gpointer       item,
                                             const char    *text);
gboolean       jh_clause_index_remove       (JhClauseIndex *self,
                                             gpointer       item);
guint          jh_clause_index_get_n_items  (JhClauseIndex *self);
GArray        *jh_clause_index_query        (JhClauseIndex *self,
                                             const char    *text,
                                             JhSimilarity   measure,
                                             double         threshold);

char          *jh_text_normalize            (const char    *text);
guint          jh_text_count_ngrams         (const char    *text);
double         jh_text_similarity           (const char    *a,
                                             const char    *b,
                                             JhSimilarity   measure);

/**
 * JhDiffOp:
 * @JH_DIFF_EQUAL: text both have
 * @JH_DIFF_DELETE: text only the old one has
 * @JH_DIFF_INSERT: text only the new one has
 */
typedef enum
{
  JH_DIFF_EQUAL,
  JH_DIFF_DELETE,
  JH_DIFF_INSERT,
} JhDiffOp;

/**
 * JhDiffChunk:
 * @op: what the chunk is
 * @text: its text, UTF-8
 *
 * One piece of a difference between two texts; see jh_text_diff().
 */
typedef struct
{
  JhDiffOp  op;
  char     *text;
} JhDiffChunk;

GPtrArray     *jh_text_diff                 (const char    *old_text,
                                             const char    *new_text);
char          *jh_text_diff_format          (GPtrArray     *chunks);

G_END_DECLS
