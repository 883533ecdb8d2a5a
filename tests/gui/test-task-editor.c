/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "gui-test-utils.h"
#include "jh-owners-group.h"
#include "jh-preferences-window.h"
#include "jh-task-editor.h"

static JhTask *
get_sample_task (JhPlan *plan,
                 guint   position)
{
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), position);

  return task;
}

static void
test_edit_fields (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhHistory) history = jh_history_new ();
  JhTask *task = get_sample_task (plan, 3);
  GtkWidget *window = gtk_window_new ();
  JhTaskEditor *editor = JH_TASK_EDITOR (jh_task_editor_new ());
  GtkWidget *owner_row, *timing_row, *dates_row;
  guint n_targets;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 900);
  jh_task_editor_set_history (editor, history);
  jh_task_editor_set_task (editor, task);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));

  owner_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Owner");
  timing_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Timing");
  dates_row = gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Dates");
  g_assert_nonnull (owner_row);
  g_assert_nonnull (timing_row);
  g_assert_nonnull (dates_row);

  /* The form shows the task. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, jh_task_get_owner (task));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (timing_row)), ==, jh_task_get_timing (task));

  gui_test_save_rendering (window, "task-editor.png");

  /* Editing a field edits the task, through the history. */
  gtk_editable_set_text (GTK_EDITABLE (owner_row), "提案委员会");
  g_assert_cmpstr (jh_task_get_owner (task), ==, "提案委员会");
  jh_history_seal (history);

  /* The dates Jihua reads in the timing are shown as it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (timing_row), "5月中旬");
  g_assert_cmpstr (jh_task_get_timing (task), ==, "5月中旬");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dates_row)), "2027/5/11"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dates_row)), "2027/5/20"));
  jh_history_seal (history);
  gtk_editable_set_text (GTK_EDITABLE (timing_row), "适时");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dates_row)), "适时"));

  /* Undo reaches the form. */
  g_assert_true (jh_history_undo (history));
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (timing_row)), ==, "6月中旬和11月下旬");
  g_assert_true (jh_history_undo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (owner_row)), ==, jh_task_get_owner (task));
  g_assert_cmpstr (jh_task_get_owner (task), !=, "提案委员会");

  /* The owners the plan already names are offered, the most used first. */
  {
    GtkWidget *owners_button = gui_test_find_widget (owner_row, GTK_TYPE_MENU_BUTTON);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (owners_button)));
    GtkListBox *list;
    GtkListBoxRow *first_row;

    gtk_menu_button_popup (GTK_MENU_BUTTON (owners_button));
    list = GTK_LIST_BOX (gui_test_find_widget (popover, GTK_TYPE_LIST_BOX));
    first_row = gtk_list_box_get_row_at_index (list, 0);
    g_assert_nonnull (first_row);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (first_row))), ==, "工委办公室");

    jh_task_set_owner (task, "各委员小组");
    g_signal_emit_by_name (list, "row-activated", first_row);
    g_assert_cmpstr (jh_task_get_owner (task), ==, "工委办公室");
    g_assert_true (jh_history_undo (history));
    g_assert_cmpstr (jh_task_get_owner (task), ==, "各委员小组");
  }

  /* The owners listed in Preferences come after the plan's own, once. */
  {
    g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
    g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
    const char * const listed[] = { "工委办公室", "宣传处", NULL };
    GtkWidget *owners_button = gui_test_find_widget (owner_row, GTK_TYPE_MENU_BUTTON);
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (owners_button)));
    GtkListBox *list = GTK_LIST_BOX (gui_test_find_widget (popover, GTK_TYPE_LIST_BOX));
    g_auto(GStrv) plan_owners = jh_plan_dup_owners (plan);
    guint n_plan_owners = g_strv_length (plan_owners);
    GtkListBoxRow *last_row;

    gtk_popover_popdown (GTK_POPOVER (popover));
    g_settings_set_strv (settings, "owners", listed);
    jh_task_editor_set_settings (editor, settings);
    gtk_menu_button_popup (GTK_MENU_BUTTON (owners_button));

    g_assert_true (g_strv_contains ((const char * const *) plan_owners, "工委办公室"));
    g_assert_false (g_strv_contains ((const char * const *) plan_owners, "宣传处"));
    last_row = gtk_list_box_get_row_at_index (list, n_plan_owners);
    g_assert_nonnull (last_row);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (last_row))), ==, "宣传处");
    g_assert_null (gtk_list_box_get_row_at_index (list, n_plan_owners + 1));

    g_signal_emit_by_name (list, "row-activated", last_row);
    g_assert_cmpstr (jh_task_get_owner (task), ==, "宣传处");
    g_assert_true (jh_history_undo (history));
    jh_task_editor_set_settings (editor, NULL);
  }

  /* Add Target adds a row to fill in; Undo takes it away. */
  n_targets = g_list_model_get_n_items (jh_task_get_targets (task));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "task.add-target", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==, n_targets + 1);
  g_assert_true (jh_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_targets (task)), ==, n_targets);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An owner added in Preferences is offered in the task's owner menu;
 * removed, it is not.
 */
