/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-categories-group.h"
#include "jh-checks-pane.h"
#include "jh-disabled-rules-group.h"
#include "jh-libraries-group.h"
#include "jh-preferences-window.h"
#include "jh-window.h"

/* The Checks pane of a window, on tests/data/defects.jhplan: a plan with
 * one known defect of each kind the checker finds.
 */

static JhApplication *application;
static char *data_home;

/* A window showing the plan with defects, checked. */
static JhWindow *
open_plan (const char *name)
{
  JhWindow *window = gui_test_new_plan_window (application, name);
  JhChecksPane *pane;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  pane = jh_window_get_checks_pane (window);
  WAIT_UNTIL (jh_checks_pane_get_report (pane) != NULL);

  return window;
}

static JhWindow *
open_defects (void)
{
  return open_plan ("defects.jhplan");
}

static void
close_window (JhWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (jh_application_get_settings (application), "disabled-rules");
  g_settings_reset (jh_application_get_settings (application), "disabled-categories");
}

static GListModel *
get_findings (JhWindow *window)
{
  return G_LIST_MODEL (jh_checks_pane_get_report (jh_window_get_checks_pane (window)));
}

static gboolean
has_finding (JhWindow   *window,
             const char *rule_id)
{
  GListModel *findings = get_findings (window);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JhFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (jh_finding_get_rule_id (finding), rule_id))
        return TRUE;
    }

  return FALSE;
}

/* The row the user sees for the finding of @rule_id. */
static GtkListBoxRow *
find_row (JhWindow   *window,
          const char *rule_id)
{
  GtkWidget *list = jh_checks_pane_get_list (jh_window_get_checks_pane (window));

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JhFinding *finding;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;
      finding = g_object_get_data (G_OBJECT (child), "finding");
      if (finding != NULL && g_str_equal (jh_finding_get_rule_id (finding), rule_id))
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static const char *
header_text (GtkListBoxRow *row)
{
  GtkWidget *header = gtk_list_box_row_get_header (row);

  return GTK_IS_LABEL (header) ? gtk_label_get_text (GTK_LABEL (header)) : NULL;
}

static JhParagraph *
guiding_paragraph (JhWindow *window)
{
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_GUIDING_IDEOLOGY);
  g_autoptr(JhParagraph) paragraph = g_list_model_get_item (jh_section_get_paragraphs (section), 0);

  return paragraph;
}

/* Opens the pane, waiting for it to slide in. */
static void
show_pane (JhWindow *window)
{
  GtkWidget *flap = gtk_widget_get_ancestor (GTK_WIDGET (jh_window_get_checks_pane (window)), ADW_TYPE_FLAP);

  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-checks", NULL));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  WAIT_UNTIL (adw_flap_get_reveal_progress (ADW_FLAP (flap)) == 1.0);
  gui_test_wait_drawn (GTK_WIDGET (window));
}

static void
test_findings_grouped (void)
{
  JhWindow *window = open_defects ();
  GtkListBoxRow *row;
  guint errors, warnings;

  /* What jihua-cli check finds in the same plan. */
  g_assert_cmpuint (g_list_model_get_n_items (get_findings (window)), ==, 6);
  g_object_get (jh_window_get_checks_pane (window), "n-errors", &errors, "n-warnings", &warnings, NULL);
  g_assert_cmpuint (errors, ==, 2);
  /* A task with no date is said as information, not counted here. */
  g_assert_cmpuint (warnings, ==, 3);

  show_pane (window);

  /* Each finding under the name of its section, a name once. */
  row = find_row (window, "placeholder.year");
  g_assert_nonnull (row);
  g_assert_cmpstr (header_text (row), ==, "Whole Plan");
  row = find_row (window, "formulation.19th-congress");
  g_assert_nonnull (row);
  g_assert_cmpstr (header_text (row), ==, "指导思想");
  row = find_row (window, "schedule.unscheduled");
  g_assert_nonnull (row);
  g_assert_cmpstr (header_text (row), ==, "主要任务");
  row = find_row (window, "punctuation.half-width");
  g_assert_nonnull (row);
  g_assert_null (header_text (row));

  gui_test_save_rendering (GTK_WIDGET (window), "checks-pane.png");

  close_window (window);
}

