/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "jihua.h"
#include "test-utils.h"

/* Harvesting prior documents into a clause library: every plan of the
 * corpus gives its paragraphs once, however many copies of it there
 * are, with where each was found.
 */

static const char * const corpus_files[] = {
  "000_ea8348fc26a12208.txt",
  "000_ea8348fc26a12208.gb18030.txt",
  "001_af46b2345eeacad3.txt",
  "001_af46b2345eeacad3.docx",
  "001_af46b2345eeacad3.odt",
  "003_4ad841865d36761d.txt",
};

static JhImportResult *
import_corpus (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", name, NULL);
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhImportResult *result;

  jh_importer_set_default_year (importer, 2027);
  result = jh_importer_import_file (importer, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);

  return result;
}

static JhImportResult *
import_text (const char *text,
             const char *name)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JhImportResult *result;

  jh_importer_set_default_year (importer, 2027);
  result = jh_importer_import_bytes (importer, bytes, name, NULL, &error);
  g_assert_no_error (error);

  return result;
}

static JhHarvestReport *
harvest_corpus (JhHarvester *harvester,
                const char  *name)
{
  g_autoptr(JhImportResult) result = import_corpus (name);
  JhHarvestReport *report = jh_harvester_add_result (harvester, result);

  g_assert_no_error (report->error);
  g_assert_cmpstr (report->file, ==, name);
  g_assert_cmpuint (report->n_paragraphs, ==,
                    report->n_added + report->n_merged + report->n_known + report->n_skipped);

  return report;
}

static guint
count_clauses (JhLibrary *library)
{
  return g_list_model_get_n_items (jh_library_get_clauses (library));
}

/* A plan as a user keeps it year after year: the same wording with the
 * year changed.
 */
static char *
plan_of_year (guint year)
{
  return g_strdup_printf ("%u年街道政协工作计划\n\n"
                          "一、指导思想\n"
                          "%u年，香山街道政协工委坚持以习近平新时代中国特色社会主义思想为指导，"
                          "围绕街道中心工作，积极履行政治协商、民主监督、参政议政职能。\n\n"
                          "二、主要任务\n"
                          "（一）加强理论学习\n"
                          "认真制定学习计划，结合形势发展需要，全年举办学习讲座，"
                          "采取集中与分散相结合的方式，提高委员履职能力。\n\n"
                          "（二）开展专题调研\n"
                          "%s\n",
                          year, year,
                          year == 2021 ? "围绕老旧小区改造开展专题调研，形成高质量调研报告，为街道决策提供参考。"
                                       : "组织委员视察重点项目建设情况，为项目顺利推进建言献策，推动工作落实。");
}

static JhClause *
find_clause_containing (JhLibrary  *library,
                        const char *needle)
{
  GListModel *clauses = jh_library_get_clauses (library);
  JhClause *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      if (strstr (jh_clause_get_text (clause), needle) != NULL)
        {
          g_assert_null (found);
          found = clause;
        }
    }

  return found;
}

