/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-clause-browser.h"
#include "jh-window-clauses.h"

/* A window and its plan's clauses: the clause library, whose clauses go
 * into the plan through the window's history, and saving the plan's own
 * text to the user's library.
 */

static void
show_error (JhWindow   *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The clause library */

static JhSection *
section_of (JhNode *node)
{
  while (node != NULL && !JH_IS_SECTION (node))
    node = jh_node_get_parent (node);

  return node ? JH_SECTION (node) : NULL;
}

/* Where a clause goes when nothing that holds paragraphs is selected:
 * a section of its kind, else the main tasks, else the first section.
 */
static JhSection *
section_for_clause (JhPlan   *plan,
                    JhClause *clause)
{
  guint n_kinds = 0;
  const JhSectionKind *kinds = jh_clause_get_kinds (clause, &n_kinds);
  JhSection *section = NULL;
  GListModel *sections = jh_plan_get_sections (plan);

  for (guint i = 0; section == NULL && i < n_kinds; i++)
    section = jh_plan_find_section (plan, kinds[i]);
  if (section == NULL)
    section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
  if (section == NULL && g_list_model_get_n_items (sections) > 0)
    {
      g_autoptr(JhSection) first = g_list_model_get_item (sections, 0);

      section = first;
    }

  return section;
}

/* A clause goes in as a paragraph below the cursor of the body shown,
 * or as a new task; either way it keeps the clause's id and version.
 */
static gboolean
insert_clause_cb (JhClause *clause,
                  gboolean  as_task,
                  gpointer  user_data)
{
  JhWindow *self = user_data;
  JhOutline *outline = jh_plan_view_get_outline (jh_window_get_plan_view (self));
  JhNode *selected = jh_outline_get_selected (outline);
  g_autoptr(JhProvenance) provenance = NULL;
  g_autoptr(JhParagraph) paragraph = NULL;
  g_autofree char *text = NULL;
  JhNode *parent = NULL;
  int position = -1;

  if (jh_window_get_plan (self) == NULL)
    return FALSE;

  text = jh_clause_expand (clause, jh_window_get_plan (self));
  provenance = jh_provenance_new (jh_clause_get_id (clause), jh_clause_get_version (clause), NULL, 0);
  paragraph = jh_paragraph_new (text);
  jh_paragraph_set_provenance (paragraph, provenance);

  if (as_task)
    {
      g_autoptr(JhTask) task = jh_task_new (jh_clause_get_title (clause));
      JhSection *section = section_of (selected);

      if (section == NULL)
        section = section_for_clause (jh_window_get_plan (self), clause);
      if (section == NULL)
        return FALSE;

      jh_task_set_provenance (task, provenance);
      jh_history_seal (jh_window_get_history (self));
      jh_history_begin (jh_window_get_history (self), _("Insert Clause"));
      jh_history_insert (jh_window_get_history (self), JH_NODE (section), -1, JH_NODE (task));
      jh_history_insert (jh_window_get_history (self), JH_NODE (task), -1, JH_NODE (paragraph));
      jh_history_end (jh_window_get_history (self));
      jh_history_seal (jh_window_get_history (self));
      jh_outline_select (outline, JH_NODE (task));
      return TRUE;
    }

  if (JH_IS_TASK (selected) || JH_IS_SECTION (selected))
    {
      JhBodyEditor *editor = jh_window_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (self)), selected);

      parent = selected;
      if (editor != NULL)
        {
          GtkTextBuffer *buffer = jh_body_editor_get_buffer (editor);
          GtkTextIter cursor;

          gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
          /* An empty body is one empty line: the clause takes its place. */
          if (gtk_text_buffer_get_char_count (buffer) > 0)
            position = gtk_text_iter_get_line (&cursor) + 1;
        }
    }
  else
    {
      parent = JH_NODE (section_for_clause (jh_window_get_plan (self), clause));
      if (parent == NULL)
        return FALSE;
      jh_outline_select (outline, parent);
    }

  jh_history_seal (jh_window_get_history (self));
  jh_history_begin (jh_window_get_history (self), _("Insert Clause"));
  jh_history_insert (jh_window_get_history (self), parent, position, JH_NODE (paragraph));
  jh_history_end (jh_window_get_history (self));
  jh_history_seal (jh_window_get_history (self));

  return TRUE;
}

