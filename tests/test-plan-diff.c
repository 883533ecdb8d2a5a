/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "jihua.h"
#include "test-utils.h"

/* Last year's plan beside this year's: tasks found again by their words
 * wherever they went, and what became of each.
 */

static JhPlan *
copy_plan (JhPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = jh_plan_serialize (plan, &error);
  JhPlan *copy;

  g_assert_no_error (error);
  copy = jh_plan_load_from_bytes (bytes, "copy.jhplan", &error);
  g_assert_no_error (error);

  return copy;
}

static JhTask *
find_task (GListModel *tasks,
           const char *lead)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      JhTask *found;

      if (g_strcmp0 (jh_task_get_lead (task), lead) == 0)
        return task;
      if ((found = find_task (jh_task_get_subtasks (task), lead)) != NULL)
        return found;
    }

  return NULL;
}

/* The task led by @lead in @plan; the plan holds it. */
static JhTask *
plan_task (JhPlan     *plan,
           const char *lead)
{
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      JhTask *task = find_task (jh_section_get_tasks (section), lead);

      if (task != NULL)
        return task;
    }

  g_assert_not_reached ();
}

static void
test_same (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhPlan) copy = copy_plan (plan);
  g_autoptr(JhPlanDiff) diff = jh_plan_diff_new (plan, copy);
  g_auto(GStrv) changed = jh_plan_diff_dup_changed_properties (diff);
  GPtrArray *matches = jh_plan_diff_get_matches (diff);

  g_assert_true (jh_plan_diff_is_same (diff));
  g_assert_cmpuint (g_strv_length (changed), ==, 0);
  g_assert_cmpuint (matches->len, ==, jh_plan_count_tasks (plan));
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_SAME), ==, matches->len);

  /* Every task is matched with its own copy. */
  for (guint i = 0; i < matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (matches, i);

      g_assert_cmpstr (jh_task_get_lead (jh_task_match_get_old_task (match)), ==,
                       jh_task_get_lead (jh_task_match_get_new_task (match)));
      g_assert_cmpfloat (jh_task_match_get_similarity (match), ==, 1.0);
    }

  /* Every paragraph of any length is a copy. */
  g_assert_cmpuint (jh_plan_diff_get_n_copied (diff), >, 20);
}

