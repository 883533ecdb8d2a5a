/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"
#include "jh-clause-index-private.h"
#include "test-utils.h"

/* The clause index answers exactly: for any text, measure and
 * threshold, it finds every text whose similarity reaches the threshold
 * and no other, as comparing the text with each one would.  Checked on
 * texts made to be alike (the same phrases in other orders, texts
 * inside longer ones, variables), after some were removed or replaced,
 * whether the index was built in one go or a text at a time.
 */

static const char *phrases[] = {
  "坚持以习近平新时代中国特色社会主义思想为指导",
  "深入学习贯彻党的二十大精神",
  "紧紧围绕中心工作",
  "认真履行政治协商、民主监督、参政议政职能",
  "组织委员开展专题调研",
  "全年调研不少于2次",
  "每位委员至少提交两份提案",
  "加强理论学习",
  "提高履职能力",
  "镇政府将安排5万元专项工作经费",
  "{单位}将在{上级组织}的坚强领导下",
  "推动经济社会高质量发展",
  "建立健全工作制度",
  "落实责任分工",
  "做好宣传报道工作",
  "全年宣传报道20篇以上",
  "开展民主监督活动",
  "助推重点工作落实",
  "X",
  "二〇二七",
};

static char *
make_text (GRand *rand)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, 6);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, g_rand_boolean (rand) ? "，" : "；");
      g_string_append (text, phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);
    }
  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append_printf (text, "共%d次", g_rand_int_range (rand, 1, 30));
  g_string_append (text, "。");

  return g_string_free (text, FALSE);
}

static GQuark
text_quark (void)
{
  return g_quark_from_static_string ("test-index-text");
}

static void
check_queries (JhClauseIndex *index,
               GPtrArray     *items,
               GRand         *rand)
{
  const double thresholds[] = { 0.2, 0.5, 0.6, 0.8, 0.85, 1.0 };

  for (guint q = 0; q < 40; q++)
    {
      g_autofree char *query = make_text (rand);

      for (JhSimilarity measure = JH_SIMILARITY_JACCARD; measure <= JH_SIMILARITY_CONTAINMENT; measure++)
        {
          g_autofree double *similarities = g_new (double, items->len);

          /* Each text compared once; the thresholds read the same. */
          for (guint i = 0; i < items->len; i++)
            {
              const char *text = g_object_get_qdata (g_ptr_array_index (items, i), text_quark ());

              similarities[i] = text == NULL ? -1 : jh_text_similarity (query, text, measure);
            }

          for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
            {
              g_autoptr(GArray) matches = jh_clause_index_query (index, query, measure, thresholds[t]);
              g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
              guint expected = 0;

              for (guint m = 0; m < matches->len; m++)
                g_hash_table_add (found, g_array_index (matches, JhClauseIndexMatch, m).item);

              for (guint i = 0; i < items->len; i++)
                {
                  GObject *item = g_ptr_array_index (items, i);

                  if (similarities[i] > 0 && similarities[i] + 1e-9 >= thresholds[t])
                    {
                      expected++;
                      if (!g_hash_table_contains (found, item))
                        g_error ("“%s” ~ “%s”: %.3f by %s, not found at %.2f",
                                 query, (char *) g_object_get_qdata (item, text_quark ()), similarities[i],
                                 measure == JH_SIMILARITY_JACCARD ? "Jaccard" : "containment",
                                 thresholds[t]);
                    }
                }

              g_assert_cmpuint (matches->len, ==, expected);
            }
        }
    }
}

static GObject *
new_item (GRand *rand)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_qdata_full (item, text_quark (), make_text (rand), g_free);

  return item;
}

static const char *
item_text (GObject *item)
{
  return g_object_get_qdata (item, text_quark ());
}

/* Replaces the text of every @step-th item still in @index from @first,
 * @n of them, and adds @n new ones.
 */
