/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-test-utils.h"
#include "jh-application.h"
#include "jh-window.h"

/* One application for the whole run, registered once, as the real one
 * is; each test closes the windows it opened.
 */
static JhApplication *application;
static char *data_home;

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

static guint
count_drafts (void)
{
  g_autofree char *path = g_build_filename (data_home, "jihua", "drafts", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (path);
  g_autoptr(JhDrafts) drafts = jh_drafts_new (directory);
  g_autoptr(GPtrArray) list = jh_drafts_list (drafts, NULL, NULL);

  return list ? list->len : 0;
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

      *plan = JH_IS_WINDOW (l->data) ? jh_window_get_plan (l->data) : NULL;
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
  g_autofree char *drafts = g_build_filename (data_home, "jihua", "drafts", NULL);

  destroy_windows (fixture);
  gui_test_remove_tree (fixture->dir);
  gui_test_remove_tree (drafts);
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
find_document_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_has_css_class (widget, "document-view"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_document_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_document_text (JhWindow *window)
{
  GtkWidget *view = find_document_view (GTK_WIDGET (window));
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
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

static JhWindow *
open_copy (Fixture    *fixture,
           const char *name,
           GFile     **file)
{
  g_autofree char *path = copy_sample (fixture, name);
  JhWindow *window;

  *file = g_file_new_for_path (path);
  g_application_open (G_APPLICATION (fixture->app), file, 1, "");
  window = get_only_window (fixture);
  WAIT_UNTIL (jh_window_get_file (window) != NULL);

  return window;
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* A dialog that answered is hidden, not yet gone. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* As a click on a response button does: answer, then close. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  g_autoptr(GtkWindow) keep = NULL;

  g_assert_nonnull (dialog);

  /* Closing the window it belongs to may take the dialog with it. */
  keep = g_object_ref (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
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

  /* Look at the editor with a task selected, light and dark. */
  {
    JhSection *section = jh_plan_find_section (plan, JH_SECTION_KIND_MAIN_TASKS);
    g_autoptr(JhTask) task = g_list_model_get_item (jh_section_get_tasks (section), 0);

    jh_outline_select (jh_plan_view_get_outline (jh_window_get_plan_view (window)), JH_NODE (task));
  }
  gui_test_save_rendering (GTK_WIDGET (window), "window-sample.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_save_rendering (GTK_WIDGET (window), "window-sample-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* Whether a menu, or one of its sections and submenus, has an item whose
 * target is @target.
 */
static gboolean
menu_has_target (GMenuModel *menu,
                 const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) value = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      const char *links[] = { G_MENU_LINK_SECTION, G_MENU_LINK_SUBMENU };

      if (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target))
        return TRUE;

      for (guint j = 0; j < G_N_ELEMENTS (links); j++)
        {
          g_autoptr(GMenuModel) link = g_menu_model_get_item_link (menu, i, links[j]);

          if (link != NULL && menu_has_target (link, target))
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_open_from_command_line (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "2027年计划.jhplan", &file);
  g_autofree char *uri = g_file_get_uri (file);
  GtkWidget *menu_button = gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;

  /* The plan is among the recent ones of the primary menu. */
  WAIT_UNTIL (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  gtk_popover_popup (popover);
  gtk_popover_popdown (popover);
  g_assert_true (menu_has_target (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), uri));

  g_assert_true (g_file_equal (jh_window_get_file (window), file));
  g_assert_cmpuint (jh_plan_get_year (jh_window_get_plan (window)), ==, 2027);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "2027年计划.jhplan");
  g_assert_false (jh_window_get_modified (window));
}

static void
test_edit_undo_and_save (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "plan.jhplan", &file);
  g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_autoptr(JhPlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  JhHistory *history = jh_window_get_history (window);
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = jh_task_new ("开展新时代文明实践志愿服务");

  jh_history_insert (history, JH_NODE (section), 0, JH_NODE (task));
  g_assert_true (jh_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• plan.jhplan");

  /* Ctrl+Z and Ctrl+Shift+Z are the window's undo and redo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (jh_node_get_parent (JH_NODE (task)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (jh_node_get_parent (JH_NODE (task)) == JH_NODE (section));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  WAIT_UNTIL (!jh_window_get_modified (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "plan.jhplan");

  /* What was saved is what the user sees, and the old file is kept. */
  reloaded = jh_plan_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (jh_plan_find_section (reloaded, JH_SECTION_KIND_MAIN_TASKS)), 0);

    g_assert_cmpstr (jh_task_get_lead (first), ==, "开展新时代文明实践志愿服务");
  }
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Saving raised no banner: the window knows its own writes. */
  for (int i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER))));
}

static void
save_failed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (jh_window_save_to_file_finish (JH_WINDOW (object), result, error));
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
  g_assert_nonnull (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
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
  WAIT_UNTIL (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG) != NULL);

  /* The window keeps what it showed. */
  g_assert_null (jh_window_get_file (window));
  g_assert_cmpstr (jh_plan_get_title (jh_window_get_plan (window)), ==, "青桥街道政协工委2027年工作计划");
}