static void
test_changes (void)
{
  g_autoptr(JhPlan) old_plan = jh_plan_new_sample ();
  g_autoptr(JhPlan) new_plan = copy_plan (old_plan);
  g_autoptr(JhPlanDiff) diff = NULL;
  g_autoptr(JhTask) added = jh_task_new ("开展“双联系”委员履职活动");
  g_autoptr(JhParagraph) added_text = jh_paragraph_new ("组织委员联系界别群众、联系社区居民，每名委员全年联系群众不少于10人次。");
  JhSection *tasks = jh_plan_find_section (new_plan, JH_SECTION_KIND_MAIN_TASKS);
  JhSection *safeguards = jh_plan_find_section (new_plan, JH_SECTION_KIND_SAFEGUARDS);
  JhTask *dropped = plan_task (new_plan, "加强宣传工作，讲好政协故事");
  JhTask *moved = plan_task (new_plan, "发挥委员作用，服务基层群众");
  JhTask *retimed = plan_task (new_plan, "开展街道重点工作专题协商");
  JhTask *reworded = plan_task (new_plan, "提高提案质量，增强建言实效");
  JhTask *first = plan_task (new_plan, "加强理论学习，提高履职能力");
  g_autoptr(JhTarget) target = g_list_model_get_item (jh_task_get_targets (first), 0);
  double old_number = jh_target_get_number (target);
  g_autoptr(JhTask) moved_ref = g_object_ref (moved);
  g_autoptr(JhTask) first_ref = g_object_ref (first);
  JhTaskMatch *match;
  const JhTargetChange *change;

  /* This year: a new task at the front of the main tasks (every other
   * task's place changes), one dropped, one moved to the safeguards, one
   * retimed, one reworded, a target raised, and the first task put last.
   */
  jh_task_insert_paragraph (added, -1, added_text);
  jh_section_insert_task (tasks, 0, added);
  jh_section_remove_task (tasks, dropped);
  jh_section_remove_task (tasks, moved_ref);
  jh_section_insert_task (safeguards, -1, moved_ref);
  jh_task_set_timing (retimed, "5月下旬");
  jh_task_set_lead (reworded, "提高提案质量，增强建言献策实效");
  jh_target_set_number (target, old_number + 1);
  jh_section_remove_task (tasks, first_ref);
  jh_section_insert_task (tasks, -1, first_ref);

  diff = jh_plan_diff_new (old_plan, new_plan);
  g_assert_false (jh_plan_diff_is_same (diff));
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_NEW), ==, 1);
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_DROPPED), ==, 1);

  match = jh_plan_diff_find_match (diff, added);
  g_assert_cmpint (jh_task_match_get_change (match), ==, JH_TASK_CHANGE_NEW);
  g_assert_null (jh_task_match_get_old_task (match));

  match = jh_plan_diff_find_match (diff, plan_task (old_plan, "加强宣传工作，讲好政协故事"));
  g_assert_cmpint (jh_task_match_get_change (match), ==, JH_TASK_CHANGE_DROPPED);
  g_assert_null (jh_task_match_get_new_task (match));

  match = jh_plan_diff_find_match (diff, moved_ref);
  g_assert_cmpint (jh_task_match_get_change (match), ==, JH_TASK_CHANGE_CARRIED);
  g_assert_cmpint (jh_task_match_get_flags (match), ==, JH_TASK_CHANGE_MOVED);

  match = jh_plan_diff_find_match (diff, retimed);
  g_assert_cmpint (jh_task_match_get_flags (match), ==, JH_TASK_CHANGE_RETIMED);
  g_assert_true (jh_task_match_get_old_task (match) == plan_task (old_plan, "开展街道重点工作专题协商"));

  /* Reworded, yet found: by its words, not its place. */
  match = jh_plan_diff_find_match (diff, reworded);
  g_assert_cmpint (jh_task_match_get_flags (match), ==, JH_TASK_CHANGE_REWORDED);
  g_assert_true (jh_task_match_get_old_task (match) == plan_task (old_plan, "提高提案质量，增强建言实效"));
  g_assert_cmpfloat (jh_task_match_get_similarity (match), <, 1.0);

  /* Put last and its target raised: carried over, not moved. */
  match = jh_plan_diff_find_match (diff, first_ref);
  g_assert_cmpint (jh_task_match_get_flags (match), ==, JH_TASK_CHANGE_TARGETS);
  g_assert_cmpuint (jh_task_match_get_n_target_changes (match), ==, 1);
  change = jh_task_match_get_target_change (match, 0);
  g_assert_cmpstr (change->metric, ==, jh_target_get_metric (target));
  g_assert_cmpint (change->direction, ==, 1);
  g_assert_cmpfloat (jh_target_get_number (change->old_target), ==, old_number);
  g_assert_true (change->new_target == target);

  /* The tasks nobody touched are the same, though their places moved. */
  match = jh_plan_diff_find_match (diff, plan_task (new_plan, "加强民主监督，助推重点工作落实"));
  g_assert_cmpint (jh_task_match_get_change (match), ==, JH_TASK_CHANGE_SAME);
}

/* The sample plan carried over to the next year and edited: exactly the
 * edits are found, and every other task is the same.
 */
