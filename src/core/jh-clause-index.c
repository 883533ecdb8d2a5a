/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <math.h>
#include <string.h>

#include "jh-clause-index-private.h"

/**
 * JhClauseIndex:
 *
 * Finds the texts most like a given one among many (the clauses of all
 * libraries, the paragraphs of a plan), fast enough to check a plan of
 * hundreds of paragraphs against a hundred thousand clauses as the user
 * types.
 *
 * Chinese needs no word segmentation here: texts are compared as sets
 * of character trigrams, over the letters and digits of the text only,
 * so that punctuation, spacing and full-width forms do not matter.
 *
 * A query does not look at every text.  Two texts similar above a
 * threshold t must share n-grams, and not only common ones: if they share
 * at least t·|D| of the n-grams of D, one of the |D| − ⌈t·|D|⌉ + 1
 * rarest n-grams of D is among them (prefix filtering).  So each text is
 * filed under its rarest n-grams (its prefix, for the lowest threshold
 * answered exactly), and a query probes those lists, plus its own rarest
 * n-grams in the full lists; only the few candidates found are compared
 * in full.
 *
 * A library of a hundred thousand clauses is held in a few bytes per
 * n-gram of its texts: the lists and each text's n-grams are stored as
 * varint-coded gaps between ascending ids, packed one after the other
 * (see PackedLists), as the whole index must fit beside the window on an
 * old office PC.
 */

/* A trigram of code points, each below 2²¹, packed into one exact key:
 * no hash collision can make two different trigrams equal.
 */
typedef guint64 GramKey;

#define N 3

/* A growing list of doc ids, ascending: the texts filed since the lists
 * were last packed.
 */
typedef struct
{
  guint32 *ids;
  guint32  len;
  guint32  capacity;
} Postings;

/* The lists of doc ids by gram, packed: each list's ids ascending, as
 * varint-coded gaps (most take one byte: a common n-gram is in texts
 * close to each other), all lists one after the other.  A quarter of
 * the memory of lists of 32-bit ids, and no allocation per list.
 */
typedef struct
{
  guint8  *bytes;
  gsize   *starts;    /* by gram, n_grams + 1: gram g's list is
                       * bytes[starts[g]] up to bytes[starts[g + 1]] */
  guint32  n_grams;
} PackedLists;

/* What is known of an n-gram.  Its list's packed size is counted as
 * texts are added (in the thread that builds the index while the
 * library is still read), not when the lists are packed.
 */
typedef struct
{
  guint32 frequency;    /* in how many texts it is (removed ones too,
                         * until the lists are packed) */
  guint32 after_last;   /* the id of the last text with it, plus one;
                         * 0 for none */
  guint32 packed_size;  /* the bytes its list of all texts takes packed */
} GramInfo;

typedef struct
{
  GObject *item;      /* NULL once removed */
  gsize    grams;     /* where its gram ids start in grams */
} Doc;

/* Gram keys to dense gram ids: open addressing, linear probing.  Key 0
 * never occurs (no code point is 0 in a text), so it marks a free slot.
 */
typedef struct
{
  GramKey *keys;
  guint32 *values;
  gsize    capacity;   /* a power of two */
  gsize    len;
} GramTable;

struct _JhClauseIndex
{
  GObject      parent_instance;

  GMutex       mutex;
  GramTable    table;
  GArray      *gram_info;      /* GramInfo, by gram id */
  gboolean     sizes_exact;    /* no text removed since gram_info's
                                * packed sizes were counted */
  GArray      *docs;           /* Doc, by doc id */
  GArray      *sizes;          /* guint32, by doc id: its number of grams,
                                * 0 once removed; packed, so that a
                                * query's many reads of it stay in the
                                * cache */

  /* Each text's gram ids, ascending, as varint-coded gaps: n-gram ids
   * cluster, so most gaps take one byte.
   */
  guint8      *grams;
  gsize        grams_len;
  gsize        grams_capacity;

  /* The texts by n-gram (full) and by the rarest n-grams of each (its
   * prefix): packed for the texts before n_packed, growing lists for
   * those from n_packed to n_filed.  Texts from n_filed on are filed at
   * the next query.
   */
  PackedLists  full;
  PackedLists  prefix;
  GArray      *recent_full;    /* Postings, by gram id, or NULL */
  GArray      *recent_prefix;
  guint32      n_packed;
  guint32      n_filed;

  GHashTable  *doc_by_item;    /* item → doc id + 1, made when first
                                * needed: an index built in one go
                                * (a library's) never needs it */
  guint        n_items;
  guint        n_removed;
};

G_DEFINE_FINAL_TYPE (JhClauseIndex, jh_clause_index, G_TYPE_OBJECT)

static inline gsize
hash_key (GramKey key)
{
  /* Fibonacci hashing spreads the packed code points over the table. */
  return (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 17);
}

static void
gram_table_init (GramTable *table)
{
  table->capacity = 1024;
  table->len = 0;
  table->keys = g_new0 (GramKey, table->capacity);
  table->values = g_new (guint32, table->capacity);
}

static void
gram_table_clear (GramTable *table)
{
  g_clear_pointer (&table->keys, g_free);
  g_clear_pointer (&table->values, g_free);
  table->capacity = 0;
  table->len = 0;
}

static gboolean
gram_table_lookup (const GramTable *table,
                   GramKey          key,
                   guint32         *value)
{
  gsize mask = table->capacity - 1;

  for (gsize i = hash_key (key) & mask; table->keys[i] != 0; i = (i + 1) & mask)
    if (table->keys[i] == key)
      {
        *value = table->values[i];
        return TRUE;
      }

  return FALSE;
}

static void gram_table_insert (GramTable *table,
                               GramKey    key,
                               guint32    value);

static void
gram_table_grow (GramTable *table)
{
  GramTable bigger;

  bigger.capacity = table->capacity * 2;
  bigger.len = 0;
  bigger.keys = g_new0 (GramKey, bigger.capacity);
  bigger.values = g_new (guint32, bigger.capacity);

  for (gsize i = 0; i < table->capacity; i++)
    if (table->keys[i] != 0)
      gram_table_insert (&bigger, table->keys[i], table->values[i]);

  gram_table_clear (table);
  *table = bigger;
}

static void
gram_table_insert (GramTable *table,
                   GramKey    key,
                   guint32    value)
{
  gsize mask;
  gsize i;

  if ((table->len + 1) * 2 > table->capacity)
    gram_table_grow (table);

  mask = table->capacity - 1;
  for (i = hash_key (key) & mask; table->keys[i] != 0; i = (i + 1) & mask)
    ;

  table->keys[i] = key;
  table->values[i] = value;
  table->len++;
}

/* Varint coding: seven bits a byte, the lowest first, the high bit set
 * on every byte but the last.
 */
static inline gsize
varint_size (guint32 value)
{
  return value < (1u << 7) ? 1 : value < (1u << 14) ? 2 : value < (1u << 21) ? 3 : value < (1u << 28) ? 4 : 5;
}

