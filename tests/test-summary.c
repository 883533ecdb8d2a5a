/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jihua.h"
#include "test-utils.h"

/* The year's summary, started from the year's plan. */

static JhSection *
find_titled (JhPlan     *plan,
             const char *title)
{
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      if (g_strcmp0 (jh_section_get_title (section), title) == 0)
        return section;
    }

  return NULL;
}

static void
test_title (void)
{
  const struct { const char *plan; const char *summary; } titles[] = {
    { "青桥街道政协工委2027年工作计划", "青桥街道政协工委2027年工作总结" },
    { "县教育局2027年工作要点", "县教育局2027年工作总结" },
    { "机关党支部2027年学习计划", "机关党支部2027年学习总结" },
    { "2027年委员履职活动", "2027年委员履职活动工作总结" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *title = jh_summary_dup_title (titles[i].plan);

      g_assert_cmpstr (title, ==, titles[i].summary);
    }
}

static void
test_from_sample (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhPlan) summary = jh_summary_new_from_plan (plan);
  JhSection *plan_tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *work = jh_plan_find_section (summary, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *activities = find_titled (summary, "全年活动完成情况");
  JhSection *next_year = find_titled (summary, "下一年工作思路");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JhPlan) reloaded = NULL;
  g_autoptr(JhLayout) layout = NULL;
  g_autofree char *text = NULL;
  gboolean first_quarter = FALSE, ticked = FALSE;

  g_assert_cmpint (jh_plan_get_kind (summary), ==, JH_DOCUMENT_KIND_SUMMARY);
  g_assert_cmpstr (jh_plan_get_title (summary), ==, "青桥街道政协工委2027年工作总结");
  g_assert_cmpuint (jh_plan_get_year (summary), ==, 2027);

  /* The plan's main tasks, in order, each with its targets. */
  g_assert_nonnull (work);
  g_assert_cmpuint (g_list_model_get_n_items (jh_section_get_tasks (work)), ==,
                    g_list_model_get_n_items (jh_section_get_tasks (plan_tasks)));
  for (guint i = 0; i < g_list_model_get_n_items (jh_section_get_tasks (work)); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (work), i);
      g_autoptr(JhTask) planned = g_list_model_get_item (jh_section_get_tasks (plan_tasks), i);

      g_assert_cmpstr (jh_task_get_lead (task), ==, jh_task_get_lead (planned));
      g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==,
                        g_list_model_get_n_items (jh_task_get_targets (planned)));
    }

  /* The activities by quarter, each with a box to tick. */
  g_assert_nonnull (activities);
  for (guint i = 0; i < g_list_model_get_n_items (jh_section_get_paragraphs (activities)); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_section_get_paragraphs (activities), i);
      const char *paragraph_text = jh_paragraph_get_text (paragraph);

      first_quarter |= g_str_has_prefix (paragraph_text, "第一季度");
      ticked |= g_str_has_prefix (paragraph_text, "☐ 2月6日") && strstr (paragraph_text, "广泛凝聚共识") != NULL;
    }
  g_assert_true (first_quarter);
  g_assert_true (ticked);

  /* Every task of the plan's schedule is there to tick off. */
  {
    g_autoptr(JhSchedule) schedule = jh_schedule_new (plan);
    GPtrArray *scheduled = jh_schedule_get_tasks (schedule);

    for (guint t = 0; t < scheduled->len; t++)
      {
        JhTask *task = g_ptr_array_index (scheduled, t);
        GPtrArray *task_activities = jh_schedule_get_activities (schedule, task);
        gboolean listed = FALSE;

        if (task_activities == NULL || task_activities->len == 0 ||
            jh_task_get_section (task) == NULL ||
            jh_section_get_kind (jh_task_get_section (task)) != JH_SECTION_KIND_MAIN_TASKS)
          continue;

        for (guint i = 0; i < g_list_model_get_n_items (jh_section_get_paragraphs (activities)) && !listed; i++)
          {
            g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_section_get_paragraphs (activities), i);

            listed = g_str_has_prefix (jh_paragraph_get_text (paragraph), "☐") &&
                     strstr (jh_paragraph_get_text (paragraph), jh_task_get_lead (task)) != NULL;
          }
        if (!listed)
          g_test_message ("Not listed: %s (%s)", jh_task_get_lead (task), jh_task_get_timing (task));
        g_assert_true (listed);
      }
  }
  g_assert_nonnull (next_year);

  /* The same validated file as a plan, read back as a summary. */
  bytes = jh_plan_serialize (summary, &error);
  g_assert_no_error (error);
  reloaded = jh_plan_load_from_bytes (bytes, "summary.jhplan", &error);
  g_assert_no_error (error);
  g_assert_cmpint (jh_plan_get_kind (reloaded), ==, JH_DOCUMENT_KIND_SUMMARY);

  /* Laid out, each task's targets are a table to fill. */
  layout = jh_layout_new (summary, NULL, JH_LAYOUT_FLAGS_NONE);
  text = jh_layout_dup_text (layout);
  g_assert_nonnull (strstr (text, "目标\t完成情况\n集中学习≥4次\t\n"));
  g_assert_nonnull (strstr (text, "下一年工作思路"));
}

/* A plan's own layout has no such tables. */
static void
test_plan_has_no_target_tables (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autofree char *text = jh_layout_dup_text (layout);

  g_assert_null (strstr (text, "目标\t完成情况"));
}

static void
test_cli (void)
{
  g_autofree char *sample = test_dup_sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("jihua-summary-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "summary.jhplan", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) summary = NULL;
  const char *args[] = { "new", "--summary-from", sample, "-o", output, NULL };

  g_assert_cmpint (test_run_cli (args, &out, &err), ==, 0);
  summary = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jh_plan_get_kind (summary), ==, JH_DOCUMENT_KIND_SUMMARY);

  /* Never over a file that is there. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run_cli (args, &out, &err), ==, 1);

  g_unlink (output);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/summary/title", test_title);
  g_test_add_func ("/jihua/summary/from-sample", test_from_sample);
  g_test_add_func ("/jihua/summary/plan-has-no-target-tables", test_plan_has_no_target_tables);
  g_test_add_func ("/jihua/summary/cli", test_cli);

  return g_test_run ();
}