static void
test_unsaved_changes_dialog (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "plan.jhplan", &file);
  g_autoptr(JhPlan) on_disk = NULL;
  GtkWindow *dialog;

  g_object_set (window, "autosave-delay", 1, NULL);
  jh_plan_set_drafter (jh_window_get_plan (window), "王芳");
  WAIT_UNTIL (count_drafts () == 1);

  /* Closing asks; Cancel keeps the window as it was. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "cancel");
  g_assert_true (get_only_window (fixture) == window);
  g_assert_true (jh_window_get_modified (window));

  /* Save saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "save");
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) == NULL);

  on_disk = jh_plan_load_from_file (file, NULL, NULL);
  g_assert_cmpstr (jh_plan_get_drafter (on_disk), ==, "王芳");
  g_assert_cmpuint (count_drafts (), ==, 0);
}

static void
test_discard_closes (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "plan.jhplan", &file);
  g_autoptr(JhPlan) on_disk = NULL;
  GtkWindow *dialog;

  jh_plan_set_drafter (jh_window_get_plan (window), "王芳");
  gtk_window_close (GTK_WINDOW (window));
  dialog = find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  respond (dialog, "discard");
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) == NULL);

  /* The file is as it was. */
  on_disk = jh_plan_load_from_file (file, NULL, NULL);
  g_assert_cmpstr (jh_plan_get_drafter (on_disk), ==, "周文清");
}