static void
test_carried_over_sample (void)
{
  g_autoptr(JhPlan) old_plan = jh_plan_new_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) new_plan = jh_plan_carry_over (old_plan, "sample-plan.jhplan", &error);
  g_autoptr(JhPlanDiff) diff = NULL;
  g_auto(GStrv) changed = NULL;
  JhTask *retimed;
  GPtrArray *matches;

  g_assert_no_error (error);
  retimed = plan_task (new_plan, "开展街道重点工作专题协商");
  jh_task_set_timing (retimed, "5月上旬");

  diff = jh_plan_diff_new (old_plan, new_plan);
  changed = jh_plan_diff_dup_changed_properties (diff);
  g_assert_true (g_strv_contains ((const char * const *) changed, "year"));
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_NEW), ==, 0);
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_DROPPED), ==, 0);
  g_assert_cmpuint (jh_plan_diff_count (diff, JH_TASK_CHANGE_CARRIED), ==, 1);

  matches = jh_plan_diff_get_matches (diff);
  for (guint i = 0; i < matches->len; i++)
    {
      JhTaskMatch *match = g_ptr_array_index (matches, i);

      if (jh_task_match_get_new_task (match) == retimed)
        g_assert_cmpint (jh_task_match_get_flags (match), ==, JH_TASK_CHANGE_RETIMED);
      else
        g_assert_cmpint (jh_task_match_get_change (match), ==, JH_TASK_CHANGE_SAME);
    }
}

/* A plan carried over from last year: its paragraphs copied word for
 * word are found, whatever the year in the plan's properties.
 */
static void
test_carried_over (void)
{
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "carried-2026.jhplan", NULL);
  g_autofree char *new_path = g_test_build_filename (G_TEST_DIST, "data", "carried-2027.jhplan", NULL);
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) old_plan = jh_plan_load_from_file (old_file, NULL, &error);
  g_autoptr(JhPlan) new_plan = NULL;
  g_autoptr(JhPlanDiff) diff = NULL;
  g_auto(GStrv) changed = NULL;

  g_assert_no_error (error);
  new_plan = jh_plan_load_from_file (new_file, NULL, &error);
  g_assert_no_error (error);

  diff = jh_plan_diff_new (old_plan, new_plan);
  changed = jh_plan_diff_dup_changed_properties (diff);
  g_assert_true (g_strv_contains ((const char * const *) changed, "year"));
  g_assert_false (jh_plan_diff_is_same (diff));
  g_assert_cmpuint (jh_plan_diff_get_n_copied (diff), >=, 10);

  for (guint i = 0; i < jh_plan_diff_get_n_copied (diff); i++)
    {
      const JhCopiedParagraph *copied = jh_plan_diff_get_copied (diff, i);

      g_assert_cmpstr (jh_paragraph_get_text (copied->old_paragraph), ==,
                       jh_paragraph_get_text (copied->new_paragraph));
    }
}

/* jihua-cli diff: the same facts; exit 0 when the same, 1 when not. */
static void
test_cli (void)
{
  g_autofree char *sample = test_dup_sample_path ();
  g_autofree char *old_path = g_test_build_filename (G_TEST_DIST, "data", "carried-2026.jhplan", NULL);
  g_autofree char *new_path = g_test_build_filename (G_TEST_DIST, "data", "carried-2027.jhplan", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;

  {
    const char *args[] = { "diff", sample, sample, NULL };

    g_assert_cmpint (test_run_cli (args, &out, &err), ==, 0);
  }

  {
    const char *args[] = { "diff", old_path, new_path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (test_run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "year"));
  }

  {
    const char *args[] = { "diff", "--format", "json", old_path, new_path, NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (test_run_cli (args, &out, &err), ==, 1);
    json_parser_load_from_data (parser, out, -1, &error);
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_false (json_object_get_boolean_member (root, "same"));
    g_assert_true (json_object_has_member (root, "tasks"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "copied_paragraphs")), >=, 10);
  }

  {
    const char *args[] = { "diff", old_path, "/nonexistent/plan.jhplan", NULL };

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "/nonexistent/plan.jhplan"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/plan-diff/same", test_same);
  g_test_add_func ("/jihua/plan-diff/changes", test_changes);
  g_test_add_func ("/jihua/plan-diff/carried-over", test_carried_over);
  g_test_add_func ("/jihua/plan-diff/carried-over-sample", test_carried_over_sample);
  g_test_add_func ("/jihua/plan-diff/cli", test_cli);

  return g_test_run ();
}
