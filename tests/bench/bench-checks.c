/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>

#include "jihua.h"

/* Benchmarks of the checks: a plan of 500 paragraphs against 100,000
 * library clauses, and one edited paragraph checked again, as the editor
 * does while the user types.  The clauses are generated from the
 * built-in library's own, each made different by a phrase of its own, so
 * the figures are repeatable.  Prints "name: value unit" lines.
 */

#define N_CLAUSES    100000
#define N_PARAGRAPHS 500
#define RUNS         3

static double
thread_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

/* Three characters of a set of 64, from @n: 262,144 different phrases. */
static void
append_phrase (GString *text,
               guint    n)
{
  static const char *const pool =
    "社区街道委员协商监督调研视察提案民生服务发展治理建设学习培训宣传联络"
    "经济文化教育卫生环境交通养老就业住房安全法治乡村城市产业科技人才";
  glong pool_length = g_utf8_strlen (pool, -1);

  for (guint k = 0; k < 3; k++, n /= 64)
    {
      const char *p = g_utf8_offset_to_pointer (pool, (n % 64) % pool_length);

      g_string_append_len (text, p, g_utf8_next_char (p) - p);
    }
}

static JhLibrary *
build_library (GPtrArray *base_texts)
{
  JhLibrary *library = jh_library_new ("基准条款库");

  for (guint i = 0; i < N_CLAUSES; i++)
    {
      g_autoptr(GString) text = g_string_new ("围绕");
      g_autofree char *id = g_strdup_printf ("bench.%u", i);
      g_autoptr(JhClause) clause = NULL;

      append_phrase (text, i);
      g_string_append (text, "工作，");
      g_string_append (text, g_ptr_array_index (base_texts, i % base_texts->len));
      append_phrase (text, i * 7 + 3);

      clause = jh_clause_new (id, 1, id, text->str);
      jh_clause_add_kind (clause, JH_SECTION_KIND_MAIN_TASKS);
      if (i % 20 == 0)
        jh_clause_set_status (clause, JH_CLAUSE_STATUS_HISTORICAL);
      jh_library_add_clause (library, clause);
    }

  return library;
}

static JhPlan *
build_plan (GPtrArray   *texts,
            JhParagraph **edited)
{
  JhPlan *plan = jh_plan_new (2027);
  g_autoptr(JhSection) guiding = jh_section_new (JH_SECTION_KIND_GUIDING_IDEOLOGY, NULL);
  g_autoptr(JhSection) tasks = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhParagraph) first = jh_paragraph_new ("以习近平新时代中国特色社会主义思想为指导，坚持团结和民主两大主题。");
  guint count = 1;

  jh_plan_set_title (plan, "青桥街道政协工委2027年工作计划");
  jh_plan_set_organization (plan, "青桥街道政协工作委员会");
  jh_section_insert_paragraph (guiding, -1, first);
  jh_plan_insert_section (plan, -1, guiding);

  for (guint t = 0; count < N_PARAGRAPHS; t++)
    {
      g_autoptr(JhTask) task = jh_task_new ("围绕中心工作，深入开展专题调研");

      jh_task_set_timing (task, "5月中旬");
      for (guint p = 0; p < 10 && count < N_PARAGRAPHS; p++, count++)
        {
          g_autoptr(GString) text = g_string_new (g_ptr_array_index (texts, count % texts->len));
          g_autoptr(JhParagraph) paragraph = NULL;

          /* Every paragraph different, as in a real plan. */
          g_string_append_printf (text, "全年不少于%u次。", 1 + count % 9);
          paragraph = jh_paragraph_new (text->str);
          jh_task_insert_paragraph (task, -1, paragraph);
          if (count == N_PARAGRAPHS / 2)
            *edited = paragraph;
        }
      jh_section_insert_task (tasks, -1, task);
    }

  jh_plan_insert_section (plan, -1, tasks);

  return plan;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(JhLibrary) builtin = jh_library_new_builtin ();
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(JhLibrarySet) set = jh_library_set_new ();
  g_autoptr(JhChecker) checker = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(JhReport) report = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *edited_text = NULL;
  GListModel *clauses = jh_library_get_clauses (builtin);
  JhParagraph *edited = NULL;
  double start, index_time, best_check = G_MAXDOUBLE, best_recheck = G_MAXDOUBLE, best_paragraph = G_MAXDOUBLE;
  guint n_findings = 0;

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      JhClause *clause = g_list_model_get_item (clauses, i);

      if (jh_clause_get_status (clause) == JH_CLAUSE_STATUS_CURRENT)
        g_ptr_array_add (texts, (gpointer) jh_clause_get_text (clause));
      g_object_unref (clause);
    }

  library = build_library (texts);
  jh_library_set_append (set, builtin);
  jh_library_set_append (set, library);

  start = thread_seconds ();
  jh_library_set_get_index (set);
  index_time = thread_seconds () - start;
  g_print ("index-%u-clauses: %.0f ms\n", jh_clause_index_get_n_items (jh_library_set_get_index (set)),
           index_time * 1000);

  checker = jh_checker_new (set);
  plan = build_plan (texts, &edited);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      start = thread_seconds ();
      findings = jh_checker_check (checker, plan);
      best_check = MIN (best_check, thread_seconds () - start);
      n_findings = findings->len;
    }
  g_print ("check-%u-paragraphs: %.0f ms (%u findings)\n", N_PARAGRAPHS, best_check * 1000, n_findings);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GPtrArray) findings = NULL;

      start = thread_seconds ();
      findings = jh_checker_check_paragraph (checker, edited);
      best_paragraph = MIN (best_paragraph, thread_seconds () - start);
    }
  g_print ("check-one-paragraph: %.2f ms\n", best_paragraph * 1000);

  /* The editor's way: a report kept up to date, one paragraph edited. */
  report = jh_report_new (checker, plan);
  jh_report_refresh (report);
  edited_text = g_strdup (jh_paragraph_get_text (edited));
  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *text = g_strdup_printf ("%s十九大%u", edited_text, run);

      jh_paragraph_set_text (edited, text);
      start = thread_seconds ();
      jh_report_recheck (report, JH_NODE (edited));
      best_recheck = MIN (best_recheck, thread_seconds () - start);
    }
  g_print ("recheck-after-edit: %.1f ms\n", best_recheck * 1000);

  /* The everyday case: the sample plan and the built-in library only. */
  {
    g_autoptr(JhLibrarySet) builtin_set = jh_library_set_new ();
    g_autoptr(JhChecker) builtin_checker = NULL;
    g_autoptr(JhPlan) sample = jh_plan_new_sample ();
    g_autoptr(JhReport) sample_report = NULL;
    JhSection *section = jh_plan_find_section (sample, JH_SECTION_KIND_MAIN_TASKS);
    g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);
    g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_task_get_paragraphs (task), 0);
    g_autofree char *original = g_strdup (jh_paragraph_get_text (paragraph));
    double best_sample = G_MAXDOUBLE;

    jh_library_set_append (builtin_set, builtin);
    builtin_checker = jh_checker_new (builtin_set);
    sample_report = jh_report_new (builtin_checker, sample);
    jh_report_refresh (sample_report);

    for (guint run = 0; run < RUNS; run++)
      {
        g_autofree char *text = g_strdup_printf ("%s十九大%u", original, run);

        jh_paragraph_set_text (paragraph, text);
        start = thread_seconds ();
        jh_report_recheck (sample_report, JH_NODE (paragraph));
        best_sample = MIN (best_sample, thread_seconds () - start);
      }
    g_print ("recheck-sample-plan-builtin: %.2f ms\n", best_sample * 1000);
  }

  return 0;
}