static void
test_harvest_years (void)
{
  g_autoptr(JhLibrary) library = jh_library_new ("harvest");
  g_autoptr(JhHarvester) harvester = jh_harvester_new (library);
  JhClause *guiding, *study, *visit, *survey;
  GPtrArray *sources;

  for (guint year = 2019; year <= 2023; year++)
    {
      g_autofree char *text = plan_of_year (year);
      g_autofree char *name = g_strdup_printf ("%u.txt", year);
      g_autoptr(JhImportResult) result = import_text (text, name);
      g_autoptr(JhHarvestReport) report = jh_harvester_add_result (harvester, result);

      g_assert_no_error (report->error);
      g_assert_cmpuint (report->n_documents, ==, 1);
      g_assert_cmpuint (report->n_harvested_documents, ==, 1);
      g_assert_cmpuint (report->n_paragraphs, >=, 3);
      if (year == 2019)
        g_assert_cmpuint (report->n_added, ==, report->n_paragraphs - report->n_skipped);
      else if (year != 2021)
        g_assert_cmpuint (report->n_added, ==, 0);
    }

  /* One clause for each wording, whatever the year; one more for the
   * paragraph only 2021 has.
   */
  g_assert_cmpuint (count_clauses (library), ==, 4);

  guiding = find_clause_containing (library, "坚持以习近平新时代中国特色社会主义思想为指导");
  g_assert_nonnull (guiding);
  g_assert_true (g_str_has_prefix (jh_clause_get_text (guiding), "{年份}年，"));
  g_assert_true (jh_clause_has_kind (guiding, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  sources = jh_clause_get_sources (guiding);
  g_assert_cmpuint (sources->len, ==, 5);
  for (guint i = 0; i < sources->len; i++)
    {
      JhClauseSource *source = g_ptr_array_index (sources, i);
      g_autofree char *file = g_strdup_printf ("%u.txt", 2019 + i);
      g_autofree char *title = g_strdup_printf ("%u年街道政协工作计划", 2019 + i);

      g_assert_cmpstr (source->file, ==, file);
      g_assert_cmpstr (source->document, ==, title);
      g_assert_cmpuint (source->year, ==, 2019 + i);
      g_assert_true (source->has_kind);
      g_assert_cmpint (source->kind, ==, JH_SECTION_KIND_GUIDING_IDEOLOGY);
    }
  g_assert_cmpuint (jh_clause_get_source_year (guiding), ==, 2019);

  /* A task's paragraph is titled by the task. */
  study = find_clause_containing (library, "认真制定学习计划");
  g_assert_nonnull (study);
  g_assert_cmpstr (jh_clause_get_title (study), ==, "加强理论学习");
  g_assert_true (jh_clause_has_kind (study, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_cmpuint (jh_clause_get_sources (study)->len, ==, 5);

  visit = find_clause_containing (library, "组织委员视察重点项目建设情况");
  g_assert_cmpuint (jh_clause_get_sources (visit)->len, ==, 4);
  survey = find_clause_containing (library, "老旧小区改造");
  g_assert_cmpuint (jh_clause_get_sources (survey)->len, ==, 1);
  g_assert_cmpuint (((JhClauseSource *) g_ptr_array_index (jh_clause_get_sources (survey), 0))->year, ==, 2021);
}

/* A wording touched up from one year to the next is the same clause; a
 * different paragraph on the same subject is not.
 */
static void
test_harvest_near_duplicates (void)
{
  g_autoptr(JhLibrary) library = jh_library_new ("harvest");
  g_autoptr(JhHarvester) harvester = jh_harvester_new (library);
  const char * const texts[] = {
    "2022年社区工作计划\n\n一、主要任务\n认真制定学习计划，结合形势发展需要，全年举办学习讲座，采取集中与分散相结合的方式，提高委员履职能力。\n",
    "2023年社区工作计划\n\n一、主要任务\n认真制定学习计划，结合形势发展需要，全年举办三次学习讲座，采取集中与分散相结合的方式，全面提高委员履职能力。\n",
    "2024年社区工作计划\n\n一、主要任务\n组织委员围绕老旧小区改造、垃圾分类和停车难问题开展专题调研，形成调研报告报送街道党工委。\n",
  };
  guint n_added[G_N_ELEMENTS (texts)];

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.txt", 2022 + i);
      g_autoptr(JhImportResult) result = import_text (texts[i], name);
      g_autoptr(JhHarvestReport) report = jh_harvester_add_result (harvester, result);

      n_added[i] = report->n_added;
    }

  g_assert_cmpuint (n_added[0], ==, 1);
  g_assert_cmpuint (n_added[1], ==, 0);
  g_assert_cmpuint (n_added[2], ==, 1);
  g_assert_cmpuint (count_clauses (library), ==, 2);
  g_assert_cmpuint (jh_clause_get_sources (find_clause_containing (library, "认真制定学习计划"))->len, ==, 2);

  /* The clause has the wording of its latest year, under its first id. */
  g_assert_nonnull (find_clause_containing (library, "全年举办三次学习讲座"));
  g_assert_true (g_str_has_prefix (jh_clause_get_id (find_clause_containing (library, "认真制定学习计划")), "harvested."));
  g_assert_cmpuint (jh_clause_get_version (find_clause_containing (library, "认真制定学习计划")), ==, 2);

  /* A clause the user wrote gains a source but keeps its wording. */
  {
    g_autoptr(JhLibrary) mine = jh_library_new ("mine");
    g_autoptr(JhClause) written = jh_clause_new ("user.study", 1, "学习",
                                                 "认真制定学习计划，结合形势发展需要，全年举办学习讲座，"
                                                 "采取集中与分散相结合的方式，提高委员履职能力。");
    g_autoptr(JhHarvester) into_mine = NULL;
    g_autoptr(JhImportResult) result = import_text (texts[1], "2023.txt");
    g_autoptr(JhHarvestReport) report = NULL;

    jh_clause_add_kind (written, JH_SECTION_KIND_MAIN_TASKS);
    jh_library_add_clause (mine, written);
    into_mine = jh_harvester_new (mine);
    report = jh_harvester_add_result (into_mine, result);
    g_assert_cmpuint (report->n_merged, ==, 1);
    g_assert_cmpuint (count_clauses (mine), ==, 1);
    g_assert_null (strstr (jh_clause_get_text (jh_library_find_clause (mine, "user.study")), "三次"));
    g_assert_cmpuint (jh_clause_get_sources (jh_library_find_clause (mine, "user.study"))->len, ==, 1);
  }

  /* An older year found later does not bring its wording back. */
  {
    g_autoptr(JhImportResult) result = import_text (texts[0], "again-2022.txt");
    g_autoptr(JhHarvestReport) report = jh_harvester_add_result (harvester, result);

    g_assert_cmpuint (report->n_added, ==, 0);
    g_assert_nonnull (find_clause_containing (library, "全年举办三次学习讲座"));
  }
}

/* The corpus holds the same plans as UTF-8 and GB18030 text, and as
 * text, DOCX and ODT: harvesting every copy gives what harvesting one
 * gives.
 */
static void
test_harvest_corpus_copies (void)
{
  g_autoptr(JhLibrary) once = jh_library_new ("once");
  g_autoptr(JhLibrary) all = jh_library_new ("all");
  g_autoptr(JhHarvester) harvest_once = jh_harvester_new (once);
  g_autoptr(JhHarvester) harvest_all = jh_harvester_new (all);
  const char * const distinct[] = { "000_ea8348fc26a12208.txt", "001_af46b2345eeacad3.txt", "003_4ad841865d36761d.txt" };
  guint n_added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (distinct); i++)
    {
      g_autoptr(JhHarvestReport) report = harvest_corpus (harvest_once, distinct[i]);

      g_assert_cmpuint (report->n_added, >, 10);
    }

  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autoptr(JhHarvestReport) report = harvest_corpus (harvest_all, corpus_files[i]);

      n_added += report->n_added;
      g_assert_cmpuint (report->n_documents, >=, 5);
      if (strstr (corpus_files[i], ".gb18030") != NULL || g_str_has_suffix (corpus_files[i], ".docx") ||
          g_str_has_suffix (corpus_files[i], ".odt"))
        {
          /* A copy adds nothing, not even a source. */
          g_assert_cmpuint (report->n_added, ==, 0);
          g_assert_cmpuint (report->n_merged, ==, 0);
          g_assert_cmpuint (report->n_known, ==, report->n_paragraphs - report->n_skipped);
        }
      if (g_str_has_prefix (corpus_files[i], "003"))
        {
          /* Seven pieces: rules and summaries are not harvested. */
          g_assert_cmpuint (report->n_documents, ==, 7);
          g_assert_cmpuint (report->n_harvested_documents, <, 7);
        }
    }

  g_assert_cmpuint (count_clauses (all), ==, count_clauses (once));
  g_assert_cmpuint (count_clauses (all), ==, n_added);
  g_assert_cmpuint (count_clauses (all), >, 100);

  /* Harvesting again into the same library adds nothing. */
  {
    g_autoptr(JhHarvester) again = jh_harvester_new (all);
    g_autoptr(JhHarvestReport) report = harvest_corpus (again, corpus_files[0]);

    g_assert_cmpuint (report->n_added, ==, 0);
    g_assert_cmpuint (report->n_merged, ==, 0);
    g_assert_cmpuint (count_clauses (all), ==, count_clauses (once));
  }
}

/* What a user searching the library would meet: clauses with where
 * they came from, no web noise, no fragments, and found by their words.
 */
static void
test_harvest_corpus_clauses (void)
{
  g_autoptr(JhLibrary) library = jh_library_new ("harvest");
  g_autoptr(JhHarvester) harvester = jh_harvester_new (library);
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(GArray) matches = NULL;
  const char * const noise[] = { "小编", "扫码", "篇一", "相关推荐", "仅供参考", "上一篇", NULL };
  GListModel *clauses;
  guint n_several = 0;

  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autoptr(JhHarvestReport) report = harvest_corpus (harvester, corpus_files[i]);

      g_assert_cmpuint (report->n_dropped, >, 0);
    }

  clauses = jh_library_get_clauses (library);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      const char *text = jh_clause_get_text (clause);
      g_autofree char *normalized = jh_text_normalize (text);
      GPtrArray *sources = jh_clause_get_sources (clause);
      const JhSectionKind *kinds;
      guint n_kinds;

      g_assert_true (g_str_has_prefix (jh_clause_get_id (clause), "harvested."));
      g_assert_cmpstr (jh_clause_get_title (clause), !=, "");
      g_assert_null (strchr (jh_clause_get_title (clause), '\n'));
      g_assert_cmpint (g_utf8_strlen (jh_clause_get_title (clause), -1), <=, 25);
      g_assert_cmpint (g_utf8_strlen (normalized, -1), >=, JH_HARVEST_MIN_LENGTH);
      for (guint j = 0; noise[j] != NULL; j++)
        g_assert_null (strstr (text, noise[j]));

      kinds = jh_clause_get_kinds (clause, &n_kinds);
      g_assert_cmpuint (n_kinds, >=, 1);
      g_assert_cmpuint (sources->len, >=, 1);
      n_several += sources->len > 1;
      for (guint j = 0; j < sources->len; j++)
        {
          JhClauseSource *source = g_ptr_array_index (sources, j);
          gboolean kind_listed = FALSE;

          g_assert_true (g_str_has_prefix (source->file, "00"));
          g_assert_nonnull (source->document);
          g_assert_true (source->has_kind);
          for (guint k = 0; k < n_kinds; k++)
            kind_listed |= kinds[k] == source->kind;
          g_assert_true (kind_listed);
        }
    }

  /* The plan of **镇 is both in 000 and in 001. */
  g_assert_cmpuint (n_several, >=, 10);

  /* A sentence remembered from a plan finds its clause. */
  jh_library_set_append (set, library);
  matches = jh_library_set_find_similar (set, "认真制定学习计划，结合形势发展需要，全年举办2-3次学习讲座。", 0.5);
  g_assert_cmpuint (matches->len, >=, 1);
}