static inline guint8 *
write_varint (guint8  *out,
              guint32  value)
{
  while (value >= 0x80)
    {
      *out++ = (value & 0x7F) | 0x80;
      value >>= 7;
    }
  *out++ = value;

  return out;
}

static inline guint32
read_varint (const guint8 **in)
{
  const guint8 *p = *in;
  guint8 byte = *p++;
  guint32 value = byte & 0x7F;

  for (guint shift = 7; byte & 0x80; shift += 7)
    {
      byte = *p++;
      value |= (guint32) (byte & 0x7F) << shift;
    }
  *in = p;

  return value;
}

/* Ascending ids are written as their gaps less one, from a first
 * "previous" of G_MAXUINT32, so that the first id is written as itself.
 */
#define NO_PREVIOUS G_MAXUINT32

static inline guint32
id_gap (guint32 id,
        guint32 previous)
{
  return id - previous - 1;   /* modulo 2³², from NO_PREVIOUS too */
}

/* Reads the ascending ids written from @bytes, one at a time. */
typedef struct
{
  const guint8 *next;
  guint32       previous;
} IdReader;

static inline void
id_reader_init (IdReader     *reader,
                const guint8 *bytes)
{
  reader->next = bytes;
  reader->previous = NO_PREVIOUS;
}

static inline guint32
id_reader_next (IdReader *reader)
{
  reader->previous += read_varint (&reader->next) + 1;

  return reader->previous;
}

static void
postings_append (Postings *postings,
                 guint32   id)
{
  if (postings->len == postings->capacity)
    {
      postings->capacity = MAX (4, postings->capacity * 2);
      postings->ids = g_renew (guint32, postings->ids, postings->capacity);
    }

  postings->ids[postings->len++] = id;
}

static void
postings_array_free (GArray *array)
{
  for (guint i = 0; i < array->len; i++)
    g_free (g_array_index (array, Postings, i).ids);

  g_array_unref (array);
}

static void
packed_lists_clear (PackedLists *lists)
{
  g_clear_pointer (&lists->bytes, g_free);
  g_clear_pointer (&lists->starts, g_free);
  lists->n_grams = 0;
}

/* Reads the list of one n-gram: its packed part, then its recent one. */
typedef struct
{
  IdReader       packed;
  const guint8  *end;
  const guint32 *recent;
  const guint32 *recent_end;
} ListReader;

static inline void
list_reader_init (ListReader        *reader,
                  const PackedLists *packed,
                  const GArray      *recent,
                  guint32            gram)
{
  if (gram < packed->n_grams)
    {
      id_reader_init (&reader->packed, packed->bytes + packed->starts[gram]);
      reader->end = packed->bytes + packed->starts[gram + 1];
    }
  else
    {
      id_reader_init (&reader->packed, NULL);
      reader->end = NULL;
    }

  if (recent != NULL && gram < recent->len)
    {
      const Postings *postings = &g_array_index (recent, Postings, gram);

      reader->recent = postings->ids;
      reader->recent_end = postings->ids + postings->len;
    }
  else
    reader->recent = reader->recent_end = NULL;
}

static inline gboolean
list_reader_next (ListReader *reader,
                  guint32    *id)
{
  if (reader->packed.next < reader->end)
    {
      *id = id_reader_next (&reader->packed);
      return TRUE;
    }

  if (reader->recent < reader->recent_end)
    {
      *id = *reader->recent++;
      return TRUE;
    }

  return FALSE;
}


static gunichar
fold_char (gunichar c)
{
  /* Full-width ASCII (Ａ１) is the same text as its ASCII form. */
  if (c >= 0xFF01 && c <= 0xFF5E)
    c -= 0xFEE0;

  return g_unichar_tolower (c);
}

static gboolean
is_significant (gunichar c)
{
  return g_unichar_isalnum (c);
}

/* Calls @func for each run of significant characters of @text.  A
 * variable in braces ({单位}) ends a run: what is filled in there is not
 * known, and n-grams across it would match nothing.
 */
static void
foreach_run (const char *text,
             void      (*func) (const gunichar *chars,
                                gsize           n_chars,
                                gpointer        user_data),
             gpointer    user_data)
{
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '{')
        {
          const char *end = strchr (p, '}');

          if (end != NULL && end - p <= 40)
            {
              if (run->len > 0)
                func ((gunichar *) (void *) run->data, run->len, user_data);
              g_array_set_size (run, 0);
              p = end;
              continue;
            }
        }

      if (!is_significant (c))
        continue;

      c = fold_char (c);
      g_array_append_val (run, c);
    }

  if (run->len > 0)
    func ((gunichar *) (void *) run->data, run->len, user_data);
}

static void
append_run_cb (const gunichar *chars,
               gsize           n_chars,
               gpointer        user_data)
{
  GString *string = user_data;

  for (gsize i = 0; i < n_chars; i++)
    g_string_append_unichar (string, chars[i]);
}

/**
 * jh_text_normalize:
 * @text: a text
 *
 * The text as the comparisons see it: its letters and digits only,
 * full-width forms folded to ASCII, Latin letters in lower case.  Two
 * texts that differ only in punctuation and spacing normalise to the
 * same string.
 *
 * Returns: (transfer full): the normalised text
 */
char *
jh_text_normalize (const char *text)
{
  GString *string = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  foreach_run (text, append_run_cb, string);

  return g_string_free (string, FALSE);
}

/* Writes the trigram keys of @text, in order, repeats and all, to @keys,
 * which has room for one per byte of @text (a text of n bytes has fewer
 * than n trigrams).  The same runs as foreach_run(), read with a sliding
 * window instead of a copy of each run: this is what indexing a hundred
 * thousand clauses spends its time on.
 */
static gsize
collect_gram_keys (const char *text,
                   GramKey    *keys)
{
  gunichar previous[2] = { 0, 0 };
  gsize run_length = 0;
  gsize n_keys = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c == '{')
        {
          const char *end = strchr (p, '}');

          if (end != NULL && end - p <= 40)
            {
              run_length = 0;
              p = end;
              continue;
            }
        }

      if (!is_significant (c))
        continue;

      c = fold_char (c);
      if (run_length >= N - 1)
        keys[n_keys++] = ((GramKey) previous[0] << 42) | ((GramKey) previous[1] << 21) | c;
      previous[0] = previous[1];
      previous[1] = c;
      run_length++;
    }

  return n_keys;
}

/* Room for the keys of a text: on the stack for the usual clause or
 * paragraph, on the heap for a long one.
 */
#define STACK_KEYS 512

static GramKey *
gram_key_buffer (const char *text,
                 GramKey    *stack_keys,
                 GramKey   **heap_keys)
{
  gsize length = strlen (text);

  *heap_keys = NULL;
  if (length <= STACK_KEYS)
    return stack_keys;

  return *heap_keys = g_new (GramKey, length);
}

static void
sort_keys (GramKey *keys,
           gsize    n_keys);

/* Insertion sort: the texts are short (a clause has some sixty
 * n-grams), and qsort()'s calls through a pointer cost more than the
 * sorting itself.  Long texts go to qsort().
 */
