/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "jh-application.h"
#include "jh-window.h"

/* Runs the main loop until @condition holds, failing the test after ten
 * seconds: long enough for the slowest machine, short enough that a hang
 * is reported as one.
 */
#define WAIT_UNTIL(condition)                                            \
  G_STMT_START {                                                         \
    gint64 _deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;    \
    while (!(condition))                                                 \
      {                                                                  \
        g_assert_cmpint (g_get_monotonic_time (), <, _deadline);         \
        g_main_context_iteration (NULL, FALSE);                          \
        g_usleep (1000);                                                 \
      }                                                                  \
  } G_STMT_END

/* One application for the whole run, registered once, as the real one
 * is; each test closes the windows it opened.
 */
static JhApplication *application;

typedef struct
{
  JhApplication *app;
  char          *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("jihua-gui-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->app = application;
}

/* Closing a window must let go of its plan: a plan that outlives its
 * window is a leak of everything the user wrote.
 */
static void
destroy_windows (Fixture *fixture)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      gpointer *plan = g_new (gpointer, 1);

      *plan = jh_window_get_plan (l->data);
      if (*plan != NULL)
        g_object_add_weak_pointer (*plan, plan);
      g_ptr_array_add (plans, plan);
      gtk_window_destroy (l->data);
    }
  g_list_free (windows);

  for (guint i = 0; i < plans->len; i++)
    WAIT_UNTIL (*(gpointer *) g_ptr_array_index (plans, i) == NULL);

  /* Message dialogs have no application; close them too. */
  while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), 0);

      gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  destroy_windows (fixture);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static JhWindow *
get_only_window (Fixture *fixture)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (JH_IS_WINDOW (windows->data));

  return windows->data;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_document_text (JhWindow *window)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
save_rendering (GtkWidget  *widget,
                const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width, height;

  WAIT_UNTIL (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 100);

  /* Let layout and the first frames settle. */
  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Rendering saved to %s", path);
}

static char *
copy_sample (Fixture    *fixture,
             const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "sample-plan.jhplan", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);
  gsize length;

  g_file_get_contents (sample, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_activate_shows_sample (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *text = NULL;
  JhWindow *window;
  JhPlan *plan;

  g_application_activate (G_APPLICATION (fixture->app));
  window = get_only_window (fixture);
  plan = jh_window_get_plan (window);

  g_assert_nonnull (plan);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "青桥街道政协工委2027年工作计划");
  g_assert_null (jh_window_get_file (window));
  g_assert_false (jh_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Plan");

  /* The document shows the plan with its derived numbering. */
  text = dup_document_text (window);
  g_assert_nonnull (strstr (text, "青桥街道政协工委2027年工作计划"));
  g_assert_nonnull (strstr (text, "一、指导思想"));
  g_assert_nonnull (strstr (text, "二、工作目标"));
  g_assert_nonnull (strstr (text, "三、主要任务"));
  g_assert_nonnull (strstr (text, "（一）加强理论学习，提高履职能力"));
  g_assert_nonnull (strstr (text, "2027年1月8日"));

  save_rendering (GTK_WIDGET (window), "window-sample.png");
}

static void
test_open_from_command_line (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = copy_sample (fixture, "2027年计划.jhplan");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JhWindow *window;

  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  window = get_only_window (fixture);
  WAIT_UNTIL (jh_window_get_file (window) != NULL);

  g_assert_true (g_file_equal (jh_window_get_file (window), file));
  g_assert_cmpuint (jh_plan_get_year (jh_window_get_plan (window)), ==, 2027);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "2027年计划.jhplan");
  g_assert_false (jh_window_get_modified (window));
}

static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = copy_sample (fixture, "plan.jhplan");
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  JhWindow *window;
  JhSection *section;

  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  window = get_only_window (fixture);
  WAIT_UNTIL (jh_window_get_file (window) != NULL);

  section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_MAIN_TASKS);
  g_assert_nonnull (section);
  {
    g_autoptr(JhTask) task = jh_task_new ("开展新时代文明实践志愿服务");

    jh_section_insert_task (section, 0, task);
  }

  g_assert_true (jh_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• plan.jhplan");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_UNTIL (!jh_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "plan.jhplan");

  /* What was saved is what the user sees, and the old file is kept. */
  reloaded = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  section = jh_plan_find_section (reloaded, JH_SECTION_KIND_MAIN_TASKS);
  {
    g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (section), 0);

    g_assert_cmpstr (jh_task_get_lead (first), ==, "开展新时代文明实践志愿服务");
  }
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
save_failed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (jh_window_save_to_file_finish (JH_WINDOW (object), result, error));
}

static gboolean
has_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return TRUE;
    }

  return FALSE;
}

static void
test_save_failure_keeps_work (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "plan.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhWindow *window;

  g_application_activate (G_APPLICATION (fixture->app));
  window = get_only_window (fixture);
  jh_plan_set_drafter (jh_window_get_plan (window), "李明");
  g_assert_true (jh_window_get_modified (window));

  jh_window_save_to_file_async (window, file, NULL, save_failed_cb, &error);
  WAIT_UNTIL (error != NULL);

  /* The user is told, and nothing they wrote is lost. */
  g_assert_true (has_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (jh_window_get_modified (window));
  g_assert_null (jh_window_get_file (window));
  g_assert_cmpstr (jh_plan_get_drafter (jh_window_get_plan (window)), ==, "李明");
}

static void
test_open_bad_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  JhWindow *window;

  g_file_set_contents (path, "<plan xmlns=\"http://jihua.github.io/ns/plan\"", -1, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));
  window = get_only_window (fixture);
  jh_window_open_file (window, file);
  WAIT_UNTIL (has_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));

  /* The window keeps what it showed. */
  g_assert_null (jh_window_get_file (window));
  g_assert_cmpstr (jh_plan_get_title (jh_window_get_plan (window)), ==, "青桥街道政协工委2027年工作计划");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = jh_application_new (G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* Keep the application alive between windows, as g_application_run
   * would while the user works.
   */
  g_application_hold (G_APPLICATION (application));

  g_test_add ("/jihua/window/activate-shows-sample", Fixture, NULL,
              fixture_set_up, test_activate_shows_sample, fixture_tear_down);
  g_test_add ("/jihua/window/open-from-command-line", Fixture, NULL,
              fixture_set_up, test_open_from_command_line, fixture_tear_down);
  g_test_add ("/jihua/window/edit-and-save", Fixture, NULL,
              fixture_set_up, test_edit_and_save, fixture_tear_down);
  g_test_add ("/jihua/window/save-failure-keeps-work", Fixture, NULL,
              fixture_set_up, test_save_failure_keeps_work, fixture_tear_down);
  g_test_add ("/jihua/window/open-bad-file", Fixture, NULL,
              fixture_set_up, test_open_bad_file, fixture_tear_down);

  status = g_test_run ();

  g_application_release (G_APPLICATION (application));
  g_object_unref (application);

  return status;
}
