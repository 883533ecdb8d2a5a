/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "jihua.h"
#include "test-utils.h"

static gboolean
plan_has_section (JhPlan        *plan,
                  JhSectionKind  kind)
{
  return jh_plan_find_section (plan, kind) != NULL;
}

static void
test_templates (void)
{
  g_autoptr(GPtrArray) templates = jh_templates_list ();

  g_assert_cmpuint (templates->len, >=, 3);

  for (guint i = 0; i < templates->len; i++)
    {
      JhTemplateInfo *info = g_ptr_array_index (templates, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(JhPlan) plan = jh_template_instantiate (info->name, 2028, "石桥镇政协工委", &error);
      g_autofree char *year_in_title = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (info->title);
      g_assert_cmpuint (jh_plan_get_year (plan), ==, 2028);
      g_assert_cmpint (jh_plan_get_status (plan), ==, JH_PLAN_STATUS_DRAFT);
      g_assert_cmpstr (jh_plan_get_organization (plan), ==, "石桥镇政协工委");

      /* The variables are filled in, and the standard sections are there. */
      g_assert_true (g_str_has_prefix (jh_plan_get_title (plan), "石桥镇政协工委2028年"));
      g_assert_null (strstr (jh_plan_get_title (plan), "{"));
      g_assert_true (plan_has_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
      g_assert_true (plan_has_section (plan, JH_SECTION_KIND_MAIN_TASKS));
      g_assert_true (plan_has_section (plan, JH_SECTION_KIND_SAFEGUARDS) ||
                     plan_has_section (plan, JH_SECTION_KIND_REQUIREMENTS));
      g_assert_cmpuint (jh_plan_count_tasks (plan), >=, 3);
    }
}

static void
test_template_without_organization (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_template_instantiate ("party-branch", 2027, NULL, &error);

  g_assert_no_error (error);

  /* An unknown organization stays a variable, for the user (and the
   * placeholder check) to see.
   */
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "{单位}2027年工作计划");

  g_assert_null (jh_template_instantiate ("no-such-template", 2027, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
count_marked (GListModel *paragraphs,
              guint      *marked,
              guint      *total)
{
  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      JhProvenance *provenance = jh_paragraph_get_provenance (paragraph);

      (*total)++;
      if (provenance != NULL &&
          g_strcmp0 (jh_provenance_get_source (provenance), "2027年工作计划.jhplan") == 0 &&
          jh_provenance_get_source_year (provenance) == 2027)
        (*marked)++;
    }
}

static void
count_task_paragraphs (GListModel *tasks,
                       guint      *marked,
                       guint      *total)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      g_assert_nonnull (jh_task_get_provenance (task));
      count_marked (jh_task_get_paragraphs (task), marked, total);
      count_task_paragraphs (jh_task_get_subtasks (task), marked, total);
    }
}

static void
test_carry_over (void)
{
  g_autoptr(JhPlan) old = jh_plan_new_sample ();
  g_autoptr(JhPlan) next = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *sections;
  JhSection *main_tasks;
  guint marked = 0, total = 0;

  /* Last year's plan was final and issued. */
  jh_plan_set_status (old, JH_PLAN_STATUS_FINAL);
  {
    JhSection *section = jh_plan_find_section (old, JH_SECTION_KIND_MAIN_TASKS);
    g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);

    jh_task_set_timing (task, "2027年3月至11月");
  }

  next = jh_plan_carry_over (old, "2027年工作计划.jhplan", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (jh_plan_get_year (next), ==, 2028);
  g_assert_cmpstr (jh_plan_get_title (next), ==, "青桥街道政协工委2028年工作计划");
  g_assert_cmpint (jh_plan_get_status (next), ==, JH_PLAN_STATUS_DRAFT);
  g_assert_null (jh_plan_get_date (next));
  g_assert_null (jh_plan_get_signoff_date (next));
  g_assert_cmpstr (jh_plan_get_document_number (next), ==, "");
  g_assert_cmpstr (jh_plan_get_signoff_organization (next), ==, jh_plan_get_signoff_organization (old));

  /* The structure is the same. */
  g_assert_cmpuint (jh_plan_count_tasks (next), ==, jh_plan_count_tasks (old));
  g_assert_cmpuint (g_list_model_get_n_items (jh_plan_get_sections (next)), ==,
                    g_list_model_get_n_items (jh_plan_get_sections (old)));

  /* Timings move to the new year. */
  main_tasks = jh_plan_find_section (next, JH_SECTION_KIND_MAIN_TASKS);
  {
    g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (main_tasks), 0);
    g_autoptr(JhTask) old_first = g_list_model_get_item (jh_section_get_tasks (jh_plan_find_section (old, JH_SECTION_KIND_MAIN_TASKS)), 0);
    g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_task_get_paragraphs (first), 0);
    g_autoptr(JhParagraph) old_paragraph = g_list_model_get_item (jh_task_get_paragraphs (old_first), 0);

    g_assert_cmpstr (jh_task_get_timing (first), ==, "2028年3月至11月");

    /* The text itself is untouched, so that what was copied unchanged
     * can be told.
     */
    g_assert_cmpstr (jh_paragraph_get_text (paragraph), ==, jh_paragraph_get_text (old_paragraph));
  }

  /* Every paragraph is marked with where it came from. */
  sections = jh_plan_get_sections (next);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      count_marked (jh_section_get_paragraphs (section), &marked, &total);
      count_task_paragraphs (jh_section_get_tasks (section), &marked, &total);
    }
  g_assert_cmpuint (total, >, 10);
  g_assert_cmpuint (marked, ==, total);

  /* The old plan is left as it was. */
  g_assert_cmpuint (jh_plan_get_year (old), ==, 2027);
  g_assert_cmpint (jh_plan_get_status (old), ==, JH_PLAN_STATUS_FINAL);
}