static char *
dup_serialized (JhPlan *plan)
{
  g_autoptr(GBytes) bytes = jh_plan_serialize (plan, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_crash_recovery (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "plan.jhplan", &file);
  JhSection *section = jh_plan_find_section (jh_window_get_plan (window), JH_SECTION_KIND_MAIN_TASKS);
  g_autoptr(JhTask) task = jh_task_new ("开展“委员进社区”活动");
  g_autofree char *before_crash = NULL;
  g_autofree char *after_crash = NULL;
  JhWindow *restored;

  g_object_set (window, "autosave-delay", 1, NULL);
  jh_history_insert (jh_window_get_history (window), JH_NODE (section), -1, JH_NODE (task));
  jh_task_set_timing (task, "6月中旬");
  WAIT_UNTIL (count_drafts () == 1);
  before_crash = dup_serialized (jh_window_get_plan (window));

  /* A crash: the window goes without closing, without a word. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* The next start offers the draft back; restoring it gives the plan
   * as it was, marked unsaved, belonging to its file.
   */
  g_application_activate (G_APPLICATION (fixture->app));
  g_assert_nonnull (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  respond (find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG), "restore");

  restored = get_only_window (fixture);
  after_crash = dup_serialized (jh_window_get_plan (restored));
  g_assert_cmpstr (after_crash, ==, before_crash);
  g_assert_true (jh_window_get_modified (restored));
  g_assert_true (g_file_equal (jh_window_get_file (restored), file));
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  JhWindow *window = open_copy (fixture, "plan.jhplan", &file);
  GtkRevealer *banner = GTK_REVEALER (gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  g_autoptr(JhPlan) other = jh_plan_load_from_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gtk_revealer_get_reveal_child (banner));

  /* Another program (here: another plan object) writes the file. */
  g_usleep (20000);
  jh_plan_set_drafter (other, "赵敏");
  g_assert_true (jh_plan_save_to_file (other, file, NULL, &error));
  WAIT_UNTIL (gtk_revealer_get_reveal_child (banner));

  /* Reload shows what is on disk now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  WAIT_UNTIL (g_strcmp0 (jh_plan_get_drafter (jh_window_get_plan (window)), "赵敏") == 0);
  g_assert_false (gtk_revealer_get_reveal_child (banner));
  g_assert_false (jh_window_get_modified (window));
}

/* New Summary From Plan, and New From Last Year's Plan: each opens the
 * document made from the chosen plan in a window of its own, unsaved.
 */
static void
test_new_derived (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *sample = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "sample-plan.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  JhWindow *window;
  JhPlan *plan;

  jh_application_new_derived (fixture->app, file, JH_DERIVED_SUMMARY);
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) != NULL);
  window = get_only_window (fixture);
  plan = jh_window_get_plan (window);
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_SUMMARY);
  g_assert_cmpstr (jh_plan_get_title (plan), ==, "青桥街道政协工委2027年工作总结");
  g_assert_null (jh_window_get_file (window));
  destroy_windows (fixture);

  jh_application_new_derived (fixture->app, file, JH_DERIVED_NEXT_YEAR);
  WAIT_UNTIL (gtk_application_get_windows (GTK_APPLICATION (fixture->app)) != NULL);
  plan = jh_window_get_plan (get_only_window (fixture));
  g_assert_cmpint (jh_plan_get_kind (plan), ==, JH_DOCUMENT_KIND_PLAN);
  g_assert_cmpuint (jh_plan_get_year (plan), ==, 2028);
}

int
main (int    argc,
      char **argv)
{
  int status;

  /* Drafts go to a folder of the test's own. */
  application = gui_test_start_application (&argc, &argv, &data_home);

  g_test_add ("/jihua/window/activate-shows-sample", Fixture, NULL,
              fixture_set_up, test_activate_shows_sample, fixture_tear_down);
  g_test_add ("/jihua/window/open-from-command-line", Fixture, NULL,
              fixture_set_up, test_open_from_command_line, fixture_tear_down);
  g_test_add ("/jihua/window/edit-undo-and-save", Fixture, NULL,
              fixture_set_up, test_edit_undo_and_save, fixture_tear_down);
  g_test_add ("/jihua/window/save-failure-keeps-work", Fixture, NULL,
              fixture_set_up, test_save_failure_keeps_work, fixture_tear_down);
  g_test_add ("/jihua/window/open-bad-file", Fixture, NULL,
              fixture_set_up, test_open_bad_file, fixture_tear_down);
  g_test_add ("/jihua/window/unsaved-changes-dialog", Fixture, NULL,
              fixture_set_up, test_unsaved_changes_dialog, fixture_tear_down);
  g_test_add ("/jihua/window/discard-closes", Fixture, NULL,
              fixture_set_up, test_discard_closes, fixture_tear_down);
  g_test_add ("/jihua/window/crash-recovery", Fixture, NULL,
              fixture_set_up, test_crash_recovery, fixture_tear_down);
  g_test_add ("/jihua/window/new-derived", Fixture, NULL,
              fixture_set_up, test_new_derived, fixture_tear_down);
  g_test_add ("/jihua/window/changed-on-disk", Fixture, NULL,
              fixture_set_up, test_changed_on_disk, fixture_tear_down);

  status = g_test_run ();

  gui_test_stop_application (application, data_home);

  return status;
}
