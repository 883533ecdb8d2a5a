/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-harvest-dialog.h"

/**
 * JhHarvestDialog:
 *
 * Imports every document of a folder and harvests its plans into a
 * clause library, showing how far it has got, with a Cancel button, and
 * then what was found in each file.  Reading the files and writing the
 * library happen in worker threads; a cancelled import leaves the
 * library as it was.
 */

struct _JhHarvestDialog
{
  AdwWindow       parent_instance;

  GFile          *folder;
  GFile          *library_file;
  GCancellable   *cancellable;
  JhImporter     *importer;
  GPtrArray      *reports;
  GError         *error;
  gboolean        running;

  /* Template widgets */
  GtkButton      *cancel_button;
  GtkButton      *close_button;
  GtkStack       *stack;
  AdwStatusPage  *progress_page;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLabel       *summary_label;
  GtkListBox     *report_list;
};

G_DEFINE_FINAL_TYPE (JhHarvestDialog, jh_harvest_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_LIBRARY_FILE,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_running (JhHarvestDialog *self,
             gboolean         running)
{
  if (self->running == running)
    return;

  self->running = running;
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), running);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), !running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static GtkWidget *
make_report_row (const JhHarvestReport *report)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *documents = NULL;
  g_autofree char *plans = NULL;
  g_autofree char *added = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), report->file);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (report->error != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not imported"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), report->error->message);
      return row;
    }

  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents",
                                            report->n_documents), report->n_documents);
  plans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plan harvested", "%u plans harvested",
                                        report->n_harvested_documents), report->n_harvested_documents);
  added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u clause added", "%u clauses added",
                                        report->n_added), report->n_added);
  merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u already in the library", "%u already in the library",
                                         report->n_merged + report->n_known), report->n_merged + report->n_known);
  dropped = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line dropped", "%u lines dropped",
                                          report->n_dropped), report->n_dropped);
  /* Translators: documents, plans · clauses added, already there · lines dropped */
  subtitle = g_strdup_printf (_("%s, %s · %s, %s · %s"), documents, plans, added, merged, dropped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
show_report (JhHarvestDialog *self)
{
  g_autofree char *library_name = g_file_get_basename (self->library_file);
  guint n_added = 0, n_merged = 0, n_failed = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->report_list))) != NULL)
    gtk_list_box_remove (self->report_list, child);

  if (self->error != NULL)
    {
      if (g_error_matches (self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_text (self->summary_label, _("Cancelled: nothing was added to the library."));
      else
        gtk_label_set_text (self->summary_label, self->error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->report_list), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "report");
      return;
    }

  for (guint i = 0; i < self->reports->len; i++)
    {
      const JhHarvestReport *report = g_ptr_array_index (self->reports, i);

      n_added += report->n_added;
      n_merged += report->n_merged + report->n_known;
      n_failed += report->error != NULL;
      gtk_list_box_append (self->report_list, make_report_row (report));
    }

  if (self->reports->len == 0)
    {
      gtk_label_set_text (self->summary_label, _("The folder has no document to import (.txt, .odt, .docx)."));
      gtk_widget_set_visible (GTK_WIDGET (self->report_list), FALSE);
    }
  else
    {
      g_autofree char *added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u clause added to “%s”",
                                                             "%u clauses added to “%s”", n_added),
                                                n_added, library_name);
      g_autofree char *merged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u paragraph was there already",
                                                              "%u paragraphs were there already", n_merged),
                                                 n_merged);
      g_autofree char *summary = NULL;

      if (n_failed > 0)
        {
          g_autofree char *failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u file could not be read",
                                                                  "%u files could not be read", n_failed),
                                                     n_failed);

          summary = g_strdup_printf ("%s; %s; %s.", added, merged, failed);
        }
      else
        summary = g_strdup_printf ("%s; %s.", added, merged);

      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_set_visible (GTK_WIDGET (self->report_list), TRUE);
    }

  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
finish (JhHarvestDialog *self,
        GPtrArray       *reports,
        GError          *error)
{
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_error (&self->error);
  self->reports = reports;
  self->error = error;

  /* Closed while it worked: there is nothing left to show. */
  if (self->stack == NULL)
    return;

  show_report (self);
  set_running (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
harvest_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JhHarvestDialog) self = user_data;
  GError *error = NULL;
  GPtrArray *reports;

  reports = jh_harvest_results_finish (result, &error);
  finish (self, reports, error);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JhHarvestDialog) self = user_data;
  g_autoptr(GPtrArray) results = NULL;
  GError *error = NULL;

  results = jh_importer_import_folder_finish (JH_IMPORTER (object), result, &error);
  if (results == NULL || self->stack == NULL)
    {
      if (results != NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      finish (self, NULL, error);
      return;
    }

  gtk_label_set_text (self->progress_label, _("Adding clauses to the library…"));
  jh_harvest_results_async (self->library_file, results, self->cancellable,
                            harvest_done_cb, g_object_ref (self));
}

static void
importer_progress_cb (JhImporter      *importer,
                      guint            n_done,
                      guint            n_files,
                      GFile           *file,
                      JhHarvestDialog *self)
{
  g_autofree char *text = NULL;

  if (!self->running || self->stack == NULL)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, n_files > 0 ? (double) n_done / n_files : 0);
  text = g_strdup_printf (_("%u of %u files"), n_done, n_files);
  gtk_progress_bar_set_text (self->progress_bar, text);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *label = g_strdup_printf (_("Read “%s”"), name);

      gtk_label_set_text (self->progress_label, label);
    }
}

