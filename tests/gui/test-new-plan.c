/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-new-plan-dialog.h"
#include "jh-window.h"

static JhApplication *application;

static void
test_dialog (void)
{
  JhNewPlanDialog *dialog = jh_new_plan_dialog_new (NULL);
  GtkWidget *organization_row = gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Organization");
  GtkWidget *year_button = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_save_rendering (GTK_WIDGET (dialog), "new-plan-dialog.png");

  /* The coming year is proposed, and the first template. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (year_button)), ==,
                   g_date_time_get_year (now) + 1);
  g_assert_cmpstr (jh_new_plan_dialog_get_template (dialog), ==, "cppcc-committee");

  jh_new_plan_dialog_set_template (dialog, "party-branch");
  gtk_editable_set_text (GTK_EDITABLE (organization_row), "机关第一党支部");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year_button), 2027);

  plan = jh_new_plan_dialog_create_plan (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "机关第一党支部2027年工作计划");
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2027);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_new_action (void)
{
  JhWindow *window;
  JhPlan *plan;

  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (application)));
  g_action_group_activate_action (G_ACTION_GROUP (application), "new", NULL);

  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  plan = jh_window_get_plan (window);

  /* A blank plan has the four core sections, and no file yet. */
  g_assert_nonnull (jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY));
  g_assert_nonnull (jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS));
  g_assert_nonnull (jh_plan_find_section (plan, JH_SECTION_KIND_SCHEDULE));
  g_assert_nonnull (jh_plan_find_section (plan, JH_SECTION_KIND_SAFEGUARDS));
  g_assert_null (jh_window_get_file (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preferences (void)
{
  GSettings *settings = jh_application_get_settings (application);
  GtkWindow *preferences = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *organization_row, *autosave_button;
  JhWindow *window;
  guint delay;

  g_assert_nonnull (settings);

  g_action_group_activate_action (G_ACTION_GROUP (application), "new", NULL);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (toplevel))
        preferences = toplevel;
    }
  g_assert_nonnull (preferences);
  gui_test_save_rendering (GTK_WIDGET (preferences), "preferences.png");

  /* What is set there applies at once: to the settings, to the open
   * windows, to the next new plan.
   */
  organization_row = gui_test_find_row (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, "Default Organization");
  autosave_button = gui_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON);
  gtk_editable_set_text (GTK_EDITABLE (organization_row), "青桥街道政协工委");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (autosave_button), 10);

  {
    g_autofree char *organization = g_settings_get_string (settings, "default-organization");

    g_assert_cmpstr (organization, ==, "青桥街道政协工委");
  }
  g_object_get (window, "autosave-delay", &delay, NULL);
  g_assert_cmpuint (delay, ==, 10);

  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "default-organization");
  g_settings_reset (settings, "autosave-delay");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);

  application = jh_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));

  g_test_add_func ("/jihua/new-plan/dialog", test_dialog);
  g_test_add_func ("/jihua/new-plan/new-action", test_new_action);
  g_test_add_func ("/jihua/new-plan/preferences", test_preferences);

  status = g_test_run ();

  g_application_release (G_APPLICATION (application));
  g_object_unref (application);

  return status;
}