#define INSERTION_SORT(type, items, n)                  \
  G_STMT_START {                                        \
    for (gsize i_ = 1; i_ < (n); i_++)                  \
      {                                                 \
        type item_ = (items)[i_];                       \
        gsize j_ = i_;                                  \
                                                        \
        for (; j_ > 0 && (items)[j_ - 1] > item_; j_--) \
          (items)[j_] = (items)[j_ - 1];                \
        (items)[j_] = item_;                            \
      }                                                 \
  } G_STMT_END

#define MAX_INSERTION_SORT 128

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  GramKey x = *(const GramKey *) a;
  GramKey y = *(const GramKey *) b;

  return x < y ? -1 : x > y;
}

static void
sort_keys (GramKey *keys,
           gsize    n_keys)
{
  if (n_keys <= MAX_INSERTION_SORT)
    INSERTION_SORT (GramKey, keys, n_keys);
  else
    qsort (keys, n_keys, sizeof (GramKey), compare_keys);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
sort_ids (guint32 *ids,
          gsize    n_ids)
{
  if (n_ids <= MAX_INSERTION_SORT)
    INSERTION_SORT (guint32, ids, n_ids);
  else
    qsort (ids, n_ids, sizeof (guint32), compare_ids);
}

/* The set of trigram keys of @text, sorted, without repeats. */
static GArray *
dup_gram_keys (const char *text)
{
  GArray *keys = g_array_sized_new (FALSE, FALSE, sizeof (GramKey), strlen (text) + 1);
  GramKey *data = (GramKey *) (void *) keys->data;
  gsize n_keys = collect_gram_keys (text, data);
  gsize unique = 0;

  sort_keys (data, n_keys);
  for (gsize i = 0; i < n_keys; i++)
    if (unique == 0 || data[i] != data[unique - 1])
      data[unique++] = data[i];
  g_array_set_size (keys, unique);

  return keys;
}

/**
 * jh_text_count_ngrams:
 * @text: a text
 *
 * Returns: how many distinct n-grams the comparisons see in @text: a
 *   measure of how much there is to compare
 */
guint
jh_text_count_ngrams (const char *text)
{
  g_autoptr(GArray) keys = NULL;

  g_return_val_if_fail (text != NULL, 0);

  keys = dup_gram_keys (text);

  return keys->len;
}

static void
measure (guint   overlap,
         guint   n_a,
         guint   n_b,
         double *jaccard,
         double *containment)
{
  guint smaller = MIN (n_a, n_b);

  *jaccard = overlap > 0 ? (double) overlap / (n_a + n_b - overlap) : 0;
  *containment = smaller > 0 ? (double) overlap / smaller : 0;
}

/**
 * jh_text_similarity:
 * @a: a text
 * @b: another text
 * @measure: how to compare them
 *
 * Compares two texts directly, as jh_clause_index_query() compares a text
 * with those of an index.
 *
 * Returns: the similarity, from 0 to 1
 */
double
jh_text_similarity (const char   *a,
                    const char   *b,
                    JhSimilarity  similarity)
{
  g_autoptr(GArray) keys_a = NULL;
  g_autoptr(GArray) keys_b = NULL;
  guint overlap = 0;
  double jaccard, containment;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  keys_a = dup_gram_keys (a);
  keys_b = dup_gram_keys (b);

  for (guint i = 0, j = 0; i < keys_a->len && j < keys_b->len;)
    {
      GramKey x = g_array_index (keys_a, GramKey, i);
      GramKey y = g_array_index (keys_b, GramKey, j);

      if (x == y)
        overlap++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }

  measure (overlap, keys_a->len, keys_b->len, &jaccard, &containment);

  return similarity == JH_SIMILARITY_JACCARD ? jaccard : containment;
}
static void
jh_clause_index_finalize (GObject *object)
{
  JhClauseIndex *self = (JhClauseIndex *) object;

  for (guint i = 0; i < self->docs->len; i++)
    g_clear_object (&g_array_index (self->docs, Doc, i).item);
  g_clear_pointer (&self->docs, g_array_unref);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->gram_info, g_array_unref);
  g_clear_pointer (&self->grams, g_free);
  packed_lists_clear (&self->full);
  packed_lists_clear (&self->prefix);
  g_clear_pointer (&self->recent_full, postings_array_free);
  g_clear_pointer (&self->recent_prefix, postings_array_free);
  g_clear_pointer (&self->doc_by_item, g_hash_table_unref);
  gram_table_clear (&self->table);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (jh_clause_index_parent_class)->finalize (object);
}

static void
jh_clause_index_class_init (JhClauseIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_clause_index_finalize;
}

static void
jh_clause_index_init (JhClauseIndex *self)
{
  g_mutex_init (&self->mutex);
  gram_table_init (&self->table);
  self->gram_info = g_array_new (FALSE, TRUE, sizeof (GramInfo));
  self->sizes_exact = TRUE;
  self->docs = g_array_new (FALSE, TRUE, sizeof (Doc));
  self->sizes = g_array_new (FALSE, TRUE, sizeof (guint32));
}

/**
 * jh_clause_index_new:
 *
 * Returns: (transfer full): a new, empty index
 */
JhClauseIndex *
jh_clause_index_new (void)
{
  return g_object_new (JH_TYPE_CLAUSE_INDEX, NULL);
}

static void
reserve_grams (JhClauseIndex *self,
               gsize          n_bytes)
{
  if (self->grams_len + n_bytes <= self->grams_capacity)
    return;

  self->grams_capacity = MAX (self->grams_len + n_bytes, MAX (256, self->grams_capacity * 2));
  self->grams = g_realloc (self->grams, self->grams_capacity);
}

/* Gives back the room the texts' grams grew into and did not use. */
static void
shrink_grams (JhClauseIndex *self)
{
  self->grams_capacity = MAX (self->grams_len, 1);
  self->grams = g_realloc (self->grams, self->grams_capacity);
}

/* Adds @text as a new text, without looking for @item among the others:
 * the caller knows it is not there.
 */