static GtkButton *
find_fix_button (GtkListBoxRow *row)
{
  GtkWidget *widget = GTK_WIDGET (row);

  /* The first plain button of the row is its fix. */
  while (widget != NULL && !(GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "fix-button")))
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      while (next == NULL && widget != GTK_WIDGET (row))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      if (next == NULL)
        return NULL;
      widget = next;
    }

  return GTK_BUTTON (widget);
}

static void
test_fix_and_undo (void)
{
  JhWindow *window = open_defects ();
  JhParagraph *paragraph = guiding_paragraph (window);
  GtkListBoxRow *row;
  GtkButton *fix;

  show_pane (window);
  row = find_row (window, "formulation.19th-congress");
  g_assert_nonnull (row);
  fix = find_fix_button (row);
  g_assert_nonnull (fix);
  g_assert_cmpstr (gtk_button_get_label (fix), ==, "Replace with “二十大”");

  /* As a click does; activating a button clicks it only after a delay. */
  g_signal_emit_by_name (fix, "clicked");
  g_assert_nonnull (strstr (jh_paragraph_get_text (paragraph), "党的二十大精神"));
  g_assert_null (strstr (jh_paragraph_get_text (paragraph), "十九大"));
  g_assert_false (has_finding (window, "formulation.19th-congress"));
  g_assert_true (jh_window_get_modified (window));

  /* One Undo takes the fix back, and the finding comes back with it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_nonnull (strstr (jh_paragraph_get_text (paragraph), "党的十九大精神"));
  WAIT_UNTIL (has_finding (window, "formulation.19th-congress"));

  close_window (window);
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_ignore (void)
{
  JhWindow *window = open_defects ();
  GtkListBoxRow *row = find_row (window, "target.quantity");
  GtkWidget *toast_overlay, *undo;

  g_assert_nonnull (row);
  g_assert_false (jh_window_get_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "finding.ignore", NULL));
  g_assert_false (has_finding (window, "target.quantity"));
  g_assert_cmpuint (g_list_model_get_n_items (get_findings (window)), ==, 5);
  g_assert_null (find_row (window, "target.quantity"));

  /* Remembered in the plan, which so has changed. */
  g_assert_cmpuint (jh_plan_get_n_ignored_findings (jh_window_get_plan (window)), ==, 1);
  g_assert_true (jh_window_get_modified (window));

  /* Later checks leave it out too. */
  jh_report_recheck (jh_checks_pane_get_report (jh_window_get_checks_pane (window)), NULL);
  g_assert_false (has_finding (window, "target.quantity"));

  /* The toast's Undo brings it back. */
  toast_overlay = gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY);
  undo = find_button_with_label (toast_overlay, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (has_finding (window, "target.quantity"));
  g_assert_cmpuint (jh_plan_get_n_ignored_findings (jh_window_get_plan (window)), ==, 0);

  close_window (window);
}

static void
test_turn_off_rule (void)
{
  JhWindow *window = open_defects ();
  GSettings *settings = jh_application_get_settings (application);
  GtkListBoxRow *row = find_row (window, "punctuation.half-width");
  g_auto(GStrv) disabled = NULL;
  GtkWidget *preferences, *rules_group, *rule_row, *turn_on;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "finding.turn-off-rule", NULL));

  disabled = g_settings_get_strv (settings, "disabled-rules");
  g_assert_true (g_strv_contains ((const char * const *) disabled, "punctuation.half-width"));
  WAIT_UNTIL (!has_finding (window, "punctuation.half-width"));
  g_assert_cmpuint (g_list_model_get_n_items (get_findings (window)), ==, 5);
  /* A setting, not a change to the plan. */
  g_assert_false (jh_window_get_modified (window));

  /* Preferences list it, with a button to turn it on again. */
  preferences = GTK_WIDGET (jh_preferences_window_new (GTK_WINDOW (window), settings));
  gtk_window_present (GTK_WINDOW (preferences));
  rules_group = gui_test_find_widget (preferences, JH_TYPE_DISABLED_RULES_GROUP);
  g_assert_nonnull (rules_group);
  g_assert_null (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rules_group)),
                         "No rule is turned off"));
  rule_row = gui_test_find_row (rules_group, ADW_TYPE_ACTION_ROW, "punctuation.half-width");
  g_assert_nonnull (rule_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rule_row)), ==, "Punctuation");
  turn_on = find_button_with_label (rule_row, "Turn _On");
  g_assert_nonnull (turn_on);
  g_signal_emit_by_name (turn_on, "clicked");

  /* Turned on again, the rule finds again. */
  g_clear_pointer (&disabled, g_strfreev);
  disabled = g_settings_get_strv (settings, "disabled-rules");
  g_assert_false (g_strv_contains ((const char * const *) disabled, "punctuation.half-width"));
  WAIT_UNTIL (has_finding (window, "punctuation.half-width"));
  g_assert_null (gui_test_find_row (preferences, ADW_TYPE_ACTION_ROW, "punctuation.half-width"));
  /* With none left, the group says where rules are turned off. */
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rules_group)),
                            "No rule is turned off"));
  gtk_window_destroy (GTK_WINDOW (preferences));

  close_window (window);
}

