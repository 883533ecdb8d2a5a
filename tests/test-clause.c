/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "jihua.h"

/* Clauses share their lists of kinds and sets of tags, keep what few
 * of them have (sources, notes, superseded-by) apart and their id,
 * title and text in one block: none of that may show.
 */

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_kinds (void)
{
  g_autoptr(JhClause) clause = jh_clause_new ("test.kinds", 1, "标题", "正文");
  const JhSectionKind *kinds;
  guint n_kinds = G_MAXUINT;

  kinds = jh_clause_get_kinds (clause, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 0);
  g_assert_false (jh_clause_has_kind (clause, JH_SECTION_KIND_PREAMBLE));

  jh_clause_add_kind (clause, JH_SECTION_KIND_MAIN_TASKS);
  jh_clause_add_kind (clause, JH_SECTION_KIND_PREAMBLE);
  jh_clause_add_kind (clause, JH_SECTION_KIND_MAIN_TASKS);
  kinds = jh_clause_get_kinds (clause, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 2);
  g_assert_cmpint (kinds[0], ==, JH_SECTION_KIND_MAIN_TASKS);
  g_assert_cmpint (kinds[1], ==, JH_SECTION_KIND_PREAMBLE);
  g_assert_true (jh_clause_has_kind (clause, JH_SECTION_KIND_PREAMBLE));
  g_assert_false (jh_clause_has_kind (clause, JH_SECTION_KIND_GOALS));

  /* Every kind fits, each once. */
  for (JhSectionKind kind = JH_SECTION_KIND_PREAMBLE; kind <= JH_SECTION_KIND_OTHER; kind++)
    jh_clause_add_kind (clause, kind);
  kinds = jh_clause_get_kinds (clause, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, JH_SECTION_KIND_OTHER + 1);
  g_assert_cmpint (kinds[n_kinds - 1], ==, JH_SECTION_KIND_OTHER);
}

static void
test_kinds_shared (void)
{
  g_autoptr(JhClause) first = jh_clause_new ("test.first", 1, "", "");
  g_autoptr(JhClause) second = jh_clause_new ("test.second", 1, "", "");
  g_autoptr(JhClause) other_order = jh_clause_new ("test.other-order", 1, "", "");
  const JhSectionKind *first_kinds, *second_kinds, *other_kinds;
  guint n_first, n_second, n_other;

  jh_clause_add_kind (first, JH_SECTION_KIND_GOALS);
  jh_clause_add_kind (first, JH_SECTION_KIND_SCHEDULE);
  jh_clause_add_kind (second, JH_SECTION_KIND_GOALS);
  jh_clause_add_kind (second, JH_SECTION_KIND_SCHEDULE);
  jh_clause_add_kind (other_order, JH_SECTION_KIND_SCHEDULE);
  jh_clause_add_kind (other_order, JH_SECTION_KIND_GOALS);

  first_kinds = jh_clause_get_kinds (first, &n_first);
  second_kinds = jh_clause_get_kinds (second, &n_second);
  other_kinds = jh_clause_get_kinds (other_order, &n_other);
  g_assert_true (first_kinds == second_kinds);
  g_assert_cmpuint (n_first, ==, 2);
  g_assert_cmpuint (n_second, ==, 2);

  /* The order they were added in is kept. */
  g_assert_cmpuint (n_other, ==, 2);
  g_assert_cmpint (other_kinds[0], ==, JH_SECTION_KIND_SCHEDULE);
  g_assert_cmpint (other_kinds[1], ==, JH_SECTION_KIND_GOALS);

  /* Adding to one leaves the other as it was. */
  jh_clause_add_kind (second, JH_SECTION_KIND_OTHER);
  first_kinds = jh_clause_get_kinds (first, &n_first);
  g_assert_cmpuint (n_first, ==, 2);
  g_assert_cmpint (first_kinds[0], ==, JH_SECTION_KIND_GOALS);
  g_assert_cmpint (first_kinds[1], ==, JH_SECTION_KIND_SCHEDULE);
  g_assert_false (jh_clause_has_kind (first, JH_SECTION_KIND_OTHER));
  g_assert_true (jh_clause_has_kind (second, JH_SECTION_KIND_OTHER));
}