static void
add_doc (JhClauseIndex *self,
         gpointer       item,
         const char    *text)
{
  GramKey stack_keys[STACK_KEYS];
  guint32 stack_ids[STACK_KEYS];
  g_autofree GramKey *heap_keys = NULL;
  g_autofree guint32 *heap_ids = NULL;
  GramKey *keys;
  guint32 *ids;
  gsize n_keys;
  guint32 n_grams = 0;
  guint32 previous = NO_PREVIOUS;
  guint8 *out;
  guint32 d = self->docs->len;
  Doc doc;

  keys = gram_key_buffer (text, stack_keys, &heap_keys);
  ids = heap_keys != NULL ? (heap_ids = g_new (guint32, strlen (text))) : stack_ids;
  n_keys = collect_gram_keys (text, keys);

  /* The n-grams as they come, repeats and all: sorting their ids once
   * both orders and drops the repeats, with no sort of the keys.
   */
  for (gsize i = 0; i < n_keys; i++)
    {
      if (!gram_table_lookup (&self->table, keys[i], &ids[i]))
        {
          ids[i] = self->gram_info->len;
          gram_table_insert (&self->table, keys[i], ids[i]);
          g_array_set_size (self->gram_info, ids[i] + 1);
        }
    }
  sort_ids (ids, n_keys);

  reserve_grams (self, n_keys * 5);
  doc.item = g_object_ref (item);
  doc.grams = self->grams_len;
  out = self->grams + self->grams_len;
  for (gsize i = 0; i < n_keys; i++)
    if (i == 0 || ids[i] != ids[i - 1])
      {
        GramInfo *info = &g_array_index (self->gram_info, GramInfo, ids[i]);

        out = write_varint (out, id_gap (ids[i], previous));
        previous = ids[i];
        info->frequency++;
        info->packed_size += varint_size (id_gap (d, info->after_last - 1));
        info->after_last = d + 1;
        n_grams++;
      }
  self->grams_len = out - self->grams;

  if (self->doc_by_item != NULL)
    g_hash_table_insert (self->doc_by_item, item, GUINT_TO_POINTER (d + 1));
  g_array_append_val (self->docs, doc);
  g_array_append_val (self->sizes, n_grams);
  self->n_items++;
}

static GHashTable *
ensure_doc_by_item (JhClauseIndex *self)
{
  if (self->doc_by_item != NULL)
    return self->doc_by_item;

  self->doc_by_item = g_hash_table_new (NULL, NULL);
  for (guint d = 0; d < self->docs->len; d++)
    {
      GObject *item = g_array_index (self->docs, Doc, d).item;

      if (item != NULL)
        g_hash_table_insert (self->doc_by_item, item, GUINT_TO_POINTER (d + 1));
    }

  return self->doc_by_item;
}

/**
 * jh_clause_index_add:
 * @self: a #JhClauseIndex
 * @item: (type GObject): what @text belongs to (a clause, a paragraph),
 *   which queries return; the index keeps a reference
 * @text: the text
 *
 * Adds a text to the index, or replaces the text of @item if it is in
 * the index already.  Texts too short to have an n-gram are kept, but no
 * query finds them.
 */
void
jh_clause_index_add (JhClauseIndex *self,
                     gpointer       item,
                     const char    *text)
{
  g_return_if_fail (JH_IS_CLAUSE_INDEX (self));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (text != NULL);

  jh_clause_index_remove (self, item);
  add_doc (self, item, text);
}

/* The removed text's id stays in the lists until they are packed again:
 * a query skips it, as its size is 0.
 */
static void
remove_doc (JhClauseIndex *self,
            guint32        d)
{
  Doc *doc = &g_array_index (self->docs, Doc, d);

  if (self->doc_by_item != NULL)
    g_hash_table_remove (self->doc_by_item, doc->item);
  g_clear_object (&doc->item);
  g_array_index (self->sizes, guint32, d) = 0;
  self->n_items--;
  self->n_removed++;
  self->sizes_exact = FALSE;
}

/* Counts text @d, its id now @new_d, in what is known of its grams;
 * returns the end of its grams.
 */
static const guint8 *
count_doc_grams (JhClauseIndex *self,
                 guint32        d,
                 guint32        new_d)
{
  GramInfo *gram_info = (GramInfo *) (void *) self->gram_info->data;
  guint32 n_grams = g_array_index (self->sizes, guint32, d);
  IdReader reader;

  id_reader_init (&reader, self->grams + g_array_index (self->docs, Doc, d).grams);
  for (guint32 i = 0; i < n_grams; i++)
    {
      GramInfo *info = &gram_info[id_reader_next (&reader)];

      info->frequency++;
      info->packed_size += varint_size (id_gap (new_d, info->after_last - 1));
      info->after_last = new_d + 1;
    }

  return reader.next;
}

/* Drops the removed texts once they are many, so that an index that
 * lives long (a plan's paragraphs, edited for hours) does not grow
 * without end.  The n-grams of removed texts stay known: harmless.
 * The texts are filed anew at the next query.
 */
static void
compact (JhClauseIndex *self)
{
  g_autoptr(GArray) docs = g_array_sized_new (FALSE, TRUE, sizeof (Doc), self->n_items);
  guint8 *grams = g_malloc (MAX (self->grams_len, 1));
  gsize grams_len = 0;

  /* Counted again, for the texts kept, under their new ids. */
  memset (self->gram_info->data, 0, self->gram_info->len * sizeof (GramInfo));
  for (guint32 d = 0; d < self->docs->len; d++)
    {
      Doc doc = g_array_index (self->docs, Doc, d);
      const guint8 *end;
      gsize length;

      if (doc.item == NULL)
        continue;

      end = count_doc_grams (self, d, docs->len);
      length = end - (self->grams + doc.grams);
      memcpy (grams + grams_len, self->grams + doc.grams, length);
      g_array_index (self->sizes, guint32, docs->len) = g_array_index (self->sizes, guint32, d);
      doc.grams = grams_len;
      grams_len += length;
      g_array_append_val (docs, doc);
    }

  g_free (self->grams);
  self->grams = grams;
  self->grams_len = grams_len;
  shrink_grams (self);

  g_array_unref (self->docs);
  self->docs = g_steal_pointer (&docs);
  g_array_set_size (self->sizes, self->docs->len);
  g_clear_pointer (&self->doc_by_item, g_hash_table_unref);

  packed_lists_clear (&self->full);
  packed_lists_clear (&self->prefix);
  g_clear_pointer (&self->recent_full, postings_array_free);
  g_clear_pointer (&self->recent_prefix, postings_array_free);
  self->n_packed = self->n_filed = 0;
  self->n_removed = 0;
  self->sizes_exact = TRUE;
}

static void
compact_if_worth_it (JhClauseIndex *self)
{
  if (self->n_removed > 256 && self->n_removed > self->docs->len / 2)
    compact (self);
}

/**
 * jh_clause_index_remove:
 * @self: a #JhClauseIndex
 * @item: (type GObject): an item added before
 *
 * Returns: whether @item was in the index
 */
gboolean
jh_clause_index_remove (JhClauseIndex *self,
                        gpointer       item)
{
  gpointer value;

  g_return_val_if_fail (JH_IS_CLAUSE_INDEX (self), FALSE);

  value = g_hash_table_lookup (ensure_doc_by_item (self), item);
  if (value == NULL)
    return FALSE;

  remove_doc (self, GPOINTER_TO_UINT (value) - 1);
  compact_if_worth_it (self);

  return TRUE;
}

/**
 * _jh_clause_index_keep_only:
 * @self: a #JhClauseIndex
 * @items: a set of items
 *
 * Removes every text whose item is not in @items.
 */
void
_jh_clause_index_keep_only (JhClauseIndex *self,
                            GHashTable    *items)
{
  for (guint32 d = 0; d < self->docs->len; d++)
    {
      GObject *item = g_array_index (self->docs, Doc, d).item;

      if (item != NULL && !g_hash_table_contains (items, item))
        remove_doc (self, d);
    }

  compact_if_worth_it (self);
}

