/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-clause-browser.h"
#include "jh-clause-completion.h"
#include "jh-clause-edit-dialog.h"
#include "jh-window.h"

/* The clause browser of a window: search, filters, the preview with the
 * plan's variables, and insertion with provenance, undone by Undo.
 */

static JhApplication *application;
static char *data_home;

static JhWindow *
open_defects (void)
{
  JhWindow *window = gui_test_new_plan_window (application, "defects.jhplan");

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static JhClauseBrowser *
open_browser (JhWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clause-browser", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (JH_IS_CLAUSE_BROWSER (toplevel))
        return JH_CLAUSE_BROWSER (toplevel);
    }

  g_assert_not_reached ();
}

static void
close_all (JhWindow        *window,
           JhClauseBrowser *browser)
{
  gtk_window_destroy (GTK_WINDOW (browser));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
text_has (JhClause   *clause,
          const char *text)
{
  const char * const *tags = jh_clause_get_tags (clause);

  if (strstr (jh_clause_get_title (clause), text) || strstr (jh_clause_get_text (clause), text))
    return TRUE;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (strstr (tags[i], text))
      return TRUE;

  return FALSE;
}

static void
test_filters (void)
{
  JhWindow *window = open_defects ();
  JhClauseBrowser *browser = open_browser (window);
  GListModel *results = jh_clause_browser_get_results (browser);
  guint all = g_list_model_get_n_items (results);
  guint substring = 0;

  /* The built-in library: at least 150 clauses. */
  g_assert_cmpuint (all, >=, 150);

  jh_clause_browser_set_kind (browser, JH_SECTION_KIND_SAFEGUARDS);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (results, i);

      g_assert_true (jh_clause_has_kind (clause, JH_SECTION_KIND_SAFEGUARDS));
    }

  jh_clause_browser_set_kind (browser, -1);
  jh_clause_browser_set_status (browser, JH_CLAUSE_STATUS_SUPERSEDED);
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (results, i);

      g_assert_cmpint (jh_clause_get_status (clause), ==, JH_CLAUSE_STATUS_SUPERSEDED);
    }
  jh_clause_browser_set_status (browser, -1);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, all);

  /* Typing narrows the list to the clauses with the words. */
  jh_clause_browser_set_search (browser, "经费");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (results), <, all);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (results, i);

      substring += text_has (clause, "经费");
    }
  g_assert_cmpuint (substring, >, 0);

  jh_clause_browser_set_search (browser, "没有这样的条款啊啊");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_null (jh_clause_browser_get_selected (browser));
  /* Nothing to insert: the plan stays as it was. */
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.insert", NULL);
  g_assert_false (jh_window_get_modified (window));

  close_all (window, browser);
}

/* A clause with its variable filled from the plan, inserted below the
 * cursor with its id and version; Undo takes it out.
 */
static void
test_insert_with_provenance (void)
{
  JhWindow *window = open_defects ();
  JhPlan *plan = jh_window_get_plan (window);
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_SAFEGUARDS);
  GListModel *paragraphs = jh_section_get_paragraphs (section);
  JhClauseBrowser *browser;
  GListModel *results;
  JhClause *clause = NULL;
  g_autofree char *preview = NULL;
  g_autoptr(JhParagraph) inserted = NULL;
  JhProvenance *provenance;

  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (section));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 1);

  browser = open_browser (window);
  results = jh_clause_browser_get_results (browser);
  jh_clause_browser_set_search (browser, "{单位}");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  jh_clause_browser_select (browser, 0);
  clause = jh_clause_browser_get_selected (browser);
  g_assert_nonnull (clause);
  g_assert_nonnull (strstr (jh_clause_get_text (clause), "{单位}"));

  preview = jh_clause_browser_dup_preview (browser);
  g_assert_nonnull (strstr (preview, "青桥街道政协工作委员会"));
  g_assert_null (strstr (preview, "{单位}"));

  gtk_window_set_default_size (GTK_WINDOW (browser), 920, 620);
  gui_test_save_rendering (GTK_WIDGET (browser), "clause-browser.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (browser), "browser.insert", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 2);
  inserted = g_list_model_get_item (paragraphs, 1);
  g_assert_cmpstr (jh_paragraph_get_text (inserted), ==, preview);
  provenance = jh_paragraph_get_provenance (inserted);
  g_assert_nonnull (provenance);
  g_assert_cmpstr (jh_provenance_get_clause_id (provenance), ==, jh_clause_get_id (clause));
  g_assert_cmpuint (jh_provenance_get_clause_version (provenance), ==, jh_clause_get_version (clause));
  g_assert_true (jh_window_get_modified (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 1);

  close_all (window, browser);
}

static void
test_insert_as_task (void)
{
  JhWindow *window = open_defects ();
  JhPlan *plan = jh_window_get_plan (window);
  JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  GListModel *tasks = jh_section_get_tasks (section);
  JhClauseBrowser *browser;
  JhClause *clause;
  g_autoptr(JhTask) task = NULL;
  JhNode *selected;

  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (section));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);

  browser = open_browser (window);
  jh_clause_browser_set_kind (browser, JH_SECTION_KIND_MAIN_TASKS);
  jh_clause_browser_set_status (browser, JH_CLAUSE_STATUS_CURRENT);
  jh_clause_browser_select (browser, 0);
  clause = jh_clause_browser_get_selected (browser);
  g_assert_nonnull (clause);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (browser), "browser.insert-task", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  task = g_list_model_get_item (tasks, 2);
  g_assert_cmpstr (jh_task_get_lead (task), ==, jh_clause_get_title (clause));
  g_assert_cmpuint (g_list_model_get_n_items (jh_task_get_paragraphs (task)), ==, 1);
  g_assert_cmpstr (jh_provenance_get_clause_id (jh_task_get_provenance (task)), ==, jh_clause_get_id (clause));

  /* The new task is shown to be edited. */
  selected = jh_outline_get_selected (jh_plan_view_get_outline (jh_window_get_plan_view (window)));
  g_assert_true (selected == JH_NODE (task));

  /* One Undo takes the whole task out. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);

  close_all (window, browser);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* A task saved with tags goes into the user's library, on disk. */