static void
test_tags (void)
{
  g_autoptr(JhClause) first = jh_clause_new ("test.first", 1, "", "");
  g_autoptr(JhClause) second = jh_clause_new ("test.second", 1, "", "");
  g_auto(GStrv) typed = jh_tags_parse ("党建、学习");
  g_auto(GStrv) property = NULL;
  guint notifies = 0;

  g_assert_nonnull (jh_clause_get_tags (first));
  g_assert_null (jh_clause_get_tags (first)[0]);

  g_signal_connect (first, "notify::tags", G_CALLBACK (count_notify_cb), &notifies);
  jh_clause_set_tags (first, (const char * const *) typed);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (g_strv_equal (jh_clause_get_tags (first), (const char * const *) typed));
  /* A copy, not the caller's vector. */
  g_assert_true (jh_clause_get_tags (first) != (const char * const *) typed);

  /* Equal tags are shared. */
  jh_clause_set_tags (second, (const char * const *) typed);
  g_assert_true (jh_clause_get_tags (first) == jh_clause_get_tags (second));

  /* The same again changes nothing. */
  jh_clause_set_tags (first, (const char * const *) typed);
  g_assert_cmpuint (notifies, ==, 1);

  g_object_get (first, "tags", &property, NULL);
  g_assert_true (g_strv_equal ((const char * const *) property, (const char * const *) typed));

  /* Changing one clause's tags leaves the other's alone. */
  jh_clause_set_tags (first, (const char * const []) { "学习", NULL });
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpstr (jh_clause_get_tags (first)[0], ==, "学习");
  g_assert_null (jh_clause_get_tags (first)[1]);
  g_assert_true (g_strv_equal (jh_clause_get_tags (second), (const char * const *) typed));

  jh_clause_set_tags (first, NULL);
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_null (jh_clause_get_tags (first)[0]);
}

/* Tags set from many threads at once, as libraries read in workers do. */
static gpointer
set_tags_thread (gpointer data)
{
  const char * const *shared = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(JhClause) clause = jh_clause_new ("test.thread", 1, "", "");
      g_autofree char *tag = g_strdup_printf ("标签%u", i % 7);

      jh_clause_set_tags (clause, (const char * const []) { "线程", tag, NULL });
      if (i == 0)
        shared = jh_clause_get_tags (clause);
      else if (i % 7 == 0)
        g_assert_true (jh_clause_get_tags (clause) == shared);
    }

  return (gpointer) shared;
}

