/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtksourceview/gtksource.h>

#include "gui-test-utils.h"
#include "jh-clause-browser.h"
#include "jh-export-dialog.h"
#include "jh-harvest-dialog.h"
#include "jh-new-plan-dialog.h"
#include "jh-preferences-window.h"
#include "jh-print-preview.h"
#include "jh-clause-edit-dialog.h"
#include "jh-window.h"
#include "jihua.h"

/* Every control a screen reader can land on has a name to read.  Run in
 * GTK's accessibility test mode (GTK_A11Y=test), which keeps the
 * accessible properties and relations each widget sets.
 *
 * A control is named when it says so itself (the label property or a
 * labelled-by relation), when it shows its own text (a button with a
 * label), or when it sits in an Adwaita row whose title names it.
 */

static gboolean
has_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        return TRUE;
      if (has_text_child (child))
        return TRUE;
    }

  return FALSE;
}

static gboolean
names_itself (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
is_named (GtkWidget *widget)
{
  if (names_itself (widget))
    return TRUE;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    return has_text_child (widget);

  /* Entries, text views and switches: named by what holds them, at most
   * a row away (AdwEntryRow, AdwActionRow, a GtkEntry around its GtkText).
   */
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL && !GTK_IS_ROOT (ancestor);
       ancestor = gtk_widget_get_parent (ancestor))
    {
      if (names_itself (ancestor))
        return TRUE;
      if (ADW_IS_PREFERENCES_ROW (ancestor))
        return *adw_preferences_row_get_title (ADW_PREFERENCES_ROW (ancestor)) != '\0';
      if (GTK_IS_LIST_BOX_ROW (ancestor) || GTK_IS_LIST_ITEM (ancestor))
        break;
    }

  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_TEXT (widget) ||
         GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_SCALE (widget) ||
         GTK_IS_SPIN_BUTTON (widget);
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  /* Hidden, or on a page of a stack that is not shown. */
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (is_control (widget) && !is_named (widget))
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      g_ptr_array_add (unnamed, g_strdup_printf ("%s (tooltip “%s”) in %s",
                                                 G_OBJECT_TYPE_NAME (widget),
                                                 tooltip ? tooltip : "",
                                                 parent ? G_OBJECT_TYPE_NAME (parent) : "nothing"));
    }

  /* A menu button's inner toggle is the menu button itself to the
   * screen reader.
   */
  if (GTK_IS_MENU_BUTTON (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static void
assert_all_named (GtkWidget  *widget,
                  const char *where)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  gui_test_wait_drawn (widget);
  collect_unnamed (widget, unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("%s: no accessible name: %s", where, (const char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
}

/* The first task under @tasks that has targets, so that the target rows
 * are on screen.
 */
static JhTask *
find_task_with_targets (GListModel *tasks)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      JhTask *found;

      if (g_list_model_get_n_items (jh_task_get_targets (task)) > 0)
        return task;
      if ((found = find_task_with_targets (jh_task_get_subtasks (task))) != NULL)
        return found;
    }

  return NULL;
}

static void
test_window (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhWindow *window = jh_window_new (NULL);
  JhOutline *outline;
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);
  g_autoptr(GtkSelectionModel) pages = NULL;
  AdwViewStack *stack;
  JhTask *with_targets;

  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  outline = jh_plan_view_get_outline (jh_window_get_plan_view (window));

  /* The plan's form, a section's and a task's. */
  assert_all_named (GTK_WIDGET (window), "plan properties");
  jh_outline_select (outline, JH_NODE (section));
  assert_all_named (GTK_WIDGET (window), "section");
  jh_outline_select (outline, JH_NODE (task));
  assert_all_named (GTK_WIDGET (window), "task");
  with_targets = find_task_with_targets (jh_section_get_tasks (section));
  g_assert_nonnull (with_targets);
  jh_outline_select (outline, JH_NODE (with_targets));
  assert_all_named (GTK_WIDGET (window), "task with targets");

  /* Every page of the window: the document, the timeline… */
  stack = ADW_VIEW_STACK (gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  pages = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      adw_view_stack_set_visible_child (stack, adw_view_stack_page_get_child (page));
      assert_all_named (GTK_WIDGET (window), adw_view_stack_page_get_name (page));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Checks pane, open, with a finding of each kind and their menus. */
static void
test_checks_pane (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "defects.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);
  g_autoptr(JhLibrarySet) libraries = jh_library_set_load (TRUE, NULL, NULL, NULL, NULL, &error);
  JhWindow *window = jh_window_new (NULL);
  JhChecksPane *pane = jh_window_get_checks_pane (window);

  g_assert_no_error (error);
  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));

  /* Loading, then the findings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-checks", NULL));
  assert_all_named (GTK_WIDGET (pane), "checks pane, loading");
  jh_checks_pane_set_libraries (pane, libraries);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jh_checks_pane_get_report (pane))), >, 0);
  assert_all_named (GTK_WIDGET (window), "checks pane");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_clause_browser (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhLibrarySet) libraries = jh_library_set_load (TRUE, NULL, NULL, NULL, NULL, &error);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  GtkWidget *browser;

  g_assert_no_error (error);
  browser = GTK_WIDGET (jh_clause_browser_new (NULL, libraries, plan));
  gtk_window_present (GTK_WINDOW (browser));
  assert_all_named (browser, "clause browser");

  /* With nothing found. */
  jh_clause_browser_set_search (JH_CLAUSE_BROWSER (browser), "没有这样的条款啊啊");
  assert_all_named (browser, "clause browser, nothing found");
  gtk_window_destroy (GTK_WINDOW (browser));
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char * const owners[] = { "办公室", NULL };
  const char * const libraries[] = { "sftp://server/clauses/", NULL };
  const char * const rules[] = { "punctuation.half-width", NULL };
  GtkWidget *preferences;

  /* With a row in each list, so that their buttons are walked too. */
  g_settings_set_strv (settings, "owners", owners);
  g_settings_set_strv (settings, "extra-libraries", libraries);
  g_settings_set_strv (settings, "disabled-rules", rules);
  preferences = GTK_WIDGET (jh_preferences_window_new (NULL, settings));
  gtk_window_present (GTK_WINDOW (preferences));
  assert_all_named (preferences, "preferences");
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_settings_reset (settings, "owners");
  g_settings_reset (settings, "extra-libraries");
  g_settings_reset (settings, "disabled-rules");
}

static void
test_new_plan_dialog (void)
{
  GtkWidget *dialog = GTK_WIDGET (jh_new_plan_dialog_new (NULL));

  gtk_window_present (GTK_WINDOW (dialog));
  assert_all_named (dialog, "new plan dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_dialog (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *dialog = GTK_WIDGET (jh_export_dialog_new (NULL, NULL, plan, settings));

  gtk_window_present (GTK_WINDOW (dialog));
  assert_all_named (dialog, "export dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_clause_edit_dialog (void)
{
  g_autoptr(JhClause) clause = jh_clause_new_user ("每月召开一次机关例会。", NULL, JH_SECTION_KIND_SAFEGUARDS, NULL);
  GtkWidget *dialog = GTK_WIDGET (jh_clause_edit_dialog_new (NULL, clause));

  gtk_window_present (GTK_WINDOW (dialog));
  assert_all_named (dialog, "clause editor");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_print_preview (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, 0);
  GtkWidget *preview = GTK_WIDGET (jh_print_preview_new (NULL, layout));

  gtk_window_present (GTK_WINDOW (preview));
  assert_all_named (preview, "print preview");
  gtk_window_destroy (GTK_WINDOW (preview));
}

static void
test_harvest_dialog (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GFile) library = g_file_new_for_path ("/nonexistent/library.jhlib");
  GtkWidget *dialog = GTK_WIDGET (jh_harvest_dialog_new (NULL, folder, library));

  /* Before it starts: what the user sees first. */
  gtk_window_present (GTK_WINDOW (dialog));
  assert_all_named (dialog, "harvest dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/accessibility/window", test_window);
  g_test_add_func ("/jihua/accessibility/checks-pane", test_checks_pane);
  g_test_add_func ("/jihua/accessibility/clause-browser", test_clause_browser);
  g_test_add_func ("/jihua/accessibility/clause-edit-dialog", test_clause_edit_dialog);
  g_test_add_func ("/jihua/accessibility/preferences", test_preferences);
  g_test_add_func ("/jihua/accessibility/new-plan-dialog", test_new_plan_dialog);
  g_test_add_func ("/jihua/accessibility/export-dialog", test_export_dialog);
  g_test_add_func ("/jihua/accessibility/print-preview", test_print_preview);
  g_test_add_func ("/jihua/accessibility/harvest-dialog", test_harvest_dialog);

  return g_test_run ();
}
