/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-compare-view.h"
#include "jh-window.h"
#include "jihua.h"

/* The Compare page: this year's plan beside last year's. */

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

static void
task_activated_cb (JhCompareView  *view,
                   JhTask         *task,
                   JhTask        **activated)
{
  *activated = task;
}

static void
test_compare_page (void)
{
  g_autoptr(JhPlan) last_year = jh_plan_new_sample ();
  g_autoptr(JhPlan) plan = copy_plan (last_year);
  JhWindow *window = jh_window_new (NULL);
  JhSection *tasks = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) added = jh_task_new ("开展“委员进社区”活动");
  g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (tasks), 0);
  g_autoptr(JhTask) dropped = g_list_model_get_item (jh_section_get_tasks (tasks), 8);
  g_autoptr(JhTarget) target = g_list_model_get_item (jh_task_get_targets (first), 0);
  AdwViewStack *stack;
  JhCompareView *view;
  JhTask *activated = NULL;
  guint n_all, n_changes, n_unchanged;

  jh_task_set_lead (first, "加强理论学习，全面提升履职能力");
  jh_target_set_number (target, jh_target_get_number (target) + 2);
  jh_section_insert_task (tasks, 1, added);
  jh_section_remove_task (tasks, dropped);

  jh_window_set_plan (window, plan, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 900);
  gtk_window_present (GTK_WINDOW (window));

  stack = ADW_VIEW_STACK (gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  adw_view_stack_set_visible_child_name (stack, "compare");
  view = JH_COMPARE_VIEW (gui_test_find_widget (GTK_WIDGET (window), JH_TYPE_COMPARE_VIEW));
  gui_test_save_rendering (GTK_WIDGET (window), "compare-empty.png");
  g_assert_null (jh_compare_view_get_diff (view));

  jh_compare_view_compare_with (view, last_year, "2026年工作计划.jhplan");
  g_assert_nonnull (jh_compare_view_get_diff (view));
  n_all = jh_compare_view_get_n_shown (view);
  g_assert_cmpuint (n_all, ==, jh_plan_count_tasks (plan) + 1);
  gui_test_save_rendering (GTK_WIDGET (window), "compare.png");

  /* Only what changed: the new, the dropped and the reworded task. */
  jh_compare_view_set_filter (view, JH_COMPARE_FILTER_CHANGES);
  n_changes = jh_compare_view_get_n_shown (view);
  g_assert_cmpuint (n_changes, ==, 3);
  gui_test_save_rendering (GTK_WIDGET (window), "compare-changes.png");
  jh_compare_view_set_filter (view, JH_COMPARE_FILTER_UNCHANGED);
  n_unchanged = jh_compare_view_get_n_shown (view);
  g_assert_cmpuint (n_changes + n_unchanged, ==, n_all);

  /* A row opens its task in the editor. */
  jh_compare_view_set_filter (view, JH_COMPARE_FILTER_CHANGES);
  g_signal_connect (view, "task-activated", G_CALLBACK (task_activated_cb), &activated);
  jh_compare_view_activate_row (view, 0);
  g_assert_true (activated == first);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "edit");
  g_assert_true (jh_outline_get_selected (jh_plan_view_get_outline (jh_window_get_plan_view (window))) == JH_NODE (first));

  /* An edit is compared again a moment later: the dropped task put
   * back is no longer dropped.
   */
  g_assert_cmpuint (jh_plan_diff_count (jh_compare_view_get_diff (view), JH_TASK_CHANGE_DROPPED), ==, 1);
  jh_section_insert_task (tasks, -1, dropped);
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    while (jh_plan_diff_count (jh_compare_view_get_diff (view), JH_TASK_CHANGE_DROPPED) != 0)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, FALSE);
        g_usleep (1000);
      }
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/compare-view/page", test_compare_page);

  return g_test_run ();
}
