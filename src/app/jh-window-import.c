/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-harvest-dialog.h"
#include "jh-window-import.h"

/* Prior-year documents in the window: a .txt, .odt or .docx opened from
 * the Open dialog becomes an unsaved plan (a window for each document
 * the file holds), and a folder of them can be harvested into the
 * user's clause library.
 */

/**
 * jh_file_chooser_add_import_filter:
 * @chooser: a file chooser
 *
 * Adds a filter for the documents Jihua imports, and one for everything
 * that can be opened, plans and documents, which is selected.
 */
void
jh_file_chooser_add_import_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();
  const char * const suffixes[] = { "txt", "odt", "docx", NULL };

  gtk_file_filter_set_name (documents, _("Documents to Import"));
  gtk_file_filter_set_name (everything, _("All Supported Files"));
  gtk_file_filter_add_mime_type (everything, JH_PLAN_MIME_TYPE);
  gtk_file_filter_add_suffix (everything, "jhplan");
  for (guint i = 0; suffixes[i] != NULL; i++)
    {
      gtk_file_filter_add_suffix (documents, suffixes[i]);
      gtk_file_filter_add_suffix (everything, suffixes[i]);
    }

  gtk_file_chooser_add_filter (chooser, documents);
  gtk_file_chooser_add_filter (chooser, everything);
  gtk_file_chooser_set_filter (chooser, everything);
}

/**
 * jh_import_result_dup_summary:
 * @result: an imported file
 *
 * What the import found, for the user to check it against the source:
 * each document with its kind, year, organization and sections, the
 * notes, and every line that was left out.
 *
 * Returns: (transfer full): the report, several lines
 */
char *
jh_import_result_dup_summary (JhImportResult *result)
{
  GString *text = g_string_new (NULL);
  guint n_documents = jh_import_result_get_n_documents (result);

  for (guint i = 0; i < n_documents; i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);
      JhPlan *plan = jh_import_document_get_plan (document);
      GListModel *sections = jh_plan_get_sections (plan);
      const char * const *notes = jh_import_document_get_notes (document);
      GPtrArray *dropped = jh_import_document_get_dropped (document);
      const char *organization = jh_plan_get_organization (plan);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. %s", i + 1, *jh_plan_get_title (plan) ? jh_plan_get_title (plan) : _("Untitled"));
      g_string_append_printf (text, jh_import_document_get_year_source (document) == JH_IMPORT_YEAR_ASSUMED
                                      ? _(" — %u (assumed)") : " — %u",
                              jh_plan_get_year (plan));
      if (organization != NULL && *organization != '\0')
        g_string_append_printf (text, " — %s", organization);
      g_string_append_c (text, '\n');

      for (guint j = 0; j < g_list_model_get_n_items (sections); j++)
        {
          g_autoptr(JhSection) section = g_list_model_get_item (sections, j);
          guint n_paragraphs = g_list_model_get_n_items (jh_section_get_paragraphs (section));
          guint n_tasks = g_list_model_get_n_items (jh_section_get_tasks (section));

          g_string_append_printf (text, "   %s: ", jh_section_kind_get_label (jh_section_get_kind (section)));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs", n_paragraphs),
                                  n_paragraphs);
          g_string_append (text, ", ");
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n_tasks), n_tasks);
          g_string_append_c (text, '\n');
        }

      for (guint j = 0; notes != NULL && notes[j] != NULL; j++)
        g_string_append_printf (text, "   %s\n", notes[j]);

      for (guint j = 0; j < dropped->len; j++)
        {
          JhImportDrop *drop = g_ptr_array_index (dropped, j);

          g_string_append_printf (text, _("   Dropped line %u (%s): %s\n"), drop->line,
                                  jh_import_drop_reason_to_nick (drop->reason), drop->text);
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * jh_import_report_dialog_new:
 * @parent: (nullable): the window it is for
 * @result: an imported file
 *
 * Returns: (transfer none): a dialog showing what the import found,
 *   presented
 */
GtkWidget *
jh_import_report_dialog_new (GtkWindow      *parent,
                             JhImportResult *result)
{
  GFile *file = jh_import_result_get_file (result);
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup (jh_import_result_get_display_name (result));
  g_autofree char *summary = jh_import_result_dup_summary (result);
  g_autofree char *heading = g_strdup_printf (_("Imported From “%s”"), name);
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (summary);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
toast_details_cb (AdwToast       *toast,
                  JhImportResult *result)
{
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "jh-window");

  if (window != NULL)
    jh_import_report_dialog_new (window, result);
}

static AdwToast *
make_import_toast (JhWindow       *window,
                   JhImportResult *result,
                   guint           index_)
{
  guint n_documents = jh_import_result_get_n_documents (result);
  GFile *file = jh_import_result_get_file (result);
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup (jh_import_result_get_display_name (result));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_documents > 1)
    /* Translators: "Document 2 of 5 from “plans.txt”, not saved yet" */
    title = g_strdup_printf (_("Document %u of %u from “%s”, not saved yet"), index_ + 1, n_documents, name);
  else
    title = g_strdup_printf (_("Imported from “%s”, not saved yet"), name);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data (G_OBJECT (toast), "jh-window", window);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_details_cb),
                         g_object_ref (result), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return toast;
}

static void
import_file_cb (GObject      *object,
                GAsyncResult *async_result,
                gpointer      user_data)
{
  g_autoptr(JhWindow) self = user_data;
  g_autoptr(JhImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *application;

  result = jh_importer_import_file_finish (JH_IMPORTER (object), async_result, &error);
  if (result == NULL || jh_import_result_get_n_documents (result) == 0)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the File"),
                                       error ? error->message : _("No document was found in the file."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Each document of the file is a plan of its own, in its own window:
   * the first here, the others beside.
   */
  application = gtk_window_get_application (GTK_WINDOW (self));
  for (guint i = 0; i < jh_import_result_get_n_documents (result); i++)
    {
      JhImportDocument *document = jh_import_result_get_document (result, i);
      JhWindow *window = self;

      if (i > 0)
        {
          if (application == NULL)
            break;
          window = jh_window_new (application);
          jh_window_set_drafts (window, jh_window_get_drafts (self));
        }

      jh_window_show_imported (window, jh_import_document_get_plan (document),
                               make_import_toast (window, result, i));
      if (i > 0)
        gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * jh_window_import_file:
 * @self: a #JhWindow
 * @file: a .txt, .odt or .docx file
 *
 * Imports @file in the background; its first document becomes the
 * window's plan, unsaved, with a toast offering the import report.
 */
void
jh_window_import_file (JhWindow *self,
                       GFile    *file)
{
  g_autoptr(JhImporter) importer = jh_importer_new ();

  g_return_if_fail (JH_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  jh_importer_import_file_async (importer, file, NULL, import_file_cb, g_object_ref (self));
}

static void
harvest_folder_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            JhWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      JhHarvestDialog *dialog = jh_harvest_dialog_new (GTK_WINDOW (self), folder, NULL);

      gtk_window_present (GTK_WINDOW (dialog));
      jh_harvest_dialog_start (dialog);
    }

  g_object_unref (chooser);
}

/**
 * jh_window_import_folder_action:
 *
 * win.import-folder: asks for a folder and harvests every document in
 * it into the user's clause library.
 */
void
jh_window_import_folder_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Folder into Library"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (harvest_folder_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