static void
test_harvest_generalize (void)
{
  const struct {
    const char *text;
    const char *organization;
    guint       year;
    const char *expected;
  } cases[] = {
    { "2023年，街道联组将围绕中心工作开展视察。", "街道联组", 2023, "{年份}年，{单位}将围绕中心工作开展视察。" },
    { "20xx年街道联组将继续发挥作用。", "街道联组", 0, "{年份}年{单位}将继续发挥作用。" },
    { "在2022年工作的基础上，香山街道政协工委坚持学习。", "街道政协", 2023, "在{上年}年工作的基础上，香山街道政协工委坚持学习。" },
    { "**镇政协委员会坚持学习。", "**镇政协委员会", 0, "**镇政协委员会坚持学习。" },
    { "全年举办2-3次学习讲座。", NULL, 0, "全年举办2-3次学习讲座。" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = jh_harvest_generalize (cases[i].text, cases[i].organization, cases[i].year);

      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

/* A harvested library is written and read back with every source. */
static void
test_harvest_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("jihua-harvest-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "harvest.jhlib", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhLibrary) library = jh_harvest_open_library (file, NULL, &error);
  g_autoptr(JhHarvester) harvester = jh_harvester_new (library);
  g_autoptr(JhLibrary) loaded = NULL;
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autofree char *builtin_path = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "builtin.jhlib", NULL);
  g_autofree char *builtin_text = NULL;
  gsize builtin_length;
  GListModel *clauses;

  g_assert_no_error (error);
  for (guint year = 2019; year <= 2021; year++)
    {
      g_autofree char *text = plan_of_year (year);
      g_autofree char *name = g_strdup_printf ("%u.txt", year);
      g_autoptr(JhImportResult) result = import_text (text, name);
      g_autoptr(JhHarvestReport) report = jh_harvester_add_result (harvester, result);
    }
  {
    g_autoptr(JhHarvestReport) report = harvest_corpus (harvester, corpus_files[2]);
  }

  g_assert_true (jh_library_save (library, NULL, &error));
  g_assert_no_error (error);

  loaded = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jh_library_get_title (loaded), ==, "harvest");

  clauses = jh_library_get_clauses (library);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (loaded)), ==, g_list_model_get_n_items (clauses));
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);
      JhClause *copy = jh_library_find_clause (loaded, jh_clause_get_id (clause));
      GPtrArray *sources = jh_clause_get_sources (clause);
      GPtrArray *copied = NULL;
      guint n_kinds, n_copied_kinds;

      g_assert_nonnull (copy);
      g_assert_cmpstr (jh_clause_get_title (copy), ==, jh_clause_get_title (clause));
      g_assert_cmpstr (jh_clause_get_text (copy), ==, jh_clause_get_text (clause));
      jh_clause_get_kinds (clause, &n_kinds);
      jh_clause_get_kinds (copy, &n_copied_kinds);
      g_assert_cmpuint (n_kinds, ==, n_copied_kinds);
      copied = jh_clause_get_sources (copy);
      g_assert_cmpuint (copied->len, ==, sources->len);
      for (guint j = 0; j < sources->len; j++)
        {
          JhClauseSource *a = g_ptr_array_index (sources, j);
          JhClauseSource *b = g_ptr_array_index (copied, j);

          g_assert_cmpstr (a->file, ==, b->file);
          g_assert_cmpstr (a->document, ==, b->document);
          g_assert_cmpstr (a->organization, ==, b->organization);
          g_assert_cmpuint (a->year, ==, b->year);
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_true (b->has_kind);
        }
    }
  g_assert_cmpuint (jh_clause_get_sources (find_clause_containing (loaded, "全年举办学习讲座"))->len, ==, 3);

  /* A library with rules keeps them when clauses are harvested into it. */
  g_clear_object (&loaded);
  g_clear_object (&harvester);
  g_clear_object (&library);
  g_assert_true (g_file_get_contents (builtin_path, &builtin_text, &builtin_length, NULL));
  g_assert_true (g_file_set_contents (path, builtin_text, builtin_length, NULL));
  library = jh_harvest_open_library (file, NULL, &error);
  g_assert_no_error (error);
  harvester = jh_harvester_new (library);
  {
    g_autoptr(JhHarvestReport) report = harvest_corpus (harvester, corpus_files[0]);

    g_assert_cmpuint (report->n_added, >, 10);
  }
  g_assert_true (jh_library_save (library, NULL, &error));
  g_assert_no_error (error);
  loaded = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_rules (loaded)), ==,
                    g_list_model_get_n_items (jh_library_get_rules (builtin)));
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (loaded)), ==,
                    g_list_model_get_n_items (jh_library_get_clauses (library)));
  g_assert_true (jh_library_test (loaded, NULL));

  g_remove (path);
  g_rmdir (directory);
}

