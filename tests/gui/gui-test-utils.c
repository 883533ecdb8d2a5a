/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "gui-test-utils.h"

void
gui_test_init (int    *argc,
               char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  gtk_source_init ();
}

/* Makes a folder for the user's own library, drafts and recent files,
 * so that a test neither reads nor changes the user's.  Call it before
 * gui_test_init(): GLib reads XDG_DATA_HOME only once.
 *
 * Returns: (transfer full): the folder, to remove with
 *   gui_test_remove_tree() at the end
 */
char *
gui_test_make_data_home (void)
{
  g_autoptr(GError) error = NULL;
  char *data_home = g_dir_make_tmp ("jihua-data-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  return data_home;
}

/* Removes @path and all it holds.  Symbolic links are removed, never
 * followed.
 */
void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Starts GTK and one application for the whole run, with a data home
 * of the test's own (@data_home, see gui_test_make_data_home()).  The
 * application is registered once as the real one is, and held so that
 * it lives on between windows as it would while the user works.  It
 * returns once the libraries, which load in a thread at startup, are
 * there to check against.
 *
 * Returns: (transfer full): the application, to end with
 *   gui_test_stop_application()
 */
JhApplication *
gui_test_start_application (int    *argc,
                            char ***argv,
                            char  **data_home)
{
  g_autoptr(GError) error = NULL;
  JhApplication *application;

  *data_home = gui_test_make_data_home ();
  gui_test_init (argc, argv);

  application = jh_application_new (G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (application));
  WAIT_UNTIL (jh_application_get_libraries (application) != NULL);

  return application;
}

/* Ends what gui_test_start_application() started, removing and freeing
 * @data_home.
 */
void
gui_test_stop_application (JhApplication *application,
                           char          *data_home)
{
  g_application_release (G_APPLICATION (application));
  g_object_unref (application);
  gui_test_remove_tree (data_home);
  g_free (data_home);
}

/* A window of @application showing tests/data/@name, not presented yet
 * so that the caller may size it first.
 */
JhWindow *
gui_test_new_plan_window (JhApplication *application,
                          const char    *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);
  JhWindow *window;

  g_assert_no_error (error);

  window = jh_window_new (GTK_APPLICATION (application));
  jh_window_set_plan (window, plan, file);

  return window;
}

/* The editor of @node's text among @widget and its descendants, or
 * %NULL when it is not shown.
 */
JhBodyEditor *
gui_test_find_body_editor (GtkWidget *widget,
                           JhNode    *node)
{
  if (JH_IS_BODY_EDITOR (widget) && jh_body_editor_get_node (JH_BODY_EDITOR (widget)) == node)
    return JH_BODY_EDITOR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JhBodyEditor *found = gui_test_find_body_editor (child, node);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Runs the main loop until @widget is on screen with its size, and a few
 * frames more so that layout has settled; fails after ten seconds.
 */
void
gui_test_wait_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) < 100)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  for (int i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

/* Saves what @widget shows as a PNG in the build directory, for a person
 * to look at.
 */
void
gui_test_save_rendering (GtkWidget  *widget,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width, height;

  gui_test_wait_drawn (widget);

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

/**
 * gui_test_find_row:
 *
 * Finds a preferences row by its title, as a user finds it by its label.
 */
GtkWidget *
gui_test_find_row (GtkWidget  *widget,
                   GType       type,
                   const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
gui_test_find_widget (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first button (or other actionable) under @widget that activates
 * @action_name: what a user would click for it.
 */
GtkWidget *
gui_test_find_button (GtkWidget  *widget,
                      const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A label showing @text, as a user would read it: visible. */
GtkWidget *
gui_test_find_label (GtkWidget  *widget,
                     const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;

  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