static void
test_save_to_my_clauses (void)
{
  JhWindow *window = open_defects ();
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 1);
  JhLibrary *library = jh_library_set_get_user_library (jh_application_get_libraries (application));
  g_autoptr(GFile) file = jh_library_dup_user_file ();
  g_autoptr(JhLibrary) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GListModel *clauses;
  g_autoptr(JhClause) saved = NULL;
  const char * const *tags;
  JhClauseBrowser *browser;
  gboolean mine = FALSE;

  g_assert_nonnull (library);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (library)), ==, 0);

  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (task));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-to-my-clauses", NULL));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "学习, 理论学习、委员");
  adw_message_dialog_response (dialog, "save");

  /* Written to the user's file, with the tags as typed. */
  g_assert_true (g_file_query_exists (file, NULL));
  reloaded = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  clauses = jh_library_get_clauses (reloaded);
  g_assert_cmpuint (g_list_model_get_n_items (clauses), ==, 1);
  saved = g_list_model_get_item (clauses, 0);
  g_assert_nonnull (strstr (jh_clause_get_text (saved), "每季度组织委员集中学习1次"));
  tags = jh_clause_get_tags (saved);
  g_assert_nonnull (tags);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "学习");
  g_assert_cmpstr (tags[1], ==, "理论学习");
  g_assert_cmpstr (tags[2], ==, "委员");

  /* Saving changes the library, not the plan. */
  g_assert_false (jh_window_get_modified (window));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The browser finds it by its tag, and can delete it. */
  browser = open_browser (window);
  jh_clause_browser_set_search (browser, "理论学习");
  for (guint i = 0; i < g_list_model_get_n_items (jh_clause_browser_get_results (browser)); i++)
    {
      g_autoptr(JhClause) found = g_list_model_get_item (jh_clause_browser_get_results (browser), i);

      if (jh_clause_get_library (found) == library)
        {
          jh_clause_browser_select (browser, i);
          mine = TRUE;
        }
    }
  g_assert_true (mine);
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.delete", NULL);
  g_clear_object (&reloaded);
  reloaded = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (reloaded)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (library)), ==, 0);

  close_all (window, browser);
}

static guint
count_results_where (JhClauseBrowser *browser,
                     gboolean        (*predicate) (JhClause *clause, gconstpointer data),
                     gconstpointer     data)
{
  GListModel *results = jh_clause_browser_get_results (browser);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (results, i);

      if (predicate (clause, data))
        n++;
    }

  return n;
}

static gboolean
has_tag (JhClause      *clause,
         gconstpointer  tag)
{
  const char * const *tags = jh_clause_get_tags (clause);

  return tags != NULL && g_strv_contains (tags, tag);
}

static gboolean
from_year (JhClause      *clause,
           gconstpointer  year)
{
  guint clause_year = jh_clause_get_year (clause) ? jh_clause_get_year (clause) : jh_clause_get_source_year (clause);

  return clause_year == GPOINTER_TO_UINT (year);
}

static gboolean
always (JhClause      *clause,
        gconstpointer  data)
{
  return TRUE;
}

