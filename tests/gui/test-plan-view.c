/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-plan-view.h"

static void
test_selection_picks_the_form (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhHistory) history = jh_history_new ();
  GtkWidget *window = gtk_window_new ();
  JhPlanView *view = JH_PLAN_VIEW (jh_plan_view_new ());
  JhOutline *outline = jh_plan_view_get_outline (view);
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 1);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  jh_plan_view_set_history (view, history);
  jh_plan_view_set_plan (view, plan);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));

  /* Nothing selected: the plan's properties. */
  g_assert_cmpstr (jh_plan_view_get_editor_name (view), ==, "plan");

  jh_outline_select (outline, JH_NODE (section));
  g_assert_cmpstr (jh_plan_view_get_editor_name (view), ==, "section");

  jh_outline_select (outline, JH_NODE (task));
  g_assert_cmpstr (jh_plan_view_get_editor_name (view), ==, "task");
  gui_test_save_rendering (window, "plan-view.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "plan.show-properties", NULL));
  g_assert_cmpstr (jh_plan_view_get_editor_name (view), ==, "plan");
  g_assert_null (jh_outline_get_selected (outline));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/plan-view/selection-picks-the-form", test_selection_picks_the_form);

  return g_test_run ();
}
