/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gui-test-utils.h"
#include "jh-body-editor.h"
#include "jh-section-editor.h"

static char *
dup_section_text (JhSection *section)
{
  GListModel *paragraphs = jh_section_get_paragraphs (section);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (paragraphs); i++)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      g_string_append_printf (text, "%s%s", i ? "\n" : "", jh_paragraph_get_text (paragraph));
    }

  return g_string_free (text, FALSE);
}

static void
test_write_schedule (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *schedule = jh_plan_find_section (plan, JH_SECTION_KIND_SCHEDULE);
  GtkWidget *window = gtk_window_new ();
  JhSectionEditor *editor = JH_SECTION_EDITOR (jh_section_editor_new ());
  g_autofree char *by_hand = dup_section_text (schedule);
  g_autofree char *written = NULL;
  g_autofree char *restored = NULL;
  GtkWidget *heading_row;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  jh_section_editor_set_history (editor, history);
  jh_section_editor_set_section (editor, schedule);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_save_rendering (window, "section-editor.png");

  heading_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Heading");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (heading_row)), ==, "时间安排");

  /* Written from the tasks, by quarter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "section.write-schedule", "s", "quarter"));
  written = dup_section_text (schedule);
  g_assert_cmpstr (written, !=, by_hand);
  g_assert_nonnull (strstr (written, "第二季度："));
  g_assert_nonnull (strstr (written, "9月中旬，小微企业发展和营商环境情况调研"));

  /* One Undo brings back what was written by hand. */
  g_assert_true (jh_history_undo (history));
  restored = dup_section_text (schedule);
  g_assert_cmpstr (restored, ==, by_hand);

  /* Editing the heading edits the section. */
  gtk_editable_set_text (GTK_EDITABLE (heading_row), "进度安排");
  g_assert_cmpstr (jh_section_get_title (schedule), ==, "进度安排");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_schedule_only_for_schedules (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhHistory) history = jh_history_new ();
  JhSection *ideology = jh_plan_find_section (plan, JH_SECTION_KIND_GUIDING_IDEOLOGY);
  JhSectionEditor *editor = JH_SECTION_EDITOR (g_object_ref_sink (jh_section_editor_new ()));
  GtkWidget *write_row;

  jh_section_editor_set_history (editor, history);
  jh_section_editor_set_section (editor, ideology);

  write_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "By Quarter");
  g_assert_nonnull (write_row);
  g_assert_false (gtk_widget_is_visible (write_row) && gtk_widget_get_visible (gtk_widget_get_parent (write_row)));

  /* Changing the kind is an edit like any other. */
  jh_history_set (history, JH_NODE (ideology), "kind", JH_SECTION_KIND_SCHEDULE, NULL);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpint (jh_section_get_kind (ideology), ==, JH_SECTION_KIND_GUIDING_IDEOLOGY);

  g_object_unref (editor);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/section-editor/write-schedule", test_write_schedule);
  g_test_add_func ("/jihua/section-editor/schedule-only-for-schedules", test_schedule_only_for_schedules);

  return g_test_run ();
}
