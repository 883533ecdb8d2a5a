/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-export-dialog.h"
#include "jh-export-settings.h"
#include "jh-preferences-window.h"
#include "jh-print.h"
#include "jh-print-preview.h"
#include "jh-window.h"

static JhApplication *application;

static char *
dup_output_path (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

static gboolean
have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  if (path == NULL)
    {
      g_test_skip_printf ("%s is not installed", program);
      return FALSE;
    }

  return TRUE;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);

  return g_steal_pointer (&out);
}

static guint
count_pdf_pages (const char *path)
{
  const char * const argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
wait_for_checks (JhExportDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!jh_export_dialog_get_checked (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Drops the last reference the test holds to @object and waits for it to
 * be finalized: a thread that did work for it (the checks, a load) lets
 * go of it a moment after its result came back.
 */
static void
assert_finalized (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (object, &object);
  g_object_unref (object);
  while (object != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
export_with_dialog (JhExportDialog *dialog,
                    const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (jh_export_dialog_can_export (dialog));
  jh_export_dialog_export_async (dialog, file, NULL, result_cb, &result);

  /* The main loop goes on, as the window does, while the file is
   * written.
   */
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (jh_export_dialog_export_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static guint
count_renderer_pages (JhPlan        *plan,
                      JhLayoutFlags  flags)
{
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, flags);
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);

  return jh_page_renderer_get_n_pages (renderer);
}

/* The dialog as the window opens it: a clean plan can be exported at
 * once, as an ODT that passes the schema and as a PDF of the plan's
 * pages, with the timeline when asked.
 */
static void
test_export (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.jihua.Jihua");
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhExportDialog *dialog = jh_export_dialog_new (NULL, NULL, plan, settings);
  g_autofree char *odt = dup_output_path ("dialog-export.odt");
  g_autofree char *pdf = dup_output_path ("dialog-export.pdf");
  g_autofree char *timeline_pdf = dup_output_path ("dialog-export-timeline.pdf");
  g_autofree char *table_pdf = dup_output_path ("dialog-export-table.pdf");
  g_autofree char *validator = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "..", "..",
                                                 "shared", "odf-schema", "validate-odt.sh", NULL);

  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_checks (dialog);

  g_assert_cmpuint (jh_export_dialog_get_n_errors (dialog), ==, 0);
  g_assert_null (jh_export_dialog_get_profile_file (dialog));
  g_assert_cmpint (jh_export_dialog_get_format (dialog), ==, JH_EXPORT_FORMAT_ODT);
  gui_test_save_rendering (GTK_WIDGET (dialog), "export-dialog.png");

  export_with_dialog (dialog, odt);
  if (g_file_test (validator, G_FILE_TEST_IS_EXECUTABLE) && have_program ("jing"))
    {
      const char * const argv[] = { validator, odt, NULL };

      g_free (run_tool (argv));
    }

  jh_export_dialog_set_format (dialog, JH_EXPORT_FORMAT_PDF);
  export_with_dialog (dialog, pdf);
  jh_export_dialog_set_include_timeline (dialog, TRUE);
  export_with_dialog (dialog, timeline_pdf);

  /* The schedule as a table: its heading row comes out of the PDF. */
  jh_export_dialog_set_include_timeline (dialog, FALSE);
  jh_export_dialog_set_schedule_as_table (dialog, TRUE);
  g_assert_true (jh_export_dialog_get_schedule_as_table (dialog));
  export_with_dialog (dialog, table_pdf);
  if (have_program ("pdftotext"))
    {
      const char * const argv[] = { "pdftotext", "-enc", "UTF-8", table_pdf, "-", NULL };
      g_autofree char *text = run_tool (argv);
      const char * const plain_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *plain_text = run_tool (plain_argv);

      g_assert_nonnull (strstr (text, "序号"));
      g_assert_null (strstr (plain_text, "序号"));
    }

  if (have_program ("pdfinfo"))
    {
      g_assert_cmpuint (count_pdf_pages (pdf), ==, count_renderer_pages (plan, JH_LAYOUT_FLAGS_NONE));
      g_assert_cmpuint (count_pdf_pages (timeline_pdf), ==,
                        count_renderer_pages (plan, JH_LAYOUT_INCLUDE_TIMELINE));
      g_assert_cmpuint (count_pdf_pages (timeline_pdf), >, count_pdf_pages (pdf));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_finalized (dialog);
}

/* Errors the checks find come first, and the export waits until the
 * user says to go ahead.
 */
static void
test_errors_first (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("深入学习贯彻党的十九大精神，不断提高委员的政治站位。");
  JhSection *section = g_list_model_get_item (jh_plan_get_sections (plan), 0);
  JhExportDialog *dialog;
  GtkWidget *confirm;
  GtkWidget *row;

  jh_section_insert_paragraph (section, 0, paragraph);
  g_object_unref (section);

  dialog = g_object_ref_sink (jh_export_dialog_new (NULL, NULL, plan, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_checks (dialog);

  g_assert_cmpuint (jh_export_dialog_get_n_errors (dialog), ==, 1);
  g_assert_false (jh_export_dialog_can_export (dialog));

  row = gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "十九大"));
  gui_test_save_rendering (GTK_WIDGET (dialog), "export-dialog-errors.png");

  confirm = gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (confirm), TRUE);
  g_assert_true (jh_export_dialog_can_export (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_finalized (dialog);

  /* A rule the user turned off in the Checks pane stops nothing here
   * either.
   */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    const char * const off[] = { "formulation.19th-congress", NULL };

    g_settings_set_strv (settings, "disabled-rules", off);
    dialog = g_object_ref_sink (jh_export_dialog_new (NULL, NULL, plan, settings));
    gtk_window_present (GTK_WINDOW (dialog));
    wait_for_checks (dialog);
    g_assert_cmpuint (jh_export_dialog_get_n_errors (dialog), ==, 0);
    g_assert_true (jh_export_dialog_can_export (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    assert_finalized (dialog);
    g_settings_reset (settings, "disabled-rules");
  }
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gboolean                *done)
{
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  *done = TRUE;
}

static guint
print_to_pdf (JhLayout   *layout,
              const char *name)
{
  g_autoptr(GtkPrintOperation) operation = jh_print_operation_new (layout);
  g_autofree char *path = dup_output_path (name);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  gboolean done = FALSE;

  g_unlink (path);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), &done);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);

  while (!done)
    g_main_context_iteration (NULL, TRUE);

  return count_pdf_pages (path);
}

/* Printing goes through the PDF export's renderer: the same pages. */
static void
test_print (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  g_autoptr(JhLayout) timeline_layout = jh_layout_new (plan, NULL, JH_LAYOUT_INCLUDE_TIMELINE);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = dup_output_path ("print-export.pdf");
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;

  if (!have_program ("pdfinfo") || !have_program ("pdftotext"))
    return;

  pdf = jh_export_to_bytes (layout, JH_EXPORT_FORMAT_PDF, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (exported, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));

  g_assert_cmpuint (print_to_pdf (layout, "printed.pdf"), ==, count_pdf_pages (exported));
  g_assert_cmpuint (print_to_pdf (timeline_layout, "printed-timeline.pdf"), ==,
                    count_renderer_pages (plan, JH_LAYOUT_INCLUDE_TIMELINE));

  /* Page for page the same text: the lines break in the same places. */
  {
    g_autofree char *printed = dup_output_path ("printed.pdf");
    const char * const printed_argv[] = { "pdftotext", "-enc", "UTF-8", printed, "-", NULL };
    const char * const exported_argv[] = { "pdftotext", "-enc", "UTF-8", exported, "-", NULL };

    printed_text = run_tool (printed_argv);
    exported_text = run_tool (exported_argv);
  }
  g_assert_cmpstr (printed_text, ==, exported_text);
}

/* The preview shows the pages printing draws, as the PDF has them. */
static void
test_print_preview (void)
{
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autoptr(JhLayout) layout = jh_layout_new (plan, NULL, JH_LAYOUT_INCLUDE_TIMELINE);
  JhPrintPreview *preview = g_object_ref_sink (jh_print_preview_new (NULL, layout));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *picture;
  guint n_pictures = 0;

  gtk_window_present (GTK_WINDOW (preview));
  while (jh_print_preview_get_n_pages (preview) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (jh_print_preview_get_n_pages (preview), ==,
                    count_renderer_pages (plan, JH_LAYOUT_INCLUDE_TIMELINE));
  picture = gui_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_PICTURE);
  g_assert_nonnull (picture);
  for (GtkWidget *child = picture; child != NULL; child = gtk_widget_get_next_sibling (child))
    n_pictures++;
  g_assert_cmpuint (n_pictures, ==, jh_print_preview_get_n_pages (preview));
  gui_test_save_rendering (GTK_WIDGET (preview), "print-preview.png");

  /* The last page, the timeline's, is shown too. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (picture, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    gui_test_save_rendering (GTK_WIDGET (preview), "print-preview-timeline.png");
  }

  gtk_window_destroy (GTK_WINDOW (preview));
  assert_finalized (preview);
}

/* The fonts chosen in Preferences are the fonts of the export. */
static void
test_preferences_fonts (void)
{
  GSettings *settings = jh_application_get_settings (application);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  JhExportDialog *dialog;
  g_autofree char *pdf = dup_output_path ("dialog-export-fonts.pdf");
  g_autofree char *fonts = NULL;

  g_assert_nonnull (settings);
  if (!have_program ("pdffonts"))
    return;

  g_settings_set_string (settings, "body-font", "AR PL UMing CN");
  g_settings_set_string (settings, "heading1-font", "AR PL UKai CN");

  dialog = g_object_ref_sink (jh_export_dialog_new (NULL, NULL, plan, settings));
  wait_for_checks (dialog);
  jh_export_dialog_set_format (dialog, JH_EXPORT_FORMAT_PDF);
  export_with_dialog (dialog, pdf);

  {
    const char * const argv[] = { "pdffonts", pdf, NULL };

    fonts = run_tool (argv);
  }
  g_test_message ("%s", fonts);
  /* The body in AR PL UMing, and the first-level headings no longer
   * in the Hei font that stands in for 黑体.
   */
  g_assert_nonnull (strstr (fonts, "UMingCN"));
  g_assert_null (strstr (fonts, "NotoSansCJK"));

  g_settings_reset (settings, "body-font");
  g_settings_reset (settings, "heading1-font");
  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_finalized (dialog);
}

/* The office's page profile chosen in Preferences is what the dialog
 * proposes, and what the export follows.
 */
static void
test_profile_setting (void)
{
  static const char office_profile[] =
    "[Profile]\n"
    "name=青桥街道\n"
    "[Grid]\n"
    "lines=20\n"
    "[Page Numbers]\n"
    "style=plain\n";
  GSettings *settings = jh_application_get_settings (application);
  g_autoptr(JhPlan) plan = jh_plan_new_sample ();
  g_autofree char *profile_path = dup_output_path ("office.jhprofile");
  g_autoptr(GFile) profile_file = g_file_new_for_path (profile_path);
  g_autofree char *uri = g_file_get_uri (profile_file);
  g_autofree char *pdf = dup_output_path ("dialog-export-office.pdf");
  g_autofree char *text = NULL;
  JhExportDialog *dialog;

  g_assert_true (g_file_set_contents (profile_path, office_profile, -1, NULL));
  g_settings_set_string (settings, "export-profile", uri);

  dialog = g_object_ref_sink (jh_export_dialog_new (NULL, NULL, plan, settings));
  g_assert_nonnull (jh_export_dialog_get_profile_file (dialog));
  g_assert_true (g_file_equal (jh_export_dialog_get_profile_file (dialog), profile_file));
  wait_for_checks (dialog);
  jh_export_dialog_set_format (dialog, JH_EXPORT_FORMAT_PDF);
  export_with_dialog (dialog, pdf);
  g_settings_reset (settings, "export-profile");

  if (have_program ("pdftotext"))
    {
      const char * const argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };

      text = run_tool (argv);
      g_assert_nonnull (strstr (text, "青桥街道政协工委2027年工作计划"));
      g_assert_null (strstr (text, "—"));
    }
  if (have_program ("pdfinfo"))
    g_assert_cmpuint (count_pdf_pages (pdf), >=, count_renderer_pages (plan, JH_LAYOUT_FLAGS_NONE));

  /* A profile that cannot be read is said so, naming the file. */
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/office.jhprofile");
    g_autofree char *out = dup_output_path ("dialog-export-missing.pdf");
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (out);

    jh_export_dialog_set_profile_file (dialog, missing);
    jh_export_dialog_export_async (dialog, file, NULL, result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (jh_export_dialog_export_finish (dialog, result, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "office.jhprofile"));
    g_assert_false (g_file_query_exists (file, NULL));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_finalized (dialog);
}

static void
wait_for_subtitle (AdwActionRow *row,
                   const char   *subtitle)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (g_strcmp0 (adw_action_row_get_subtitle (row), subtitle) != 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The row says “%s”, not “%s”", adw_action_row_get_subtitle (row), subtitle);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Preferences show, for each kind of text, the font it prints in and
 * the one it stands in for.
 */
static void
test_preferences_window (void)
{
  GSettings *settings = jh_application_get_settings (application);
  g_autoptr(JhPageProfile) profile = jh_page_profile_new ();
  g_autofree char *body = jh_page_profile_dup_installed_font (profile, JH_TEXT_STYLE_BODY);
  g_autofree char *expected = NULL;
  JhPreferencesWindow *preferences;
  GtkWidget *row;

  g_assert_nonnull (settings);
  preferences = g_object_ref_sink (jh_preferences_window_new (NULL, settings));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "documents");
  gtk_window_present (GTK_WINDOW (preferences));

  row = gui_test_find_row (GTK_WIDGET (preferences), ADW_TYPE_ACTION_ROW, "Body Text");
  g_assert_nonnull (row);
  if (g_str_equal (body, "仿宋_GB2312"))
    expected = g_strdup ("Prints in 仿宋_GB2312");
  else
    expected = g_strdup_printf ("仿宋_GB2312 is not installed: prints in %s", body);
  wait_for_subtitle (ADW_ACTION_ROW (row), expected);
  gui_test_save_rendering (GTK_WIDGET (preferences), "preferences-documents.png");

  g_settings_set_string (settings, "body-font", "AR PL UMing CN");
  wait_for_subtitle (ADW_ACTION_ROW (row), "Prints in AR PL UMing CN");
  g_settings_reset (settings, "body-font");
  wait_for_subtitle (ADW_ACTION_ROW (row), expected);

  gtk_window_destroy (GTK_WINDOW (preferences));
  assert_finalized (preferences);
}

static JhExportDialog *
find_export_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (JH_IS_EXPORT_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return JH_EXPORT_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
find_label_matching (GtkWidget  *widget,
                     const char *text,
                     gboolean    prefix)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      if (prefix ? g_str_has_prefix (label, text) : g_str_equal (label, text))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_matching (child, text, prefix))
      return TRUE;

  return FALSE;
}

static gboolean
find_label (GtkWidget  *widget,
            const char *text)
{
  return find_label_matching (widget, text, FALSE);
}

static gboolean
find_label_prefix (GtkWidget  *widget,
                   const char *text)
{
  return find_label_matching (widget, text, TRUE);
}

static void
dialog_finalized_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  *(gpointer *) data = NULL;
}

/* The window's action opens the dialog with the window's plan; the
 * export ends with a toast in the window.
 */
static void
test_window_action (void)
{
  JhWindow *window;
  JhExportDialog *dialog;
  g_autofree char *path = dup_output_path ("window-export.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unwritable = g_file_new_for_path ("/nonexistent/folder/plan.odt");
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_file_delete (file, NULL, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "new", NULL);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();

  g_assert_nonnull (dialog);
  g_assert_true (jh_export_dialog_get_plan (dialog) == jh_window_get_plan (window));
  wait_for_checks (dialog);

  /* The file chosen, the dialog goes, and a toast says it is done. */
  g_object_weak_ref (G_OBJECT (dialog), dialog_finalized_cb, &dialog);
  jh_export_dialog_set_format (dialog, JH_EXPORT_FORMAT_PDF);
  jh_export_dialog_export_and_close (dialog, file);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  while (dialog != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_true (find_label (GTK_WIDGET (window), "Exported “window-export.pdf”"));

  /* A failure is said in a toast too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  dialog = find_export_dialog ();
  wait_for_checks (dialog);
  g_object_weak_ref (G_OBJECT (dialog), dialog_finalized_cb, &dialog);
  jh_export_dialog_export_and_close (dialog, unwritable);
  while (dialog != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (find_label_prefix (GTK_WIDGET (window), "Could not export “plan.odt”: "));
  gui_test_save_rendering (GTK_WIDGET (window), "window-export-toast.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gui_test_init (&argc, &argv);

  application = jh_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));

  g_test_add_func ("/jihua/export-dialog/export", test_export);
  g_test_add_func ("/jihua/export-dialog/errors-first", test_errors_first);
  g_test_add_func ("/jihua/export-dialog/print", test_print);
  g_test_add_func ("/jihua/export-dialog/print-preview", test_print_preview);
  g_test_add_func ("/jihua/export-dialog/preferences-fonts", test_preferences_fonts);
  g_test_add_func ("/jihua/export-dialog/profile-setting", test_profile_setting);
  g_test_add_func ("/jihua/export-dialog/preferences-window", test_preferences_window);
  g_test_add_func ("/jihua/export-dialog/window-action", test_window_action);

  status = g_test_run ();

  g_application_release (G_APPLICATION (application));
  g_object_unref (application);

  return status;
}