/* The tag and year filters offer what the clauses have, and narrow the
 * list to exactly the clauses with that tag, from that year.
 */
static void
test_tag_and_year_filters (void)
{
  JhWindow *window = open_defects ();
  JhClauseBrowser *browser = open_browser (window);
  GListModel *tags = jh_clause_browser_get_tags (browser);
  GListModel *years = jh_clause_browser_get_years (browser);
  GListModel *results = jh_clause_browser_get_results (browser);
  guint all = g_list_model_get_n_items (results);
  guint tagged, dated, both, newest;
  gboolean offered = FALSE;

  /* Every tag once, "All Tags" first; years newest first. */
  g_assert_cmpuint (g_list_model_get_n_items (tags), >, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (tags), 0), ==, "All Tags");
  for (guint i = 1; i < g_list_model_get_n_items (tags); i++)
    offered |= g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (tags), i), "党建");
  g_assert_true (offered);
  g_assert_cmpuint (g_list_model_get_n_items (years), >, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 0), ==, "All Years");
  for (guint i = 2; i < g_list_model_get_n_items (years); i++)
    g_assert_cmpint (atoi (gtk_string_list_get_string (GTK_STRING_LIST (years), i - 1)), >,
                     atoi (gtk_string_list_get_string (GTK_STRING_LIST (years), i)));

  jh_clause_browser_set_tag (browser, "党建");
  tagged = g_list_model_get_n_items (results);
  g_assert_cmpuint (tagged, >, 0);
  g_assert_cmpuint (tagged, <, all);
  g_assert_cmpuint (count_results_where (browser, has_tag, "党建"), ==, tagged);

  /* The newest year any clause is from. */
  jh_clause_browser_set_tag (browser, NULL);
  newest = atoi (gtk_string_list_get_string (GTK_STRING_LIST (years), 1));
  jh_clause_browser_set_year (browser, newest);
  dated = g_list_model_get_n_items (results);
  g_assert_cmpuint (dated, >, 0);
  g_assert_cmpuint (dated, <, all);
  g_assert_cmpuint (count_results_where (browser, from_year, GUINT_TO_POINTER (newest)), ==, dated);

  /* Both at once: only clauses that are both. */
  jh_clause_browser_set_tag (browser, "政协");
  both = g_list_model_get_n_items (results);
  g_assert_cmpuint (both, <=, dated);
  g_assert_cmpuint (count_results_where (browser, has_tag, "政协"), ==, both);
  g_assert_cmpuint (count_results_where (browser, from_year, GUINT_TO_POINTER (newest)), ==, both);

  jh_clause_browser_set_tag (browser, NULL);
  jh_clause_browser_set_year (browser, 0);
  g_assert_cmpuint (count_results_where (browser, always, NULL), ==, all);

  gui_test_save_rendering (GTK_WIDGET (browser), "clause-browser-filters");
  close_all (window, browser);
}

static JhClauseEditDialog *
find_edit_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (JH_IS_CLAUSE_EDIT_DIALOG (toplevel))
        return JH_CLAUSE_EDIT_DIALOG (toplevel);
    }

  return NULL;
}

/* A clause of My Clauses is edited: the file has the new wording, the
 * same id in a new version, and the browser shows it.  Built-in clauses
 * cannot be edited.
 */