static void
test_tags_threads (void)
{
  GThread *threads[4];
  gpointer shared[G_N_ELEMENTS (threads)];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("tags", set_tags_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    shared[i] = g_thread_join (threads[i]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (shared[i] == shared[0]);
}

static void
test_details (void)
{
  g_autoptr(JhClause) clause = jh_clause_new ("test.details", 1, "", "");
  g_autoptr(JhClauseSource) source = jh_clause_source_new ("a.docx", "某某方案", "某某局", 2024);
  guint notifies = 0;
  guint source_year = G_MAXUINT;

  g_signal_connect (clause, "notify", G_CALLBACK (count_notify_cb), &notifies);

  /* Nothing set is nothing changed. */
  g_assert_null (jh_clause_get_superseded_by (clause));
  g_assert_null (jh_clause_get_source_document (clause));
  g_assert_null (jh_clause_get_source_organization (clause));
  g_assert_cmpuint (jh_clause_get_source_year (clause), ==, 0);
  g_assert_null (jh_clause_get_notes (clause));
  jh_clause_set_superseded_by (clause, NULL);
  jh_clause_set_superseded_by (clause, "");
  jh_clause_set_source (clause, NULL, NULL, 0);
  jh_clause_set_notes (clause, NULL);
  g_assert_cmpuint (notifies, ==, 0);

  jh_clause_set_superseded_by (clause, "test.newer");
  g_assert_cmpstr (jh_clause_get_superseded_by (clause), ==, "test.newer");
  jh_clause_set_notes (clause, "注意");
  g_assert_cmpstr (jh_clause_get_notes (clause), ==, "注意");
  g_assert_cmpuint (notifies, ==, 2);

  g_assert_cmpuint (jh_clause_get_sources (clause)->len, ==, 0);
  jh_clause_add_source (clause, source);
  g_assert_cmpuint (jh_clause_get_sources (clause)->len, ==, 1);
  g_assert_cmpstr (jh_clause_get_source_document (clause), ==, "某某方案");
  g_assert_cmpstr (jh_clause_get_source_organization (clause), ==, "某某局");
  g_object_get (clause, "source-year", &source_year, NULL);
  g_assert_cmpuint (source_year, ==, 2024);
  g_assert_cmpuint (notifies, ==, 5);

  jh_clause_set_superseded_by (clause, NULL);
  g_assert_null (jh_clause_get_superseded_by (clause));
  jh_clause_set_notes (clause, NULL);
  g_assert_null (jh_clause_get_notes (clause));
  g_assert_cmpuint (notifies, ==, 7);
}

static void
test_revision (void)
{
  g_autoptr(JhClause) clause = jh_clause_new ("test.revision", 1, "标题", "正文");
  g_autoptr(JhClauseSource) source = jh_clause_source_new (NULL, "某某方案", NULL, 2023);
  g_autoptr(JhClause) revision = NULL;
  g_autoptr(JhClause) plain_revision = NULL;
  g_autoptr(JhClause) plain = jh_clause_new ("test.plain", 1, "", "");
  const JhSectionKind *kinds;
  guint n_kinds;

  jh_clause_add_kind (clause, JH_SECTION_KIND_GOALS);
  jh_clause_add_kind (clause, JH_SECTION_KIND_SAFEGUARDS);
  jh_clause_set_tags (clause, (const char * const []) { "目标", NULL });
  jh_clause_set_status (clause, JH_CLAUSE_STATUS_SUPERSEDED);
  jh_clause_set_superseded_by (clause, "test.newer");
  jh_clause_add_source (clause, source);
  jh_clause_set_notes (clause, "注意");

  revision = jh_clause_new_revision (clause, NULL, "新正文");
  g_assert_cmpuint (jh_clause_get_version (revision), ==, 2);
  g_assert_cmpstr (jh_clause_get_title (revision), ==, "标题");
  g_assert_cmpstr (jh_clause_get_text (revision), ==, "新正文");
  kinds = jh_clause_get_kinds (revision, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 2);
  g_assert_cmpint (kinds[0], ==, JH_SECTION_KIND_GOALS);
  g_assert_cmpint (kinds[1], ==, JH_SECTION_KIND_SAFEGUARDS);
  g_assert_true (jh_clause_get_tags (revision) == jh_clause_get_tags (clause));
  g_assert_cmpint (jh_clause_get_status (revision), ==, JH_CLAUSE_STATUS_SUPERSEDED);
  g_assert_cmpstr (jh_clause_get_superseded_by (revision), ==, "test.newer");
  g_assert_cmpuint (jh_clause_get_sources (revision)->len, ==, 1);
  g_assert_cmpstr (jh_clause_get_source_document (revision), ==, "某某方案");
  g_assert_cmpuint (jh_clause_get_source_year (revision), ==, 2023);
  g_assert_cmpstr (jh_clause_get_notes (revision), ==, "注意");

  plain_revision = jh_clause_new_revision (plain, NULL, NULL);
  g_assert_null (jh_clause_get_superseded_by (plain_revision));
  g_assert_null (jh_clause_get_source_document (plain_revision));
  g_assert_null (jh_clause_get_notes (plain_revision));
  jh_clause_get_kinds (plain_revision, &n_kinds);
  g_assert_cmpuint (n_kinds, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/clause/kinds", test_kinds);
  g_test_add_func ("/jihua/clause/kinds-shared", test_kinds_shared);
  g_test_add_func ("/jihua/clause/tags", test_tags);
  g_test_add_func ("/jihua/clause/tags-threads", test_tags_threads);
  g_test_add_func ("/jihua/clause/details", test_details);
  g_test_add_func ("/jihua/clause/revision", test_revision);

  return g_test_run ();
}