static void
test_edit_rechecks (void)
{
  JhWindow *window = open_defects ();
  JhHistory *history = jh_window_get_history (window);
  JhParagraph *paragraph = guiding_paragraph (window);

  g_assert_true (has_finding (window, "formulation.19th-congress"));
  jh_history_set (history, JH_NODE (paragraph), "text", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神。", NULL);
  WAIT_UNTIL (!has_finding (window, "formulation.19th-congress"));

  close_window (window);
}

static void
test_activate_shows_text (void)
{
  JhWindow *window = open_defects ();
  GtkListBoxRow *row = find_row (window, "punctuation.half-width");
  JhFinding *finding = g_object_get_data (G_OBJECT (row), "finding");
  JhNode *selected;
  JhBodyEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *selection = NULL;

  show_pane (window);

  g_signal_emit_by_name (jh_checks_pane_get_list (jh_window_get_checks_pane (window)), "row-activated", row);

  selected = jh_outline_get_selected (jh_plan_view_get_outline (jh_window_get_plan_view (window)));
  g_assert_true (JH_IS_TASK (selected));
  g_assert_true (selected == JH_NODE (jh_finding_get_task (finding)));

  gui_test_wait_drawn (GTK_WIDGET (window));
  editor = gui_test_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (window)), selected);
  g_assert_nonnull (editor);
  buffer = jh_body_editor_get_buffer (editor);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selection = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selection, ==, ";");

  close_window (window);
}

static gboolean
has_tag_at (GtkTextBuffer *buffer,
            const char    *tag_name,
            int            line,
            int            offset)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, line, offset);

  return gtk_text_iter_has_tag (&iter, tag);
}

static gboolean
has_tag_anywhere (GtkTextBuffer *buffer,
                  const char    *tag_name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);

  return gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

/* Flagged text is underlined in the body, the message on hover, and
 * what the user types is checked after a pause.
 */
static void
test_live_underlines (void)
{
  JhWindow *window = open_defects ();
  JhOutline *outline = jh_plan_view_get_outline (jh_window_get_plan_view (window));
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);
  JhBodyEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autofree char *message = NULL;
  /* 一是深入社区走访; — the half-width semicolon is the 9th character. */
  int semicolon = 8;
  int end_offset;

  jh_outline_select (outline, JH_NODE (task));
  gui_test_wait_drawn (GTK_WIDGET (window));
  editor = gui_test_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (window)), JH_NODE (task));
  g_assert_nonnull (editor);
  g_assert_nonnull (jh_body_editor_get_checker (editor));
  buffer = jh_body_editor_get_buffer (editor);

  g_assert_true (has_tag_at (buffer, "check-warning", 0, semicolon));
  g_assert_false (has_tag_at (buffer, "check-warning", 0, 0));
  g_assert_false (has_tag_anywhere (buffer, "check-error"));

  gtk_text_buffer_get_iter_at_line_offset (buffer, &iter, 0, semicolon);
  message = jh_body_editor_dup_flag_message (editor, &iter);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Half-width"));

  /* Typing an outdated formulation: underlined as an error. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  end_offset = gtk_text_iter_get_line_offset (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_insert_at_cursor (buffer, "学习十九大精神。", -1);
  g_assert_false (has_tag_at (buffer, "check-error", 0, end_offset + 3));
  WAIT_UNTIL (has_tag_at (buffer, "check-error", 0, end_offset + 3));

  gui_test_save_rendering (GTK_WIDGET (window), "checks-underlines.png");

  /* Fixed, the underline goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gtk_text_buffer_get_end_iter (buffer, &iter);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, end_offset);
  WAIT_UNTIL (!has_tag_anywhere (buffer, "check-error"));

  close_window (window);
}

static gboolean
has_diff_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "checks-diff"))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_diff_label (child))
      return TRUE;

  return FALSE;
}

/* A plan carried over from last year, which lies beside it: text copied
 * unchanged is pointed out, and an old clause's text shows what the
 * current clause changes.
 */