static void
test_owners_from_preferences (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhTask *task = get_sample_task (plan, 3);
  GtkWidget *preferences = GTK_WIDGET (jh_preferences_window_new (NULL, settings));
  GtkWidget *group, *entry, *row, *remove;
  GtkWidget *window = gtk_window_new ();
  JhTaskEditor *editor = JH_TASK_EDITOR (jh_task_editor_new ());
  GtkWidget *owners_button, *popover;
  GtkListBox *list;
  g_auto(GStrv) owners = NULL;
  gboolean offered = FALSE;

  gtk_window_present (GTK_WINDOW (preferences));
  group = gui_test_find_widget (preferences, JH_TYPE_OWNERS_GROUP);
  g_assert_nonnull (group);
  entry = gui_test_find_row (group, ADW_TYPE_ENTRY_ROW, "Add Owner");
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  市场监管处 ");
  g_signal_emit_by_name (entry, "apply");
  gtk_editable_set_text (GTK_EDITABLE (entry), "市场监管处");
  g_signal_emit_by_name (entry, "apply");
  owners = g_settings_get_strv (settings, "owners");
  g_assert_cmpstrv (owners, ((const char * const []) { "市场监管处", NULL }));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 900);
  gui_test_save_rendering (preferences, "preferences-general.png");

  jh_task_editor_set_settings (editor, settings);
  jh_task_editor_set_task (editor, task);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (window));
  owners_button = gui_test_find_widget (gui_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Owner"),
                                        GTK_TYPE_MENU_BUTTON);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (owners_button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (owners_button));
  list = GTK_LIST_BOX (gui_test_find_widget (popover, GTK_TYPE_LIST_BOX));
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    if (g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, i)))), "市场监管处"))
      offered = TRUE;
  g_assert_true (offered);
  gtk_popover_popdown (GTK_POPOVER (popover));

  row = gui_test_find_row (group, ADW_TYPE_ACTION_ROW, "市场监管处");
  g_assert_nonnull (row);
  remove = gui_test_find_widget (row, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove 市场监管处");
  g_signal_emit_by_name (remove, "clicked");
  g_clear_pointer (&owners, g_strfreev);
  owners = g_settings_get_strv (settings, "owners");
  g_assert_cmpuint (g_strv_length (owners), ==, 0);
  g_assert_null (gui_test_find_row (group, ADW_TYPE_ACTION_ROW, "市场监管处"));

  gtk_menu_button_popup (GTK_MENU_BUTTON (owners_button));
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, i)))), !=, "市场监管处");

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/task-editor/edit-fields", test_edit_fields);
  g_test_add_func ("/jihua/task-editor/owners-from-preferences", test_owners_from_preferences);

  return g_test_run ();
}