/**
 * jh_clause_index_get_n_items:
 * @self: a #JhClauseIndex
 *
 * Returns: how many texts the index holds
 */
guint
jh_clause_index_get_n_items (JhClauseIndex *self)
{
  g_return_val_if_fail (JH_IS_CLAUSE_INDEX (self), 0);

  return self->n_items;
}

/* The number of rarest n-grams of a text of @n n-grams that any text
 * sharing a share @threshold of them must meet.
 */
static guint
prefix_length (guint  n,
               double threshold)
{
  guint needed = (guint) ceil (threshold * n - 1e-9);

  return MIN (n, n - MAX (needed, 1) + 1);
}

typedef struct
{
  guint32 gram;
  guint32 frequency;
} RankedGram;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedGram *x = a;
  const RankedGram *y = b;

  if (x->frequency != y->frequency)
    return x->frequency < y->frequency ? -1 : 1;

  return x->gram < y->gram ? -1 : x->gram > y->gram;
}

static inline guint32
gram_frequency (JhClauseIndex *self,
                guint32        gram)
{
  return g_array_index (self->gram_info, GramInfo, gram).frequency;
}

/* Files a few texts added to a large index, in lists of their own: the
 * packed lists are not made again for them.  A text is filed under its
 * rarest n-grams with the frequencies known then, which is as correct
 * as filing it with the whole library's, only perhaps less selective.
 */
static void
file_recent (JhClauseIndex *self)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint n_grams = self->gram_info->len;

  if (self->recent_full == NULL)
    {
      self->recent_full = g_array_new (FALSE, TRUE, sizeof (Postings));
      self->recent_prefix = g_array_new (FALSE, TRUE, sizeof (Postings));
    }
  g_array_set_size (self->recent_full, n_grams);
  g_array_set_size (self->recent_prefix, n_grams);

  for (guint32 d = self->n_filed; d < self->docs->len; d++)
    {
      guint32 n_doc = g_array_index (self->sizes, guint32, d);
      guint64 *by_rarity;
      IdReader reader;
      guint length;

      if (n_doc == 0)
        continue;

      /* Frequency and gram in one number: sorted, rarest first, and
       * among equally rare ones by gram, as compare_ranked() orders.
       */
      g_array_set_size (ranked, n_doc);
      by_rarity = (guint64 *) (void *) ranked->data;
      id_reader_init (&reader, self->grams + g_array_index (self->docs, Doc, d).grams);
      for (guint i = 0; i < n_doc; i++)
        {
          guint32 gram = id_reader_next (&reader);

          postings_append (&g_array_index (self->recent_full, Postings, gram), d);
          by_rarity[i] = ((guint64) gram_frequency (self, gram) << 32) | gram;
        }
      if (n_doc <= MAX_INSERTION_SORT)
        INSERTION_SORT (guint64, by_rarity, n_doc);
      else
        qsort (by_rarity, n_doc, sizeof (guint64), compare_keys);

      length = prefix_length (n_doc, JH_CLAUSE_INDEX_MIN_THRESHOLD);
      for (guint i = 0; i < length; i++)
        postings_append (&g_array_index (self->recent_prefix, Postings, (guint32) by_rarity[i]), d);
    }

  self->n_filed = self->docs->len;
}

/* The @k-th smallest (from 0) of @values, which it reorders: Hoare's
 * selection, in time linear in @n on average.
 */
static guint64
select_smallest (guint64 *values,
                 int      n,
                 int      k)
{
  int low = 0, high = n - 1;

  while (low < high)
    {
      guint64 pivot = values[low + (high - low) / 2];
      int i = low, j = high;

      while (i <= j)
        {
          while (values[i] < pivot)
            i++;
          while (values[j] > pivot)
            j--;
          if (i <= j)
            {
              guint64 swap = values[i];

              values[i++] = values[j];
              values[j--] = swap;
            }
        }

      if (k <= j)
        high = j;
      else if (k >= i)
        low = i;
      else
        break;
    }

  return values[k];
}

/* Every gram's place in the order of rarity: by frequency, then by gram
 * id, as compare_ranked() orders.  Ranking all grams once and selecting
 * each text's rarest by rank costs far less, for a library read in one
 * go, than sorting each text's grams by frequency.
 */
static guint32 *
rank_grams (JhClauseIndex *self)
{
  guint n = self->gram_info->len;
  g_autofree guint64 *order = g_new (guint64, MAX (n, 1));
  guint32 *rank = g_new (guint32, MAX (n, 1));

  for (guint g = 0; g < n; g++)
    order[g] = ((guint64) gram_frequency (self, g) << 32) | g;
  qsort (order, n, sizeof (guint64), compare_keys);

  for (guint r = 0; r < n; r++)
    rank[(guint32) order[r]] = r;

  return rank;
}

/* Files every text anew, in packed lists: a library read in one go is
 * filed with the frequencies of the whole library.  The full lists'
 * sizes were counted as the texts came; a first pass over the texts
 * selects each one's rarest n-grams and measures the lists of those, a
 * second writes all lists, so that they take no more memory than they
 * need, and none of it twice.
 */