static void
test_carried_over (void)
{
  JhWindow *window = open_plan ("carried-2027.jhplan");
  GtkListBoxRow *row;

  g_assert_true (has_finding (window, "reuse.carried-over"));
  g_assert_true (has_finding (window, "reuse.superseded-clause"));
  g_assert_true (has_finding (window, "formulation.two-studies"));

  show_pane (window);
  row = find_row (window, "reuse.superseded-clause");
  g_assert_nonnull (row);
  g_assert_true (has_diff_label (GTK_WIDGET (row)));
  g_assert_false (has_diff_label (GTK_WIDGET (find_row (window, "formulation.two-studies"))));
  gui_test_save_rendering (GTK_WIDGET (window), "checks-carried-over.png");

  close_window (window);
}

/* The sample plan checks clean, and the pane says so. */
static void
test_sample_clean (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhWindow *window = jh_window_new (GTK_APPLICATION (application));
  JhChecksPane *pane = jh_window_get_checks_pane (window);
  GtkStack *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  jh_window_set_plan (window, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (jh_checks_pane_get_report (pane) != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (jh_checks_pane_get_report (pane))), ==, 0);
  show_pane (window);
  stack = GTK_STACK (gui_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "clean");
  gui_test_save_rendering (GTK_WIDGET (window), "checks-clean.png");

  close_window (window);
}

static gboolean
has_category (JhWindow       *window,
              JhRuleCategory  category)
{
  GListModel *findings = get_findings (window);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(JhFinding) finding = g_list_model_get_item (findings, i);

      if (jh_finding_get_category (finding) == category)
        return TRUE;
    }

  return FALSE;
}

/* Punctuation turned off in Preferences: the window finds none, and
 * finds it again once it is back on.
 */
static void
test_turn_off_category (void)
{
  JhWindow *window = open_defects ();
  GSettings *settings = jh_application_get_settings (application);
  g_auto(GStrv) disabled = NULL;
  GtkWidget *preferences, *group, *row, *page;
  GtkSwitch *button;

  g_assert_true (has_category (window, JH_RULE_CATEGORY_PUNCTUATION));

  preferences = GTK_WIDGET (jh_preferences_window_new (GTK_WINDOW (window), settings));
  gtk_window_set_default_size (GTK_WINDOW (preferences), 640, 1400);
  gtk_window_present (GTK_WINDOW (preferences));
  group = gui_test_find_widget (preferences, JH_TYPE_CATEGORIES_GROUP);
  g_assert_nonnull (group);
  row = gui_test_find_row (group, ADW_TYPE_ACTION_ROW, "Punctuation");
  g_assert_nonnull (row);
  button = GTK_SWITCH (gui_test_find_widget (row, GTK_TYPE_SWITCH));
  g_assert_true (button == jh_categories_group_get_switch (JH_CATEGORIES_GROUP (group), JH_RULE_CATEGORY_PUNCTUATION));
  g_assert_true (gtk_switch_get_active (button));

  gtk_switch_set_active (button, FALSE);
  disabled = g_settings_get_strv (settings, "disabled-categories");
  g_assert_cmpstrv (disabled, ((const char * const []) { "punctuation", NULL }));
  WAIT_UNTIL (!has_category (window, JH_RULE_CATEGORY_PUNCTUATION));
  g_assert_true (has_category (window, JH_RULE_CATEGORY_PLACEHOLDER));

  page = gtk_widget_get_ancestor (group, ADW_TYPE_PREFERENCES_PAGE);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  gui_test_save_rendering (preferences, "preferences-checks.png");

  /* The setting changed elsewhere moves the switch. */
  g_settings_reset (settings, "disabled-categories");
  g_assert_true (gtk_switch_get_active (button));
  WAIT_UNTIL (has_category (window, JH_RULE_CATEGORY_PUNCTUATION));

  gtk_window_destroy (GTK_WINDOW (preferences));
  close_window (window);
}