static void
test_edit_my_clause (void)
{
  JhWindow *window = open_defects ();
  JhLibrarySet *libraries = jh_application_get_libraries (application);
  JhLibrary *library = jh_library_set_get_user_library (libraries);
  g_autoptr(GFile) file = jh_library_dup_user_file ();
  g_autoptr(JhClause) mine = jh_clause_new_user ("每月召开一次机关例会，通报工作进展。", NULL,
                                                 JH_SECTION_KIND_SAFEGUARDS,
                                                 (const char * const []) { "会议", NULL });
  g_autoptr(JhLibrary) reloaded = NULL;
  g_autoptr(JhClause) saved = NULL;
  g_autoptr(GError) error = NULL;
  JhClauseBrowser *browser;
  JhClauseEditDialog *dialog;
  GtkWidget *title_row, *tags_row, *text_view;
  GListModel *results;
  const char *id = jh_clause_get_id (mine);
  guint version = jh_clause_get_version (mine);

  g_assert_nonnull (library);
  jh_library_add_clause (library, mine);
  g_assert_true (jh_library_save (library, NULL, &error));
  g_assert_no_error (error);

  browser = open_browser (window);
  results = jh_clause_browser_get_results (browser);

  /* A built-in clause: no Edit. */
  jh_clause_browser_set_search (browser, "");
  jh_clause_browser_select (browser, 0);
  g_assert_true (jh_clause_get_library (jh_clause_browser_get_selected (browser)) != library);
  g_assert_false (gtk_widget_get_visible (gui_test_find_button (GTK_WIDGET (browser), "browser.edit")));
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.edit", NULL);
  g_assert_null (find_edit_dialog ());

  /* The user's clause, found by its tag: Edit. */
  jh_clause_browser_set_tag (browser, "会议");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  jh_clause_browser_select (browser, 0);
  g_assert_true (gtk_widget_get_visible (gui_test_find_button (GTK_WIDGET (browser), "browser.edit")));
  gtk_widget_activate_action (GTK_WIDGET (browser), "browser.edit", NULL);
  dialog = find_edit_dialog ();
  g_assert_nonnull (dialog);

  title_row = gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  tags_row = gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Tags, separated by commas");
  text_view = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (title_row);
  g_assert_nonnull (tags_row);
  g_assert_nonnull (text_view);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags_row)), ==, "会议");

  /* An empty wording is refused, and the dialog stays. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "  ", -1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (find_edit_dialog () == dialog);
  g_assert_nonnull (gui_test_find_label (GTK_WIDGET (dialog), "A clause needs a title on one line and a wording"));

  gtk_editable_set_text (GTK_EDITABLE (title_row), "机关例会");
  g_assert_null (gui_test_find_label (GTK_WIDGET (dialog), "A clause needs a title on one line and a wording"));
  gtk_editable_set_text (GTK_EDITABLE (tags_row), "会议，例会");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)),
                            "每月召开一次机关例会，通报工作进展，研究部署下月工作。", -1);
  gui_test_save_rendering (GTK_WIDGET (dialog), "clause-edit-dialog");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_null (find_edit_dialog ());

  /* On disk: the same id, the next version, the new words and tags. */
  reloaded = jh_library_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  saved = g_object_ref (jh_library_find_clause (reloaded, id));
  g_assert_cmpuint (jh_clause_get_version (saved), ==, version + 1);
  g_assert_cmpstr (jh_clause_get_title (saved), ==, "机关例会");
  g_assert_cmpstr (jh_clause_get_text (saved), ==, "每月召开一次机关例会，通报工作进展，研究部署下月工作。");
  g_assert_cmpuint (g_strv_length ((char **) jh_clause_get_tags (saved)), ==, 2);
  g_assert_cmpstr (jh_clause_get_tags (saved)[1], ==, "例会");
  g_assert_true (jh_clause_has_kind (saved, JH_SECTION_KIND_SAFEGUARDS));

  /* In the browser: the new version, selected. */
  g_assert_nonnull (jh_clause_browser_get_selected (browser));
  g_assert_cmpstr (jh_clause_get_id (jh_clause_browser_get_selected (browser)), ==, id);
  g_assert_cmpstr (jh_clause_get_title (jh_clause_browser_get_selected (browser)), ==, "机关例会");
  jh_clause_browser_set_tag (browser, "例会");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* Leave My Clauses empty for the other tests. */
  g_assert_true (jh_library_remove_clause (library, id));
  g_assert_true (jh_library_save (library, NULL, &error));
  close_all (window, browser);
}

/* The first words of a clause, typed on a new line, are completed with
 * the clause, which the paragraph then comes from.
 */
