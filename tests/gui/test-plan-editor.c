/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-plan-editor.h"

static void
test_parse_date (void)
{
  const struct {
    const char *text;
    guint       year, month, day;
  } dates[] = {
    { "2027年1月8日", 2027, 1, 8 },
    { "2027-01-08", 2027, 1, 8 },
    { "2027.1.8", 2027, 1, 8 },
    { "2028/2/29", 2028, 2, 29 },
    { "2027年2月29日", 0 },
    { "2027年13月1日", 0 },
    { "1900年1月1日", 0 },
    { "明年元旦", 0 },
    { "2027年1月8日起", 0 },
    { "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(GDate) date = jh_parse_date (dates[i].text);

      if (dates[i].year == 0)
        {
          g_assert_null (date);
          continue;
        }

      g_assert_nonnull (date);
      g_assert_cmpuint (g_date_get_year (date), ==, dates[i].year);
      g_assert_cmpuint (g_date_get_month (date), ==, dates[i].month);
      g_assert_cmpuint (g_date_get_day (date), ==, dates[i].day);
    }
}

static void
test_edit_properties (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhHistory) history = jh_history_new ();
  GtkWidget *window = gtk_window_new ();
  JhPlanEditor *editor = JH_PLAN_EDITOR (jh_plan_editor_new ());
  GtkWidget *organization_row, *date_row, *year_button;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  jh_plan_editor_set_history (editor, history);
  jh_plan_editor_set_plan (editor, plan);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_save_rendering (window, "plan-editor.png");

  organization_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Organization");
  date_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Date of Issue");
  year_button = gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON);

  /* The form shows the plan, dates as documents write them. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (organization_row)), ==, "青桥街道政协工作委员会");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2027年1月8日");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (year_button)), ==, 2027);

  gtk_editable_set_text (GTK_EDITABLE (organization_row), "石桥镇政协工委");
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "石桥镇政协工委");

  /* A date is taken when it is applied, and only if it is a date. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2027年2月30日");
  g_signal_emit_by_name (date_row, "apply");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpuint (g_date_get_day (jh_plan_get_date (plan)), ==, 8);

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2027-01-12");
  g_signal_emit_by_name (date_row, "apply");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_cmpuint (g_date_get_day (jh_plan_get_date (plan)), ==, 12);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2027年1月12日");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year_button), 2028);
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2028);

  /* Undo, step by step, back to the sample. */
  g_assert_true (jh_history_undo (history));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (year_button)), ==, 2027);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "2027年1月8日");
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (jh_plan_get_organization (plan), ==, "青桥街道政协工作委员会");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/plan-editor/parse-date", test_parse_date);
  g_test_add_func ("/jihua/plan-editor/edit-properties", test_edit_properties);

  return g_test_run ();
}
