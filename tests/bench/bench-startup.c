/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-common.h"

/* Benchmarks of the real application starting with a user library of
 * 100,000 clauses: the time to the window's first painted frame, with
 * the sample plan a new user sees, and the peak memory with a plan of
 * 500 tasks open once the library is in and the plan checked.  The
 * application (its path in JIHUA_APP) tells the times through the
 * descriptor named by JIHUA_BENCHMARK_REPORT_FD (see jh-application.c).
 * Without a DISPLAY an Xvfb of its own is started.  Prints "name: value
 * unit" lines.
 */

#define N_CLAUSES   100000
#define N_TASKS     500
#define RUNS        5
#define MEMORY_RUNS 3
#define REPORT_FD   3

/* Generous: a loaded machine, or a build with the sanitizers. */
#define TIMEOUT_MS (180 * 1000)

typedef struct
{
  double first_frame;      /* seconds from the spawn */
  double libraries_ready;
  double checks_done;
  double peak_mb;          /* the largest resident set */
} Run;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* An X server of our own, for `meson test --benchmark` run without
 * xvfb-run; its display is read from the descriptor -displayfd names.
 */
static GPid
start_xvfb (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display_fd = NULL;
  char buffer[32] = "";
  int fds[2];
  ssize_t n;
  GPid pid;

  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));
  display_fd = g_strdup_printf ("%d", REPORT_FD);

  {
    const char *argv[] = { "Xvfb", "-displayfd", display_fd, "-screen", "0", "1600x1000x24", "-noreset", "-nolisten", "tcp", NULL };
    int source_fds[] = { fds[1] };
    int target_fds[] = { REPORT_FD };

    g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                                      G_SPAWN_STDOUT_TO_DEV_NULL,
                                      NULL, NULL, -1, -1, -1,
                                      source_fds, target_fds, 1,
                                      &pid, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  close (fds[1]);

  /* Up to the end of the line: Xvfb writes the newline apart, and
   * stops with a fatal error if the pipe is closed before.
   */
  for (gsize length = 0; strchr (buffer, '\n') == NULL;)
    {
      g_assert_cmpuint (length, <, sizeof buffer - 1);
      n = read (fds[0], buffer + length, sizeof buffer - 1 - length);
      if (n < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (n, >, 0);
      length += n;
      buffer[length] = '\0';
    }
  close (fds[0]);
  g_strstrip (buffer);

  {
    g_autofree char *display = g_strconcat (":", buffer, NULL);

    g_setenv ("DISPLAY", display, TRUE);
  }

  return pid;
}

/* The application's environment: the benchmark's, with folders of its
 * own but for the data folder holding the user library, no session bus
 * (so it never hands the start over to a Jihua already running), and
 * what the GUI tests set to keep Xvfb's lack of a GPU and of an
 * accessibility bus out of the figures.
 */
static GStrv
app_environment (const char *data_home,
                 const char *scratch)
{
  static const char *folders[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "HOME" };
  g_auto(GStrv) environment = g_get_environ ();
  g_autofree char *report_fd = g_strdup_printf ("%d", REPORT_FD);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (scratch, folders[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      environment = g_environ_setenv (environment, folders[i], folder, TRUE);
    }

  environment = g_environ_setenv (environment, "XDG_DATA_HOME", data_home, TRUE);
  environment = g_environ_setenv (environment, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  environment = g_environ_setenv (environment, "JIHUA_BENCHMARK_REPORT_FD", report_fd, TRUE);
  environment = g_environ_setenv (environment, "GSETTINGS_BACKEND", "memory", TRUE);
  environment = g_environ_setenv (environment, "GSK_RENDERER", "cairo", TRUE);
  environment = g_environ_setenv (environment, "GDK_BACKEND", "x11", TRUE);
  environment = g_environ_setenv (environment, "GDK_DEBUG", "gl-disable", TRUE);
  environment = g_environ_setenv (environment, "NO_AT_BRIDGE", "1", TRUE);
  environment = g_environ_setenv (environment, "GTK_A11Y", "none", TRUE);
  environment = g_environ_setenv (environment, "ADW_DISABLE_PORTAL", "1", TRUE);
  environment = g_environ_setenv (environment, "GTK_USE_PORTAL", "0", TRUE);

  return g_steal_pointer (&environment);
}

/* The seconds from @start to the time on the line of @events naming
 * @event, or a failure when the application never told it.
 */
static double
event_seconds (const char *events,
               const char *event,
               gint64      start)
{
  g_auto(GStrv) lines = g_strsplit (events, "\n", -1);
  gsize length = strlen (event);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], event) && lines[i][length] == ' ')
      return (g_ascii_strtoll (lines[i] + length + 1, NULL, 10) - start) / 1e6;

  g_error ("The application did not report %s; it wrote:\n%s", event, events);
}

/* Starts the application, with @plan_path open when not %NULL, and
 * waits until it has checked its plan and quit.
 */