static void
test_completion (void)
{
  JhWindow *window = open_defects ();
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_SAFEGUARDS);
  GListModel *paragraphs = jh_section_get_paragraphs (section);
  JhLibrarySet *libraries = jh_application_get_libraries (application);
  g_autoptr(JhClauseCompletion) completion = jh_clause_completion_new (NULL, NULL);
  g_autoptr(GListModel) proposals = NULL;
  g_autoptr(GtkSourceCompletionProposal) proposal = NULL;
  g_autoptr(JhParagraph) completed = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *expanded = NULL;
  JhClause *clause = NULL;
  JhBodyEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter begin, end;
  GListModel *clauses = jh_library_set_get_clauses (libraries);

  /* A current clause for this section, and its first six characters. */
  for (guint i = 0; clause == NULL && i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) candidate = g_list_model_get_item (clauses, i);

      if (jh_clause_has_kind (candidate, JH_SECTION_KIND_SAFEGUARDS) &&
          jh_clause_get_status (candidate) == JH_CLAUSE_STATUS_CURRENT &&
          strchr (jh_clause_get_text (candidate), '{') == NULL)
        clause = candidate;
    }
  g_assert_nonnull (clause);
  typed = g_utf8_substring (jh_clause_get_text (clause), 0, 6);

  /* Nothing for one character; the clause for its first words. */
  jh_clause_completion_set_libraries (completion, libraries);
  proposals = jh_clause_completion_find (completion, "加");
  g_assert_cmpuint (g_list_model_get_n_items (proposals), ==, 0);
  g_clear_object (&proposals);
  proposals = jh_clause_completion_find (completion, typed);
  g_assert_cmpuint (g_list_model_get_n_items (proposals), >, 0);
  proposal = g_list_model_get_item (proposals, 0);
  g_assert_true (g_str_has_prefix (jh_clause_get_text (jh_clause_completion_get_proposal_clause (proposal)), typed));
  clause = jh_clause_completion_get_proposal_clause (proposal);

  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (section));
  editor = gui_test_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (window)), JH_NODE (section));
  g_assert_nonnull (editor);
  buffer = jh_body_editor_get_buffer (editor);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n", -1);
  gtk_text_buffer_insert (buffer, &end, typed, -1);
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 2);

  gtk_text_buffer_get_iter_at_line (buffer, &begin, 1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  jh_body_editor_complete_clause (editor, clause, &begin, &end);

  expanded = jh_clause_expand (clause, jh_window_get_plan (window));
  completed = g_list_model_get_item (paragraphs, 1);
  g_assert_cmpstr (jh_paragraph_get_text (completed), ==, expanded);
  g_assert_nonnull (jh_paragraph_get_provenance (completed));
  g_assert_cmpstr (jh_provenance_get_clause_id (jh_paragraph_get_provenance (completed)), ==, jh_clause_get_id (clause));

  /* One Undo takes back the completion, leaving what was typed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_object (&completed);
  completed = g_list_model_get_item (paragraphs, 1);
  g_assert_cmpstr (jh_paragraph_get_text (completed), ==, typed);
  g_assert_null (jh_paragraph_get_provenance (completed));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a clause dropped on a body does: a paragraph below the line,
 * with the clause's id and version.
 */
static void
test_drop_clause (void)
{
  JhWindow *window = open_defects ();
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_GUIDING_IDEOLOGY);
  GListModel *paragraphs = jh_section_get_paragraphs (section);
  GListModel *clauses = jh_library_set_get_clauses (jh_application_get_libraries (application));
  g_autoptr(JhClause) clause = g_list_model_get_item (clauses, 0);
  g_autoptr(JhParagraph) first = g_list_model_get_item (paragraphs, 0);
  g_autoptr(JhParagraph) dropped = NULL;
  JhBodyEditor *editor;

  jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (section));
  editor = gui_test_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (window)), JH_NODE (section));
  g_assert_nonnull (editor);

  g_assert_true (jh_body_editor_insert_clause (editor, clause, 0));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 2);
  dropped = g_list_model_get_item (paragraphs, 0);
  g_assert_cmpstr (jh_provenance_get_clause_id (jh_paragraph_get_provenance (dropped)), ==, jh_clause_get_id (clause));
  g_assert_cmpuint (jh_provenance_get_clause_version (jh_paragraph_get_provenance (dropped)), ==, jh_clause_get_version (clause));

  /* The body shows it as its first line. */
  {
    GtkTextBuffer *buffer = jh_body_editor_get_buffer (editor);
    GtkTextIter start, end;
    g_autofree char *line = NULL;

    gtk_text_buffer_get_iter_at_line (buffer, &start, 0);
    end = start;
    gtk_text_iter_forward_to_line_end (&end);
    line = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (line, ==, jh_paragraph_get_text (dropped));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (paragraphs), ==, 1);
  {
    g_autoptr(JhParagraph) remaining = g_list_model_get_item (paragraphs, 0);

    g_assert_true (remaining == first);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  application = gui_test_start_application (&argc, &argv, &data_home);

  g_test_add_func ("/jihua/clause-browser/filters", test_filters);
  g_test_add_func ("/jihua/clause-browser/insert-with-provenance", test_insert_with_provenance);
  g_test_add_func ("/jihua/clause-browser/insert-as-task", test_insert_as_task);
  g_test_add_func ("/jihua/clause-browser/save-to-my-clauses", test_save_to_my_clauses);
  g_test_add_func ("/jihua/clause-browser/tag-and-year", test_tag_and_year_filters);
  g_test_add_func ("/jihua/clause-browser/edit-my-clause", test_edit_my_clause);
  g_test_add_func ("/jihua/clause-browser/completion", test_completion);
  g_test_add_func ("/jihua/clause-browser/drop-clause", test_drop_clause);

  status = g_test_run ();

  gui_test_stop_application (application, data_home);

  return status;
}