/* A library added in Preferences is read by the application; one that
 * cannot be read is named; a bad address is refused with a reason.
 */
static void
test_extra_libraries (void)
{
  GSettings *settings = jh_application_get_settings (application);
  JhLibrarySet *before = jh_application_get_libraries (application);
  g_autofree char *missing_path = g_build_filename (data_home, "missing.jhlib", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *missing_uri = g_file_get_uri (missing);
  g_autofree char *stop_using = g_strdup_printf ("Stop using %s", missing_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uris = NULL;
  GtkWidget *preferences, *group, *row, *remove, *entry;
  const char *description;

  preferences = GTK_WIDGET (jh_preferences_window_new (NULL, settings));
  gtk_window_present (GTK_WINDOW (preferences));
  group = gui_test_find_widget (preferences, JH_TYPE_LIBRARIES_GROUP);
  g_assert_nonnull (group);

  g_assert_true (jh_libraries_group_add_uri (JH_LIBRARIES_GROUP (group), missing_path, &error));
  g_assert_no_error (error);
  uris = g_settings_get_strv (settings, "extra-libraries");
  g_assert_cmpstrv (uris, ((const char * const []) { missing_uri, NULL }));

  /* The set is read again, and the broken library named. */
  WAIT_UNTIL (jh_application_get_libraries (application) != before);
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_nonnull (strstr (description, "missing.jhlib"));

  /* Twice is refused. */
  g_assert_false (jh_libraries_group_add_uri (JH_LIBRARIES_GROUP (group), missing_uri, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* So is what is no address, typed in the entry. */
  entry = gui_test_find_widget (group, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "smb://server with spaces/%%%");
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_clear_pointer (&uris, g_strfreev);
  uris = g_settings_get_strv (settings, "extra-libraries");
  g_assert_cmpuint (g_strv_length (uris), ==, 1);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (group, ADW_TYPE_PREFERENCES_PAGE)));
  gui_test_save_rendering (preferences, "preferences-libraries.png");

  /* The row's button removes it. */
  row = gui_test_find_row (group, ADW_TYPE_ACTION_ROW, missing_path);
  g_assert_nonnull (row);
  remove = gui_test_find_widget (row, GTK_TYPE_BUTTON);
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, stop_using);
  g_signal_emit_by_name (remove, "clicked");
  g_clear_pointer (&uris, g_strfreev);
  uris = g_settings_get_strv (settings, "extra-libraries");
  g_assert_cmpuint (g_strv_length (uris), ==, 0);
  g_assert_null (gui_test_find_row (group, ADW_TYPE_ACTION_ROW, missing_path));

  before = jh_application_get_libraries (application);
  WAIT_UNTIL (jh_application_get_libraries (application) != before);
  description = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
  g_assert_null (strstr (description, "missing.jhlib"));

  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int    argc,
      char **argv)
{
  int status;

  application = gui_test_start_application (&argc, &argv, &data_home);

  g_test_add_func ("/jihua/checks-pane/findings-grouped", test_findings_grouped);
  g_test_add_func ("/jihua/checks-pane/fix-and-undo", test_fix_and_undo);
  g_test_add_func ("/jihua/checks-pane/ignore", test_ignore);
  g_test_add_func ("/jihua/checks-pane/turn-off-rule", test_turn_off_rule);
  g_test_add_func ("/jihua/checks-pane/edit-rechecks", test_edit_rechecks);
  g_test_add_func ("/jihua/checks-pane/activate-shows-text", test_activate_shows_text);
  g_test_add_func ("/jihua/checks-pane/live-underlines", test_live_underlines);
  g_test_add_func ("/jihua/checks-pane/carried-over", test_carried_over);
  g_test_add_func ("/jihua/checks-pane/sample-clean", test_sample_clean);
  g_test_add_func ("/jihua/checks-pane/turn-off-category", test_turn_off_category);
  g_test_add_func ("/jihua/checks-pane/extra-libraries", test_extra_libraries);

  status = g_test_run ();

  gui_test_stop_application (application, data_home);

  return status;
}
