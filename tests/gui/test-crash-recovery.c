/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "jihua.h"

/* The real application, driven as a user drives it — mouse and keyboard
 * through the X server (xdotool) — is killed with SIGKILL a few seconds
 * after an edit, started again, and gives the edit back.
 */

/* Generous: under the sanitizers the application starts slowly. */
#define TIMEOUT_USEC (90 * G_USEC_PER_SEC)

static char *
run (const char *command)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);

  return g_strstrip (out);
}

/* The X window of the first visible window whose title contains @name,
 * waiting for it as long as the application @pid runs.
 */
static char *
wait_for_window (GPid        pid,
                 const char *name)
{
  g_autofree char *command = g_strdup_printf ("xdotool search --onlyvisible --name '%s'", name);
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  for (;;)
    {
      g_autofree char *out = run (command);

      if (*out != '\0')
        {
          char *newline = strchr (out, '\n');

          if (newline != NULL)
            *newline = '\0';
          return g_steal_pointer (&out);
        }

      if (waitpid (pid, NULL, WNOHANG) == pid)
        g_error ("The application ended before showing “%s”", name);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

static void
xdotool (const char *arguments)
{
  g_autofree char *command = g_strconcat ("xdotool ", arguments, NULL);

  g_free (run (command));
}

/* A test that fails must not leave the application behind it. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static GPid
start_jihua (char **argv_extra)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JIHUA_APP"));
  for (guint i = 0; argv_extra != NULL && argv_extra[i] != NULL; i++)
    g_ptr_array_add (argv, argv_extra[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                 die_with_parent, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

static guint
count_tasks (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = jh_plan_load_from_file (file, NULL, &error);

  g_assert_no_error (error);

  return jh_plan_count_tasks (plan);
}

/* The only draft's plan file, once it is there. */
static char *
wait_for_draft (const char *drafts_dir)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_USEC;

  for (;;)
    {
      g_autoptr(GDir) dir = g_dir_open (drafts_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".draft"))
          {
            g_autofree char *id = g_strndup (name, strlen (name) - strlen (".draft"));

            return g_strdup_printf ("%s/%s.jhplan", drafts_dir, id);
          }

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static void
test_kill_and_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jihua-e2e-XXXXXX", &error);
  g_autofree char *plan_path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *drafts_dir = g_build_filename (data_home, "jihua", "drafts", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "sample-plan.jhplan", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *window = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *command = NULL;
  char *open_plan[] = { plan_path, NULL };
  guint tasks_before;
  guint tasks_after_edit;
  gint64 deadline;
  GPid pid;

  g_assert_no_error (error);
  g_file_get_contents (sample, &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (plan_path, contents, -1, &error);
  g_assert_no_error (error);
  tasks_before = count_tasks (plan_path);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* Open the plan; click the outline's first row; Ctrl+Enter adds a task.
   * A slow start may swallow the first click: try again until the edit
   * shows in a draft.
   */
  pid = start_jihua (open_plan);
  window = wait_for_window (pid, "plan.jhplan");
  command = g_strdup_printf ("windowfocus --sync %s", window);
  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  do
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      xdotool (command);
      xdotool ("mousemove 100 75 click 1");
      g_usleep (500 * 1000);
      xdotool ("key ctrl+Return");
      g_usleep (5 * G_USEC_PER_SEC);
    }
  while (!g_file_test (drafts_dir, G_FILE_TEST_IS_DIR));

  /* The draft comes a few seconds after the edit; then the power goes. */
  draft = wait_for_draft (drafts_dir);
  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  while (!g_file_test (draft, G_FILE_TEST_EXISTS) || count_tasks (draft) <= tasks_before)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  g_usleep (G_USEC_PER_SEC);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  g_assert_cmpuint (count_tasks (plan_path), ==, tasks_before);
  tasks_after_edit = count_tasks (draft);

  /* The bus lets go of the dead instance's name before the next start. */
  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  while (name_has_owner (APP_ID))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }

  /* The next start offers the draft back: Enter restores it, and Ctrl+S
   * saves it to its file.
   */
  pid = start_jihua (NULL);
  g_clear_pointer (&window, g_free);
  window = wait_for_window (pid, "Restore Unsaved Plans");
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("windowfocus --sync %s", window);
  xdotool (command);
  xdotool ("key Return");

  g_clear_pointer (&window, g_free);
  window = wait_for_window (pid, "• plan.jhplan");
  g_clear_pointer (&command, g_free);
  command = g_strdup_printf ("windowfocus --sync %s", window);
  xdotool (command);
  xdotool ("key ctrl+s");

  deadline = g_get_monotonic_time () + TIMEOUT_USEC;
  while (count_tasks (plan_path) != tasks_after_edit)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/crash-recovery/kill-and-restore", test_kill_and_restore);

  return g_test_run ();
}