static Run
run_app (const char *app,
         const char *data_home,
         const char *plan_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = g_dir_make_tmp ("jihua-bench-run-XXXXXX", &error);
  g_auto(GStrv) environment = NULL;
  g_autoptr(GString) events = g_string_new (NULL);
  const char *argv[] = { app, plan_path, NULL };
  struct rusage usage;
  Run run = { 0 };
  gint64 start;
  int fds[2];
  int status;
  GPid pid;

  g_assert_no_error (error);
  environment = app_environment (data_home, scratch);
  g_assert_true (g_unix_open_pipe (fds, FD_CLOEXEC, &error));

  {
    int source_fds[] = { fds[1] };
    int target_fds[] = { REPORT_FD };

    start = g_get_monotonic_time ();
    g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *) environment,
                                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                      NULL, NULL, -1, -1, -1,
                                      source_fds, target_fds, 1,
                                      &pid, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  close (fds[1]);

  /* Everything it tells, until it quits and the pipe closes. */
  for (;;)
    {
      struct pollfd poll_fd = { fds[0], POLLIN, 0 };
      char buffer[256];
      ssize_t n;

      if (poll (&poll_fd, 1, TIMEOUT_MS) == 0)
        {
          kill (pid, SIGKILL);
          g_error ("The application did not finish in %d s; it wrote:\n%s", TIMEOUT_MS / 1000, events->str);
        }

      n = read (fds[0], buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      g_string_append_len (events, buffer, n);
    }
  close (fds[0]);

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  run.first_frame = event_seconds (events->str, "first-frame", start);
  run.libraries_ready = event_seconds (events->str, "libraries-ready", start);
  run.checks_done = event_seconds (events->str, "checks-done", start);
  run.peak_mb = usage.ru_maxrss * 1024 / 1e6;  /* KiB on Linux */

  remove_tree (scratch);

  return run;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *app = g_getenv ("JIHUA_APP");
  g_autoptr(GPtrArray) fragments = bench_collect_fragments ();
  g_autoptr(GPtrArray) clause_texts = NULL;
  g_autoptr(GBytes) library_bytes = bench_make_library (N_CLAUSES, fragments, &clause_texts);
  g_autoptr(JhPlan) plan = bench_make_plan (fragments, clause_texts, N_TASKS, 1);
  g_autofree char *dir = g_dir_make_tmp ("jihua-bench-XXXXXX", &error);
  g_autofree char *data_home = g_build_filename (dir, "data", NULL);
  g_autofree char *empty_data_home = g_build_filename (dir, "empty-data", NULL);
  g_autofree char *library_dir = g_build_filename (data_home, "jihua", NULL);
  g_autofree char *library_path = g_build_filename (library_dir, "library.jhlib", NULL);
  g_autofree char *plan_path = g_build_filename (dir, "plan-500-tasks.jhplan", NULL);
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);
  Run best = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  Run worst = { 0 };
  GPid xvfb = 0;

  g_assert_nonnull (app);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (library_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (empty_data_home, 0700), ==, 0);
  g_file_set_contents (library_path, g_bytes_get_data (library_bytes, NULL), g_bytes_get_size (library_bytes), &error);
  g_assert_no_error (error);
  g_assert_true (jh_plan_save_to_file (plan, plan_file, NULL, &error));
  g_assert_no_error (error);

  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    xvfb = start_xvfb ();

  g_print ("startup-library-clauses: %u count\n", N_CLAUSES);

  /* A new user's first start: the sample plan. */
  for (guint i = 0; i < RUNS; i++)
    {
      Run run = run_app (app, data_home, NULL);

      best.first_frame = MIN (best.first_frame, run.first_frame);
      best.libraries_ready = MIN (best.libraries_ready, run.libraries_ready);
      best.checks_done = MIN (best.checks_done, run.checks_done);
    }
  g_print ("startup-first-frame-sample-100k: %.0f ms (wall, target <= 400)\n", best.first_frame * 1000);
  g_print ("startup-libraries-ready-100k: %.0f ms (wall)\n", best.libraries_ready * 1000);
  g_print ("startup-checked-sample-100k: %.0f ms (wall)\n", best.checks_done * 1000);

  /* For scale: the same start with only the built-in library, which
   * tells what reading the large one in its thread costs the window.
   */
  best = (Run) { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  for (guint i = 0; i < RUNS; i++)
    {
      Run run = run_app (app, empty_data_home, NULL);

      best.first_frame = MIN (best.first_frame, run.first_frame);
    }
  g_print ("startup-first-frame-sample-builtin-only: %.0f ms (wall)\n", best.first_frame * 1000);

  /* A large plan opened from its file; memory is the same from run to
   * run, give or take the allocator: the largest is told.
   */
  best = (Run) { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  for (guint i = 0; i < MEMORY_RUNS; i++)
    {
      Run run = run_app (app, data_home, plan_path);

      best.first_frame = MIN (best.first_frame, run.first_frame);
      best.checks_done = MIN (best.checks_done, run.checks_done);
      worst.peak_mb = MAX (worst.peak_mb, run.peak_mb);
    }
  g_print ("startup-first-frame-500-tasks-100k: %.0f ms (wall)\n", best.first_frame * 1000);
  g_print ("startup-checked-500-tasks-100k: %.0f ms (wall)\n", best.checks_done * 1000);
  g_print ("peak-memory-500-tasks-100k: %.0f MB (maximum resident set, target <= 200)\n", worst.peak_mb);

  if (xvfb != 0)
    {
      kill (xvfb, SIGTERM);
      waitpid (xvfb, NULL, 0);
      g_spawn_close_pid (xvfb);
    }

  remove_tree (dir);

  return 0;
}