/**
 * jh_harvest_dialog_start:
 * @self: a #JhHarvestDialog
 *
 * Starts importing the folder.  #JhHarvestDialog::finished is emitted
 * when the library is written, the import failed or was cancelled.
 */
void
jh_harvest_dialog_start (JhHarvestDialog *self)
{
  g_return_if_fail (JH_IS_HARVEST_DIALOG (self));
  g_return_if_fail (!self->running);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, _("Looking for documents…"));
  set_running (self, TRUE);

  jh_importer_import_folder_async (self->importer, self->folder, self->cancellable,
                                   import_done_cb, g_object_ref (self));
}

/**
 * jh_harvest_dialog_cancel:
 * @self: a #JhHarvestDialog
 *
 * Stops the import: the files read so far are not harvested, the
 * library is not written.
 */
void
jh_harvest_dialog_cancel (JhHarvestDialog *self)
{
  g_return_if_fail (JH_IS_HARVEST_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->progress_label != NULL)
    gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

gboolean
jh_harvest_dialog_is_running (JhHarvestDialog *self)
{
  g_return_val_if_fail (JH_IS_HARVEST_DIALOG (self), FALSE);

  return self->running;
}

/**
 * jh_harvest_dialog_get_reports:
 * @self: a #JhHarvestDialog
 *
 * Returns: (transfer none) (nullable) (element-type JhHarvestReport):
 *   what was found in each file, once finished and not cancelled
 */
GPtrArray *
jh_harvest_dialog_get_reports (JhHarvestDialog *self)
{
  g_return_val_if_fail (JH_IS_HARVEST_DIALOG (self), NULL);

  return self->reports;
}

/**
 * jh_harvest_dialog_get_error:
 * @self: a #JhHarvestDialog
 *
 * Returns: (nullable): why the import stopped: cancelled
 *   (%G_IO_ERROR_CANCELLED), or the folder or library could not be read
 *   or written
 */
const GError *
jh_harvest_dialog_get_error (JhHarvestDialog *self)
{
  g_return_val_if_fail (JH_IS_HARVEST_DIALOG (self), NULL);

  return self->error;
}

static void
cancel_clicked_cb (JhHarvestDialog *self)
{
  jh_harvest_dialog_cancel (self);
}

static void
close_clicked_cb (JhHarvestDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
jh_harvest_dialog_close_request (GtkWindow *window)
{
  JhHarvestDialog *self = JH_HARVEST_DIALOG (window);

  /* Closing while importing is cancelling. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (jh_harvest_dialog_parent_class)->close_request (window);
}

static void
jh_harvest_dialog_dispose (GObject *object)
{
  JhHarvestDialog *self = (JhHarvestDialog *) object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->importer != NULL)
    g_signal_handlers_disconnect_by_func (self->importer, importer_progress_cb, self);
  g_clear_object (&self->importer);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->folder);
  g_clear_object (&self->library_file);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_HARVEST_DIALOG);

  G_OBJECT_CLASS (jh_harvest_dialog_parent_class)->dispose (object);
}

static void
jh_harvest_dialog_finalize (GObject *object)
{
  JhHarvestDialog *self = (JhHarvestDialog *) object;

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (jh_harvest_dialog_parent_class)->finalize (object);
}

static void
jh_harvest_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  JhHarvestDialog *self = JH_HARVEST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_LIBRARY_FILE:
      g_value_set_object (value, self->library_file);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_harvest_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  JhHarvestDialog *self = JH_HARVEST_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_set_object (&self->folder, g_value_get_object (value));
      break;

    case PROP_LIBRARY_FILE:
      g_set_object (&self->library_file, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_harvest_dialog_constructed (GObject *object)
{
  JhHarvestDialog *self = JH_HARVEST_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (jh_harvest_dialog_parent_class)->constructed (object);

  if (self->library_file == NULL)
    self->library_file = jh_library_dup_user_file ();
  if (self->folder != NULL)
    {
      name = g_file_get_basename (self->folder);
      adw_status_page_set_description (self->progress_page, name);
    }
}

static void
jh_harvest_dialog_class_init (JhHarvestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags construct_flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = jh_harvest_dialog_dispose;
  object_class->finalize = jh_harvest_dialog_finalize;
  object_class->get_property = jh_harvest_dialog_get_property;
  object_class->set_property = jh_harvest_dialog_set_property;
  object_class->constructed = jh_harvest_dialog_constructed;
  window_class->close_request = jh_harvest_dialog_close_request;

  properties[PROP_FOLDER] = g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, construct_flags);
  properties[PROP_LIBRARY_FILE] = g_param_spec_object ("library-file", NULL, NULL, G_TYPE_FILE, construct_flags);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JhHarvestDialog::finished:
   *
   * The import is over: the library is written, or it failed, or it
   * was cancelled (see jh_harvest_dialog_get_error()).
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-harvest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, JhHarvestDialog, report_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
jh_harvest_dialog_init (JhHarvestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->importer = jh_importer_new ();
  g_signal_connect (self->importer, "progress", G_CALLBACK (importer_progress_cb), self);
}

/**
 * jh_harvest_dialog_new:
 * @parent: (nullable): the window it is for
 * @folder: the folder of documents to import
 * @library_file: (nullable): the library to harvest into; the user's
 *   own (jh_library_dup_user_file()) if %NULL
 *
 * Returns: (transfer full): a new dialog, not started yet
 */
JhHarvestDialog *
jh_harvest_dialog_new (GtkWindow *parent,
                       GFile     *folder,
                       GFile     *library_file)
{
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  return g_object_new (JH_TYPE_HARVEST_DIALOG,
                       "transient-for", parent,
                       "folder", folder,
                       "library-file", library_file,
                       NULL);
}