static void
pack_lists (JhClauseIndex *self)
{
  guint32 n_grams = self->gram_info->len;
  guint32 n_docs = self->docs->len;
  GramInfo *gram_info = (GramInfo *) (void *) self->gram_info->data;
  g_autofree guint32 *rank = NULL;
  g_autofree guint32 *last_filed = g_new (guint32, MAX (n_docs, 1));
  g_autofree guint32 *previous_full = g_new (guint32, MAX (n_grams, 1));
  g_autofree guint32 *previous_prefix = g_new (guint32, MAX (n_grams, 1));
  g_autofree gsize *cursor_full = NULL;
  g_autofree gsize *cursor_prefix = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (guint64));
  PackedLists full = { NULL, g_new0 (gsize, n_grams + 1), n_grams };
  PackedLists prefix = { NULL, g_new0 (gsize, n_grams + 1), n_grams };

  /* Texts removed since: the lists leave them out, so what is known of
   * the grams is counted again, for the texts kept.
   */
  if (!self->sizes_exact)
    {
      memset (gram_info, 0, n_grams * sizeof (GramInfo));
      for (guint32 d = 0; d < n_docs; d++)
        count_doc_grams (self, d, d);
      self->sizes_exact = TRUE;
    }
  rank = rank_grams (self);

  memset (previous_prefix, 0xFF, n_grams * sizeof (guint32));
  for (guint32 d = 0; d < n_docs; d++)
    {
      guint32 n_doc = g_array_index (self->sizes, guint32, d);
      guint64 *by_rank;
      guint64 last;
      IdReader reader;

      if (n_doc == 0)
        continue;

      /* Rank and gram in one number, so that the selection of the
       * rarest keeps the grams.
       */
      g_array_set_size (ranked, n_doc);
      by_rank = (guint64 *) (void *) ranked->data;
      id_reader_init (&reader, self->grams + g_array_index (self->docs, Doc, d).grams);
      for (guint i = 0; i < n_doc; i++)
        {
          guint32 gram = id_reader_next (&reader);

          by_rank[i] = ((guint64) rank[gram] << 32) | gram;
        }

      last = select_smallest (by_rank, n_doc, prefix_length (n_doc, JH_CLAUSE_INDEX_MIN_THRESHOLD) - 1);
      last_filed[d] = last >> 32;

      for (guint i = 0; i < n_doc; i++)
        if (by_rank[i] <= last)
          {
            guint32 gram = (guint32) by_rank[i];

            prefix.starts[gram + 1] += varint_size (id_gap (d, previous_prefix[gram]));
            previous_prefix[gram] = d;
          }
    }

  for (guint32 g = 0; g < n_grams; g++)
    {
      full.starts[g + 1] = full.starts[g] + gram_info[g].packed_size;
      prefix.starts[g + 1] += prefix.starts[g];
    }
  full.bytes = g_malloc (MAX (full.starts[n_grams], 1));
  prefix.bytes = g_malloc (MAX (prefix.starts[n_grams], 1));
  cursor_full = g_memdup2 (full.starts, (n_grams + 1) * sizeof (gsize));
  cursor_prefix = g_memdup2 (prefix.starts, (n_grams + 1) * sizeof (gsize));

  memset (previous_full, 0xFF, n_grams * sizeof (guint32));
  memset (previous_prefix, 0xFF, n_grams * sizeof (guint32));
  for (guint32 d = 0; d < n_docs; d++)
    {
      guint32 n_doc = g_array_index (self->sizes, guint32, d);
      IdReader reader;

      id_reader_init (&reader, self->grams + g_array_index (self->docs, Doc, d).grams);
      for (guint i = 0; i < n_doc; i++)
        {
          guint32 gram = id_reader_next (&reader);

          cursor_full[gram] = write_varint (full.bytes + cursor_full[gram], id_gap (d, previous_full[gram])) - full.bytes;
          previous_full[gram] = d;

          if (rank[gram] <= last_filed[d])
            {
              cursor_prefix[gram] = write_varint (prefix.bytes + cursor_prefix[gram], id_gap (d, previous_prefix[gram])) - prefix.bytes;
              previous_prefix[gram] = d;
            }
        }
    }

  packed_lists_clear (&self->full);
  packed_lists_clear (&self->prefix);
  self->full = full;
  self->prefix = prefix;
  g_clear_pointer (&self->recent_full, postings_array_free);
  g_clear_pointer (&self->recent_prefix, postings_array_free);
  self->n_packed = self->n_filed = n_docs;
  shrink_grams (self);
}

/* Files the texts added since the last query under their n-grams and
 * their rarest n-grams.  Done lazily, so that a library loaded in one go
 * is filed once, with the frequencies of the whole library.
 */
static void
file_new_docs (JhClauseIndex *self)
{
  guint32 n_docs = self->docs->len;

  if (self->n_filed == n_docs)
    return;

  /* Packing costs a pass over every text; lists of their own cost more
   * memory for each text and are read a little more slowly.  So the
   * lists are packed again once the texts not in them are an eighth of
   * all.
   */
  if (n_docs - self->n_packed >= n_docs / 8)
    pack_lists (self);
  else
    file_recent (self);
}

/* The candidates of a query, as a set of doc ids: a bitmap, read in
 * ascending order, so that no sort is needed to drop repeats; and for
 * each, in how many of the lists probed it was found.
 */
typedef struct
{
  guint64 *bits;
  guint16 *hits;
  guint32  n_words;
} Candidates;

static inline void
candidates_add (Candidates *candidates,
                guint32     d)
{
  candidates->bits[d / 64] |= G_GUINT64_CONSTANT (1) << (d % 64);
  if (candidates->hits[d] < G_MAXUINT16)
    candidates->hits[d]++;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const JhClauseIndexMatch *x = a;
  const JhClauseIndexMatch *y = b;
  JhSimilarity similarity = GPOINTER_TO_INT (user_data);
  double score_x = similarity == JH_SIMILARITY_JACCARD ? x->jaccard : x->containment;
  double score_y = similarity == JH_SIMILARITY_JACCARD ? y->jaccard : y->containment;

  if (score_x != score_y)
    return score_x > score_y ? -1 : 1;
  if (x->jaccard != y->jaccard)
    return x->jaccard > y->jaccard ? -1 : 1;

  return 0;
}

static void
clear_match (gpointer data)
{
  JhClauseIndexMatch *match = data;

  g_clear_object (&match->item);
}

/**
 * jh_clause_index_query:
 * @self: a #JhClauseIndex
 * @text: the text to look for
 * @measure: the similarity that must reach @threshold
 * @threshold: from 0 to 1
 *
 * Finds the texts of the index similar to @text.  The answer is exact:
 * every text whose similarity reaches @threshold, and no other.  Queries
 * may run in several threads at once, but not while texts are added or
 * removed.
 *
 * Returns: (transfer full) (element-type JhClauseIndexMatch): the matches,
 *   most similar first; each holds a reference to its item
 */