static void
replace_and_add (JhClauseIndex *index,
                 GPtrArray     *items,
                 GRand         *rand,
                 guint          first,
                 guint          step,
                 guint          n)
{
  for (guint i = first, replaced = 0; i < items->len && replaced < n; i += step)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (item_text (item) == NULL)
        continue;
      g_object_set_qdata_full (item, text_quark (), make_text (rand), g_free);
      jh_clause_index_add (index, item, item_text (item));
      replaced++;
    }

  for (guint i = 0; i < n; i++)
    {
      GObject *item = new_item (rand);

      jh_clause_index_add (index, item, item_text (item));
      g_ptr_array_add (items, item);
    }
}

static void
test_index_exact (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20271108);
  g_autoptr(JhClauseIndex) index = jh_clause_index_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 1200; i++)
    {
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);
      char *text = make_text (rand);

      g_object_set_qdata_full (item, text_quark (), text, g_free);
      jh_clause_index_add (index, item, text);
      g_ptr_array_add (items, item);
    }
  check_queries (index, items, rand);

  /* Replace some texts and remove others, enough for the index to
   * compact its lists; then add more, filed with other frequencies.
   */
  for (guint i = 0; i < 900; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (i % 3 == 0)
        {
          char *text = make_text (rand);

          g_object_set_qdata_full (item, text_quark (), text, g_free);
          jh_clause_index_add (index, item, text);
        }
      else
        {
          g_assert_true (jh_clause_index_remove (index, item));
          g_object_set_qdata (item, text_quark (), NULL);
        }
    }
  for (guint i = 0; i < 400; i++)
    {
      GObject *item = g_object_new (G_TYPE_OBJECT, NULL);
      char *text = make_text (rand);

      g_object_set_qdata_full (item, text_quark (), text, g_free);
      jh_clause_index_add (index, item, text);
      g_ptr_array_add (items, item);
    }
  check_queries (index, items, rand);

  /* A few texts at a time, as a plan's paragraphs are edited: filed
   * beside the lists made for all, which are not made again for them.
   */
  for (guint round = 0; round < 3; round++)
    {
      replace_and_add (index, items, rand, 1000 + round, 7, 10);
      check_queries (index, items, rand);
    }
}

/* An index built in a thread as a library is read, then rid of the
 * clauses not in force (another library's clause of the same id), then
 * edited: a user's clause changed, another deleted.
 */
static void
test_index_built_in_thread (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(JhClauseIndexBuilder) builder = _jh_clause_index_builder_new ();
  g_autoptr(JhClauseIndex) index = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) in_force = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < 1500; i++)
    {
      GObject *item = new_item (rand);

      _jh_clause_index_builder_add (builder, item, item_text (item));
      g_ptr_array_add (items, item);
    }
  index = _jh_clause_index_builder_finish (g_steal_pointer (&builder));
  g_assert_cmpuint (jh_clause_index_get_n_items (index), ==, 1500);
  check_queries (index, items, rand);

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);

      if (i % 5 == 0)
        g_object_set_qdata (item, text_quark (), NULL);
      else
        g_hash_table_add (in_force, item);
    }
  _jh_clause_index_keep_only (index, in_force);
  g_assert_cmpuint (jh_clause_index_get_n_items (index), ==, 1200);
  check_queries (index, items, rand);

  replace_and_add (index, items, rand, 3, 11, 20);
  g_assert_true (jh_clause_index_remove (index, g_ptr_array_index (items, 1)));
  g_object_set_qdata (g_ptr_array_index (items, 1), text_quark (), NULL);
  g_assert_false (jh_clause_index_remove (index, g_ptr_array_index (items, 0)));
  g_assert_cmpuint (jh_clause_index_get_n_items (index), ==, 1219);
  check_queries (index, items, rand);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/clause-index/exact", test_index_exact);
  g_test_add_func ("/jihua/clause-index/built-in-thread", test_index_built_in_thread);

  return g_test_run ();
}