void
jh_window_clause_browser_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  JhLibrarySet *libraries = NULL;
  JhClauseBrowser *browser;

  if (JH_IS_APPLICATION (application))
    libraries = jh_application_get_libraries (JH_APPLICATION (application));
  if (libraries == NULL)
    {
      jh_window_add_toast (self, adw_toast_new (_("The clause libraries are still loading")));
      return;
    }

  browser = jh_clause_browser_new (GTK_WINDOW (self), libraries, jh_window_get_plan (self));
  jh_clause_browser_set_insert_func (browser, insert_clause_cb, g_object_ref (self), g_object_unref);
  gtk_window_present (GTK_WINDOW (browser));
}

/* Saving a task or a paragraph to the user's own library */

static void
save_clause_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         JhWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "tags-entry");
  JhNode *node = g_object_get_data (G_OBJECT (dialog), "node");
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_auto(GStrv) tags = NULL;
  g_autoptr(JhClause) clause = NULL;
  g_autoptr(GError) error = NULL;
  JhLibrarySet *libraries;
  JhLibrary *library;

  if (!g_str_equal (response, "save") || !JH_IS_APPLICATION (application))
    return;

  libraries = jh_application_get_libraries (JH_APPLICATION (application));
  library = libraries ? jh_library_set_get_user_library (libraries) : NULL;
  if (library == NULL)
    {
      show_error (self, _("Could Not Save the Clause"), _("Your own clause library could not be read."));
      return;
    }

  tags = jh_tags_parse (gtk_editable_get_text (entry));
  if (JH_IS_TASK (node))
    clause = jh_clause_new_from_task (JH_TASK (node), (const char * const *) tags);
  else
    clause = jh_clause_new_from_paragraph (JH_PARAGRAPH (node), (const char * const *) tags);

  jh_library_add_clause (library, clause);
  if (!jh_library_save (library, NULL, &error))
    {
      show_error (self, _("Could Not Save the Clause"), error->message);
      return;
    }

  jh_window_add_toast (self, adw_toast_new (_("Saved to My Clauses")));
}

/* The task selected, or the paragraph of the body where the cursor is. */
void
jh_window_save_to_my_clauses_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JhWindow *self = JH_WINDOW (widget);
  JhNode *selected = jh_outline_get_selected (jh_plan_view_get_outline (jh_window_get_plan_view (self)));
  g_autoptr(JhNode) node = NULL;
  GtkWidget *dialog, *entry;
  g_autofree char *body = NULL;

  if (JH_IS_TASK (selected))
    {
      node = g_object_ref (selected);
      body = g_strdup_printf (_("The task “%s” and its text go into your own library, to reuse in other plans."),
                              jh_task_get_lead (JH_TASK (selected)));
    }
  else if (JH_IS_SECTION (selected))
    {
      JhBodyEditor *editor = jh_window_find_body_editor (GTK_WIDGET (jh_window_get_plan_view (self)), selected);
      GListModel *paragraphs = jh_section_get_paragraphs (JH_SECTION (selected));
      GtkTextBuffer *buffer;
      GtkTextIter cursor;

      if (editor != NULL)
        {
          buffer = jh_body_editor_get_buffer (editor);
          gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
          node = g_list_model_get_item (paragraphs, gtk_text_iter_get_line (&cursor));
        }
      if (node != NULL)
        body = g_strdup (_("The paragraph where the cursor is goes into your own library, to reuse in other plans."));
    }

  if (node == NULL)
    {
      jh_window_add_toast (self, adw_toast_new (_("Select a task, or put the cursor in a paragraph, to save it")));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save to My Clauses"), body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Tags, separated by commas"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tags"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "tags-entry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "node", g_steal_pointer (&node), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_clause_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