GArray *
jh_clause_index_query (JhClauseIndex *self,
                       const char    *text,
                       JhSimilarity   similarity,
                       double         threshold)
{
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) known = NULL;
  g_autoptr(GArray) ranked = NULL;
  g_autofree guint64 *bits = NULL;
  g_autofree guint16 *hits = NULL;
  Candidates candidates;
  gboolean all_lists = FALSE;
  guint n_full = 0;
  GArray *matches;
  guint n_query;
  guint n_probe;

  g_return_val_if_fail (JH_IS_CLAUSE_INDEX (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (JhClauseIndexMatch));
  g_array_set_clear_func (matches, clear_match);

  threshold = CLAMP (threshold, 0.01, 1.0);
  keys = dup_gram_keys (text);
  n_query = keys->len;
  if (n_query == 0)
    return matches;

  g_mutex_lock (&self->mutex);
  file_new_docs (self);
  g_mutex_unlock (&self->mutex);

  /* The query's n-grams the index knows, rarest first.  Those it does
   * not know are rarer still: they count in the query's size and use up
   * the prefix, but lead to no text.
   */
  known = g_array_new (FALSE, FALSE, sizeof (guint32));
  ranked = g_array_new (FALSE, FALSE, sizeof (RankedGram));
  for (guint i = 0; i < keys->len; i++)
    {
      RankedGram entry;

      if (!gram_table_lookup (&self->table, g_array_index (keys, GramKey, i), &entry.gram))
        continue;
      entry.frequency = gram_frequency (self, entry.gram);
      g_array_append_val (known, entry.gram);
      g_array_append_val (ranked, entry);
    }
  g_array_sort (known, compare_ids);
  g_array_sort (ranked, compare_ranked);

  candidates.n_words = (self->docs->len + 63) / 64;
  bits = candidates.bits = g_new0 (guint64, MAX (candidates.n_words, 1));
  hits = candidates.hits = g_new0 (guint16, MAX (self->docs->len, 1));

  n_probe = prefix_length (n_query, threshold);
  n_probe -= MIN (n_probe, n_query - known->len);

  if (similarity == JH_SIMILARITY_CONTAINMENT && threshold < JH_CLAUSE_INDEX_MIN_THRESHOLD)
    {
      /* Below what the filed prefixes answer for: every list. */
      all_lists = TRUE;
      for (guint i = 0; i < ranked->len; i++)
        {
          ListReader list;
          guint32 d;

          list_reader_init (&list, &self->full, self->recent_full, g_array_index (ranked, RankedGram, i).gram);
          while (list_reader_next (&list, &d))
            candidates_add (&candidates, d);
        }
    }
  else
    {
      /* Texts sharing a share of the query's n-grams meet its prefix.
       * For Jaccard that is enough, as both texts must share that much.
       * For containment it is what is needed of texts longer than the
       * query; the others are found below.
       *
       * A text can miss at most n_probe − 1 of the query's known
       * n-grams, so among the n_full rarest it is found in at least
       * n_full − n_probe + 1 lists.  Reading twice the prefix's lists
       * costs little and leaves far fewer texts to compare in full.
       */
      n_full = n_probe > 0 ? MIN (known->len, 2 * n_probe) : 0;
      for (guint i = 0; i < n_full; i++)
        {
          ListReader list;
          guint32 d;

          list_reader_init (&list, &self->full, self->recent_full, g_array_index (ranked, RankedGram, i).gram);
          while (list_reader_next (&list, &d))
            {
              guint n_doc = g_array_index (self->sizes, guint32, d);

              /* Texts whose sizes alone rule the similarity out. */
              if (similarity == JH_SIMILARITY_JACCARD
                  ? (n_doc < threshold * n_query - 1e-9 || threshold * n_doc > n_query + 1e-9)
                  : n_doc <= n_query)
                continue;

              candidates_add (&candidates, d);
            }
        }

      /* Texts no longer than the query, a share of whose own n-grams
       * are in it (a clause inside a longer paragraph), meet the query
       * in their filed n-grams: a text can miss at most p − 1 of its
       * n-grams, p its prefix for the threshold, so at least f − p + 1
       * of its f filed ones are in the query.
       */
      if (similarity == JH_SIMILARITY_CONTAINMENT)
        for (guint i = 0; i < known->len; i++)
          {
            ListReader list;
            guint32 d;

            list_reader_init (&list, &self->prefix, self->recent_prefix, g_array_index (known, guint32, i));
            while (list_reader_next (&list, &d))
              {
                guint n_doc = g_array_index (self->sizes, guint32, d);

                if (n_doc > n_query)
                  continue;

                candidates_add (&candidates, d);
              }
          }
    }

  for (guint32 w = 0; w < candidates.n_words; w++)
    {
      for (guint64 word = candidates.bits[w]; word != 0; word &= word - 1)
        {
          guint32 d = w * 64 + __builtin_ctzll (word);
          guint n_doc = g_array_index (self->sizes, guint32, d);
          const Doc *doc;
          IdReader doc_grams;
          guint32 y;
          guint overlap = 0;
          guint needed;
          JhClauseIndexMatch match;

          /* Removed texts have size 0.  The decisions that rule most
           * candidates out read only the packed sizes and the counts:
           * reading each candidate's Doc first was a quarter of a full
           * check, in cache misses.
           */
          if (n_doc == 0)
            continue;

          /* Found in too few of the lists probed. */
          if (!all_lists && candidates.hits[d] < G_MAXUINT16)
            {
              guint required;

              if (similarity == JH_SIMILARITY_JACCARD || n_doc > n_query)
                required = n_full - n_probe + 1;
              else
                required = prefix_length (n_doc, JH_CLAUSE_INDEX_MIN_THRESHOLD) -
                           prefix_length (n_doc, threshold) + 1;

              if (candidates.hits[d] < required)
                continue;
            }

          doc = &g_array_index (self->docs, Doc, d);
          if (doc->item == NULL)
            continue;

          /* The overlap the threshold asks for; a text that can no longer
           * reach it is left at once.
           */
          if (similarity == JH_SIMILARITY_JACCARD)
            needed = (guint) MAX (0, ceil (threshold * (n_query + n_doc) / (1 + threshold) - 1e-6));
          else
            needed = (guint) MAX (0, ceil (threshold * MIN (n_query, n_doc) - 1e-6));

          id_reader_init (&doc_grams, self->grams + doc->grams);
          y = id_reader_next (&doc_grams);
          for (guint i = 0, j = 0; i < known->len;)
            {
              guint32 x = g_array_index (known, guint32, i);

              if (x < y)
                i++;
              else
                {
                  if (x == y)
                    overlap++, i++;
                  if (++j == n_doc)
                    break;
                  y = id_reader_next (&doc_grams);
                }

              if (overlap + MIN (known->len - i, n_doc - j) < needed)
                break;
            }

          measure (overlap, n_query, n_doc, &match.jaccard, &match.containment);
          if ((similarity == JH_SIMILARITY_JACCARD ? match.jaccard : match.containment) + 1e-9 < threshold)
            continue;

          match.n_shared = overlap;
          match.n_item = n_doc;
          match.item = g_object_ref (doc->item);
          g_array_append_val (matches, match);
        }
    }

  g_array_sort_with_data (matches, compare_matches, GINT_TO_POINTER (similarity));

  return matches;
}

/* Building in a thread.  Reading a large library (parsing, checking
 * against the schema, making the clauses) and indexing its clauses cost
 * about as much as each other; with the index built in a second thread
 * as the clauses come, a library of 100,000 clauses is ready in little
 * more than the time it takes to read it.  The texts are handed over in
 * batches, so that the threads seldom wait on each other.
 */

#define BUILDER_BATCH 256

typedef struct
{
  gpointer    item;
  const char *text;
} PendingText;

struct _JhClauseIndexBuilder
{
  JhClauseIndex *index;
  GThread       *thread;
  GAsyncQueue   *batches;   /* GArray of PendingText; an empty one ends */
  GArray        *batch;
};

static gpointer
builder_thread (gpointer data)
{
  JhClauseIndexBuilder *builder = data;

  for (;;)
    {
      g_autoptr(GArray) batch = g_async_queue_pop (builder->batches);

      if (batch->len == 0)
        break;

      for (guint i = 0; i < batch->len; i++)
        {
          PendingText *pending = &g_array_index (batch, PendingText, i);

          add_doc (builder->index, pending->item, pending->text);
          g_object_unref (pending->item);
        }
    }

  /* Filed now, while the thread that reads may still be finishing,
   * rather than at the first query.
   */
  g_mutex_lock (&builder->index->mutex);
  file_new_docs (builder->index);
  g_mutex_unlock (&builder->index->mutex);

  return NULL;
}

static GArray *
new_batch (void)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (PendingText), BUILDER_BATCH);
}

/**
 * _jh_clause_index_builder_new:
 *
 * Starts building an index in a thread.  Add texts, then take the
 * index with _jh_clause_index_builder_finish().
 *
 * Returns: (transfer full): the builder
 */