static void
test_carry_over_keeps_clauses (void)
{
  g_autoptr(JhPlan) old = jh_plan_new (2026);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_GUIDING_IDEOLOGY, NULL);
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("以习近平新时代中国特色社会主义思想为指导。");
  g_autoptr(JhProvenance) clause = jh_provenance_new ("guiding.xi-thought", 3, NULL, 0);
  g_autoptr(JhPlan) next = NULL;
  g_autoptr(GError) error = NULL;
  JhProvenance *provenance;

  jh_paragraph_set_provenance (paragraph, clause);
  jh_section_insert_paragraph (section, -1, paragraph);
  jh_plan_insert_section (old, -1, section);

  next = jh_plan_carry_over (old, "old.jhplan", &error);
  g_assert_no_error (error);

  {
    g_autoptr(JhParagraph) carried = g_list_model_get_item (jh_section_get_paragraphs (jh_plan_find_section (next, JH_SECTION_KIND_GUIDING_IDEOLOGY)), 0);

    provenance = jh_paragraph_get_provenance (carried);
    g_assert_cmpstr (jh_provenance_get_clause_id (provenance), ==, "guiding.xi-thought");
    g_assert_cmpuint (jh_provenance_get_clause_version (provenance), ==, 3);
    g_assert_cmpstr (jh_provenance_get_source (provenance), ==, "old.jhplan");
    g_assert_cmpuint (jh_provenance_get_source_year (provenance), ==, 2026);
  }
}

static void
test_cli_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jihua-new-XXXXXX", &error);
  g_autofree char *sample = test_dup_sample_path ();
  g_autofree char *from_template = g_build_filename (dir, "template.jhplan", NULL);
  g_autofree char *carried = g_build_filename (dir, "carried.jhplan", NULL);
  g_autoptr(GFile) carried_file = g_file_new_for_path (carried);
  g_autoptr(JhPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  {
    const char * const args[] = { "new", "--template", "cppcc-committee", "--year", "2027", "-o", from_template, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (from_template, G_FILE_TEST_EXISTS));
  }
  {
    const char * const args[] = { "new", "--from", sample, "-o", carried, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    plan = jh_plan_load_from_file (carried_file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (jh_plan_get_year (plan), ==, 2028);
  }

  /* Never over someone's file. */
  g_file_get_contents (carried, &before, NULL, NULL);
  {
    const char * const args[] = { "new", "--template", "party-branch", "-o", carried, NULL };

    g_assert_cmpint (test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "carried.jhplan"));
  }
  g_file_get_contents (carried, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  {
    const char * const args[] = { "new", "--template", "nonsense", "-o", from_template, NULL };
    const char * const both[] = { "new", "--template", "party-branch", "--from", sample, "-o", from_template, NULL };
    const char * const no_output[] = { "new", "--template", "party-branch", NULL };

    g_unlink (from_template);
    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 2);
    g_assert_cmpint (test_run_cli (both, NULL, NULL), ==, 2);
    g_assert_cmpint (test_run_cli (no_output, NULL, NULL), ==, 2);
  }

  g_unlink (carried);
  g_unlink (from_template);
  g_rmdir (dir);
}

static void
test_cli_list_templates (void)
{
  const char *argv[] = { g_getenv ("JIHUA_CLI"), "new", "--list-templates", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

  /* One template a line, its name first. */
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "cppcc-committee\t"));
  g_assert_true (g_str_has_prefix (lines[1], "party-branch\t"));
  g_assert_true (g_str_has_prefix (lines[2], "office-key-points\t"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/templates/instantiate", test_templates);
  g_test_add_func ("/jihua/templates/without-organization", test_template_without_organization);
  g_test_add_func ("/jihua/carry-over/sample", test_carry_over);
  g_test_add_func ("/jihua/carry-over/keeps-clauses", test_carry_over_keeps_clauses);
  g_test_add_func ("/jihua/cli/new", test_cli_new);
  g_test_add_func ("/jihua/cli/new/list-templates", test_cli_list_templates);

  return g_test_run ();
}
