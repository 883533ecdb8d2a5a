/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-harvest-dialog.h"
#include "jh-window.h"
#include "jh-window-import.h"

/* Prior-year documents in the application: a folder harvested into a
 * library through the dialog a user sees, and a document opened as an
 * unsaved plan.
 */

/* Patient: under the sanitizers, with full stacks, a harvest of the
 * corpus takes half a minute. */
#define WAIT_UNTIL_HARVESTED(condition) GUI_TEST_WAIT_UNTIL_SECONDS (condition, 180)

static const char * const corpus_files[] = {
  "000_ea8348fc26a12208.txt",
  "000_ea8348fc26a12208.gb18030.txt",
  "001_af46b2345eeacad3.txt",
  "001_af46b2345eeacad3.docx",
  "001_af46b2345eeacad3.odt",
  "003_4ad841865d36761d.txt",
};

static char *
corpus_path (const char *name)
{
  return g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", name, NULL);
}

/* A folder as a user has one: the corpus, a damaged DOCX, and files
 * that are not documents.  With @n_copies > 1, the corpus again and
 * again, for a batch long enough to watch.
 */
static char *
make_folder (guint n_copies)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("jihua-harvest-XXXXXX", &error);
  g_autofree char *broken = g_build_filename (folder, "broken.docx", NULL);
  g_autofree char *picture = g_build_filename (folder, "photo.png", NULL);

  g_assert_no_error (error);
  for (guint copy = 0; copy < n_copies; copy++)
    for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
      {
        g_autofree char *source = corpus_path (corpus_files[i]);
        g_autofree char *name = copy == 0 ? g_strdup (corpus_files[i]) : g_strdup_printf ("%u-%s", copy, corpus_files[i]);
        g_autofree char *target = g_build_filename (folder, name, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
        g_assert_true (g_file_set_contents (target, contents, length, NULL));
      }

  g_assert_true (g_file_set_contents (broken, "PK\003\004 not really a zip", -1, NULL));
  g_assert_true (g_file_set_contents (picture, "\x89PNG", -1, NULL));

  return folder;
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = ADW_IS_ACTION_ROW (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);

  return n;
}

static void
finished_cb (JhHarvestDialog *dialog,
             gboolean        *finished)
{
  *finished = TRUE;
}