JhClauseIndexBuilder *
_jh_clause_index_builder_new (void)
{
  JhClauseIndexBuilder *builder = g_new0 (JhClauseIndexBuilder, 1);

  builder->index = jh_clause_index_new ();
  builder->batches = g_async_queue_new ();
  builder->batch = new_batch ();
  builder->thread = g_thread_new ("jihua-index", builder_thread, builder);

  return builder;
}

/**
 * _jh_clause_index_builder_add:
 * @builder: a builder
 * @item: (type GObject): as for jh_clause_index_add(), but not one
 *   added to this builder before: the builder does not look for it
 * @text: the text, which must stay as it is until the builder is
 *   finished: it is read in the builder's thread
 *
 * Adds a text, as jh_clause_index_add() does, in the builder's thread.
 */
void
_jh_clause_index_builder_add (JhClauseIndexBuilder *builder,
                              gpointer              item,
                              const char           *text)
{
  PendingText pending = { g_object_ref (item), text };

  g_array_append_val (builder->batch, pending);
  if (builder->batch->len == BUILDER_BATCH)
    {
      g_async_queue_push (builder->batches, builder->batch);
      builder->batch = new_batch ();
    }
}

/**
 * _jh_clause_index_builder_finish:
 * @builder: a builder
 *
 * Waits for the builder's thread to index every text added and frees
 * the builder.
 *
 * Returns: (transfer full): the index
 */
JhClauseIndex *
_jh_clause_index_builder_finish (JhClauseIndexBuilder *builder)
{
  JhClauseIndex *index;

  if (builder->batch->len > 0)
    g_async_queue_push (builder->batches, g_steal_pointer (&builder->batch));
  else
    g_clear_pointer (&builder->batch, g_array_unref);
  g_async_queue_push (builder->batches, new_batch ());
  g_thread_join (builder->thread);

  g_async_queue_unref (builder->batches);
  index = builder->index;
  g_free (builder);

  return index;
}

void
_jh_clause_index_builder_free (JhClauseIndexBuilder *builder)
{
  g_object_unref (_jh_clause_index_builder_finish (builder));
}

/* Differences: a character-level diff, for showing how a superseded
 * clause and its successor (or a paragraph and the current clause)
 * differ.  Chinese has no spaces, so characters are the units.
 */

/* A table of more cells than this is not worth it: the texts are shown
 * as all removed and all added.
 */
#define MAX_DIFF_CELLS (4 * 1024 * 1024)

static void
chunk_free (gpointer data)
{
  JhDiffChunk *chunk = data;

  g_free (chunk->text);
  g_free (chunk);
}

static void
append_chunk (GPtrArray      *chunks,
              JhDiffOp        op,
              const gunichar *chars,
              glong           n_chars)
{
  JhDiffChunk *last = chunks->len > 0 ? g_ptr_array_index (chunks, chunks->len - 1) : NULL;
  g_autofree char *text = NULL;

  if (n_chars <= 0)
    return;

  text = g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);
  if (last != NULL && last->op == op)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }

  last = g_new0 (JhDiffChunk, 1);
  last->op = op;
  last->text = g_steal_pointer (&text);
  g_ptr_array_add (chunks, last);
}

/**
 * jh_text_diff:
 * @old_text: a text
 * @new_text: another
 *
 * The difference between two texts, character by character (the
 * longest common subsequence), as chunks to show: equal, deleted from
 * @old_text, inserted in @new_text, in order.  Runs of one kind are
 * joined.
 *
 * Returns: (transfer full) (element-type JhDiffChunk): the chunks
 */
GPtrArray *
jh_text_diff (const char *old_text,
              const char *new_text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  g_autofree guint16 *table = NULL;
  GPtrArray *chunks;
  glong n_a = 0, n_b = 0;
  glong prefix = 0, suffix = 0;
  glong rows, columns;

  g_return_val_if_fail (old_text != NULL, NULL);
  g_return_val_if_fail (new_text != NULL, NULL);

  chunks = g_ptr_array_new_with_free_func (chunk_free);
  a = g_utf8_to_ucs4_fast (old_text, -1, &n_a);
  b = g_utf8_to_ucs4_fast (new_text, -1, &n_b);

  while (prefix < n_a && prefix < n_b && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n_a - prefix && suffix < n_b - prefix &&
         a[n_a - 1 - suffix] == b[n_b - 1 - suffix])
    suffix++;

  append_chunk (chunks, JH_DIFF_EQUAL, a, prefix);

  rows = n_a - prefix - suffix;
  columns = n_b - prefix - suffix;

  if (rows > 0 && columns > 0 && (guint64) (rows + 1) * (columns + 1) <= MAX_DIFF_CELLS &&
      rows < G_MAXUINT16 && columns < G_MAXUINT16)
    {
      const gunichar *x = a + prefix;
      const gunichar *y = b + prefix;
      glong i = 0, j = 0;

      /* table[i][j]: the longest common subsequence of x[i..] and y[j..] */
      table = g_new0 (guint16, (rows + 1) * (columns + 1));
#define CELL(r, c) table[(r) * (columns + 1) + (c)]
      for (glong r = rows - 1; r >= 0; r--)
        for (glong c = columns - 1; c >= 0; c--)
          CELL (r, c) = x[r] == y[c] ? CELL (r + 1, c + 1) + 1 : MAX (CELL (r + 1, c), CELL (r, c + 1));

      while (i < rows && j < columns)
        {
          if (x[i] == y[j])
            {
              append_chunk (chunks, JH_DIFF_EQUAL, x + i, 1);
              i++, j++;
            }
          else if (CELL (i + 1, j) >= CELL (i, j + 1))
            append_chunk (chunks, JH_DIFF_DELETE, x + i++, 1);
          else
            append_chunk (chunks, JH_DIFF_INSERT, y + j++, 1);
        }
#undef CELL
      append_chunk (chunks, JH_DIFF_DELETE, x + i, rows - i);
      append_chunk (chunks, JH_DIFF_INSERT, y + j, columns - j);
    }
  else
    {
      append_chunk (chunks, JH_DIFF_DELETE, a + prefix, rows);
      append_chunk (chunks, JH_DIFF_INSERT, b + prefix, columns);
    }

  append_chunk (chunks, JH_DIFF_EQUAL, a + n_a - suffix, suffix);

  return chunks;
}

/**
 * jh_text_diff_format:
 * @chunks: (element-type JhDiffChunk): what jh_text_diff() gave
 *
 * The difference as one line of text, as `git diff --word-diff` shows
 * it: [-deleted-]{+inserted+}.
 *
 * Returns: (transfer full): the text
 */
char *
jh_text_diff_format (GPtrArray *chunks)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (chunks != NULL, NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      JhDiffChunk *chunk = g_ptr_array_index (chunks, i);

      switch (chunk->op)
        {
        case JH_DIFF_EQUAL:
          g_string_append (text, chunk->text);
          break;
        case JH_DIFF_DELETE:
          g_string_append_printf (text, "[-%s-]", chunk->text);
          break;
        case JH_DIFF_INSERT:
          g_string_append_printf (text, "{+%s+}", chunk->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}