static int
run_harvest_cli (const char * const  *arguments,
                 char               **out,
                 char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) "library");
  g_ptr_array_add (argv, (gpointer) "harvest");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) arguments[i]);
  g_ptr_array_add (argv, NULL);

  return test_run_cli ((const char * const *) argv->pdata, out, err);
}

static void
test_harvest_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("jihua-harvest-XXXXXX", &error);
  g_autofree char *library_path = g_build_filename (directory, "mine.jhlib", NULL);
  g_autofree char *corpus = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", NULL);
  g_autofree char *one = g_build_filename (corpus, corpus_files[0], NULL);
  g_autofree char *missing = g_build_filename (directory, "missing.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GFile) library_file = g_file_new_for_path (library_path);
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(JhLibrary) expected = jh_library_new ("expected");
  g_autoptr(JhHarvester) harvester = jh_harvester_new (expected);

  g_assert_no_error (error);

  /* A folder: every file in it, the library created. */
  g_assert_cmpint (run_harvest_cli ((const char *[]) { "--library", library_path, corpus, NULL }, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    g_assert_nonnull (strstr (out, corpus_files[i]));
  g_assert_nonnull (strstr (out, "7 documents (3 harvested)"));

  library = jh_library_load_from_file (library_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jh_library_get_title (library), ==, "mine");
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      g_autoptr(JhHarvestReport) report = harvest_corpus (harvester, corpus_files[i]);
    }
  g_assert_cmpuint (count_clauses (library), ==, count_clauses (expected));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: nothing new, the file as it was. */
  g_assert_true (g_file_get_contents (library_path, &first, NULL, NULL));
  g_assert_cmpint (run_harvest_cli ((const char *[]) { "-l", library_path, one, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "0 new clauses"));
  g_assert_true (g_file_get_contents (library_path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&second, g_free);

  /* A file that cannot be read fails the run; the others are harvested. */
  g_assert_cmpint (run_harvest_cli ((const char *[]) { "-l", library_path, missing, one, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_assert_nonnull (strstr (out, corpus_files[0]));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors. */
  g_assert_cmpint (run_harvest_cli ((const char *[]) { one, NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--library"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_harvest_cli ((const char *[]) { "-l", library_path, NULL }, &out, &err), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A library that is not one is left alone. */
  g_assert_true (g_file_set_contents (library_path, "<library>not a library", -1, NULL));
  g_assert_cmpint (run_harvest_cli ((const char *[]) { "-l", library_path, one, NULL }, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "mine.jhlib"));
  g_assert_true (g_file_get_contents (library_path, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, "<library>not a library");

  g_remove (library_path);
  g_rmdir (directory);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/harvest/generalize", test_harvest_generalize);
  g_test_add_func ("/jihua/harvest/years", test_harvest_years);
  g_test_add_func ("/jihua/harvest/near-duplicates", test_harvest_near_duplicates);
  g_test_add_func ("/jihua/harvest/corpus-copies", test_harvest_corpus_copies);
  g_test_add_func ("/jihua/harvest/corpus-clauses", test_harvest_corpus_clauses);
  g_test_add_func ("/jihua/harvest/save", test_harvest_save);
  g_test_add_func ("/jihua/harvest/cli", test_harvest_cli);

  return g_test_run ();
}