static void
test_harvest_folder (void)
{
  g_autofree char *folder_path = make_folder (1);
  g_autofree char *library_path = g_build_filename (folder_path, "mine.jhlib", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) library_file = g_file_new_for_path (library_path);
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  JhHarvestDialog *dialog;
  GPtrArray *reports;
  gboolean finished = FALSE;
  guint n_added = 0, n_failed = 0;

  dialog = jh_harvest_dialog_new (NULL, folder, library_file);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));
  jh_harvest_dialog_start (dialog);
  g_assert_true (jh_harvest_dialog_is_running (dialog));
  WAIT_UNTIL_HARVESTED (finished);

  g_assert_false (jh_harvest_dialog_is_running (dialog));
  g_assert_null (jh_harvest_dialog_get_error (dialog));
  reports = jh_harvest_dialog_get_reports (dialog);
  g_assert_nonnull (reports);

  /* Six documents and the broken one; the picture is not a document. */
  g_assert_cmpuint (reports->len, ==, G_N_ELEMENTS (corpus_files) + 1);
  for (guint i = 0; i < reports->len; i++)
    {
      const JhHarvestReport *report = g_ptr_array_index (reports, i);

      n_added += report->n_added;
      if (report->error != NULL)
        {
          g_assert_cmpstr (report->file, ==, "broken.docx");
          n_failed++;
        }
    }
  g_assert_cmpuint (n_failed, ==, 1);

  /* The library holds each wording once, whatever the copies. */
  library = jh_library_load_from_file (library_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jh_library_get_clauses (library)), ==, n_added);
  g_assert_cmpuint (n_added, >, 100);

  /* A row for each file. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), ==, reports->len);
  gui_test_save_rendering (GTK_WIDGET (dialog), "harvest-report.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_remove_tree (folder_path);
}

static void
test_harvest_cancel (void)
{
  g_autofree char *folder_path = make_folder (4);
  g_autofree char *library_path = g_build_filename (folder_path, "mine.jhlib", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) library_file = g_file_new_for_path (library_path);
  JhHarvestDialog *dialog;
  gboolean finished = FALSE;

  dialog = jh_harvest_dialog_new (NULL, folder, library_file);
  g_signal_connect (dialog, "finished", G_CALLBACK (finished_cb), &finished);
  gtk_window_present (GTK_WINDOW (dialog));

  /* Cancelled before the main loop ran again: whatever the worker
   * thread has read, nothing reaches the library.
   */
  jh_harvest_dialog_start (dialog);
  jh_harvest_dialog_cancel (dialog);
  WAIT_UNTIL_HARVESTED (finished);

  g_assert_error ((GError *) jh_harvest_dialog_get_error (dialog), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (jh_harvest_dialog_get_reports (dialog));
  g_assert_false (g_file_test (library_path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_rows (GTK_WIDGET (dialog)), ==, 0);

  /* It can be started again, and this time run to the end; a batch this
   * long shows its progress bar.
   */
  finished = FALSE;
  jh_harvest_dialog_start (dialog);
  gui_test_save_rendering (GTK_WIDGET (dialog), "harvest-progress.png");
  WAIT_UNTIL_HARVESTED (finished);
  g_assert_null (jh_harvest_dialog_get_error (dialog));
  g_assert_true (g_file_test (library_path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Closed while it works: the work stops, nothing is written, and the
   * dialog goes away once its threads are done.
   */
  g_unlink (library_path);
  dialog = jh_harvest_dialog_new (NULL, folder, library_file);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  jh_harvest_dialog_start (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL_HARVESTED (dialog == NULL);
  g_assert_false (g_file_test (library_path, G_FILE_TEST_EXISTS));

  gui_test_remove_tree (folder_path);
}

/* Opening a .docx: its documents become unsaved plans, each in a
 * window, the window's file none.
 */
static void
test_open_document (void)
{
  g_autoptr(JhApplication) application = NULL;
  g_autofree char *path = corpus_path ("001_af46b2345eeacad3.docx");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GList *windows;
  JhWindow *window;
  guint n_found = 0;

  application = jh_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));

  window = jh_window_new (GTK_APPLICATION (application));
  gtk_window_present (GTK_WINDOW (window));
  jh_window_open_file (window, file);
  WAIT_UNTIL_HARVESTED (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))) == 5);

  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      JhWindow *each = l->data;

      g_assert_nonnull (jh_window_get_plan (each));
      g_assert_null (jh_window_get_file (each));
      g_assert_true (jh_window_get_modified (each));
      g_assert_cmpuint (g_list_model_get_n_items (jh_plan_get_sections (jh_window_get_plan (each))), >, 0);
      n_found += g_strcmp0 (jh_plan_get_organization (jh_window_get_plan (each)), "**镇政协委员会") == 0;
    }
  g_assert_cmpuint (n_found, ==, 1);
  gui_test_save_rendering (GTK_WIDGET (window), "harvest-open-document.png");

  /* The report a user reads to check the import against the source. */
  {
    g_autoptr(JhImporter) importer = jh_importer_new ();
    g_autoptr(JhImportResult) result = jh_importer_import_file (importer, file, NULL, &error);
    g_autofree char *summary = NULL;
    GtkWidget *dialog;

    g_assert_no_error (error);
    summary = jh_import_result_dup_summary (result);
    g_assert_nonnull (strstr (summary, "5. "));
    g_assert_nonnull (strstr (summary, "**镇政协委员会"));
    g_assert_nonnull (strstr (summary, "Dropped line"));
    dialog = jh_import_report_dialog_new (GTK_WINDOW (window), result);
    gui_test_save_rendering (dialog, "harvest-import-report.png");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* The windows are unsaved: destroy them without asking. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (windows->data);
  g_application_release (G_APPLICATION (application));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = gui_test_make_data_home ();
  int status;

  gui_test_init (&argc, &argv);

  g_test_add_func ("/jihua/harvest-dialog/folder", test_harvest_folder);
  g_test_add_func ("/jihua/harvest-dialog/cancel", test_harvest_cancel);
  g_test_add_func ("/jihua/harvest-dialog/open-document", test_open_document);

  status = g_test_run ();
  gui_test_remove_tree (data_home);

  return status;
}
