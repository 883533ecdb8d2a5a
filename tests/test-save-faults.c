/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jihua.h"
#include "jh-xml-private.h"
#include "test-utils.h"

/* A save that cannot finish (a write error, a full disk, a read-only
 * file, a folder that is gone) says so, leaves the previous file as it
 * was and the draft where it was: nothing the user wrote is lost.
 */

/* A stream that accepts so many bytes and then fails as a full disk
 * does.
 */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GFilterOutputStream)

struct _TestFailingStream
{
  GFilterOutputStream parent_instance;
  gsize               budget;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
test_failing_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize written;

  if (self->budget == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  written = g_output_stream_write (base, buffer, MIN (count, self->budget), cancellable, error);
  if (written > 0)
    self->budget -= written;

  return written;
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = test_failing_stream_write;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

static GOutputStream *
wrap_failing_cb (GOutputStream *stream,
                 gpointer       user_data)
{
  TestFailingStream *failing = g_object_new (TEST_TYPE_FAILING_STREAM,
                                             "base-stream", stream,
                                             "close-base-stream", FALSE,
                                             NULL);

  failing->budget = GPOINTER_TO_SIZE (user_data);

  return G_OUTPUT_STREAM (failing);
}

static JhPlan *
build_plan (guint year,
            guint n_tasks)
{
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  JhPlan *plan = jh_plan_new (year);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);

  jh_plan_set_title (plan, jh_plan_get_title (sample));
  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");
      g_autoptr(JhParagraph) paragraph = jh_paragraph_new ("认真学习贯彻党的二十大精神，全年组织集中学习不少于12次，确保学习教育取得实效。");

      jh_task_insert_paragraph (task, -1, paragraph);
      jh_section_insert_task (section, -1, task);
    }
  jh_plan_insert_section (plan, -1, section);

  return plan;
}

typedef struct
{
  char     *dir;
  char     *path;
  GFile    *file;
  JhPlan   *old_plan;
  JhPlan   *new_plan;
  GBytes   *old_bytes;
  GBytes   *new_bytes;
  JhDrafts *drafts;
  char     *draft_id;
} Fixture;

/* The plan on disk, the user's newer plan in memory, and a draft of the
 * newer plan, as the application keeps it.
 */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autoptr(GFile) drafts_file = NULL;

  fixture->dir = g_dir_make_tmp ("jihua-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "plan.jhplan", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->old_plan = build_plan (2026, 3);
  fixture->new_plan = build_plan (2027, 400);
  fixture->old_bytes = jh_plan_serialize (fixture->old_plan, &error);
  g_assert_no_error (error);
  fixture->new_bytes = jh_plan_serialize (fixture->new_plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (fixture->new_bytes), >, 64 * 1024);

  g_assert_true (jh_plan_save_to_file (fixture->old_plan, fixture->file, NULL, &error));
  g_assert_no_error (error);

  drafts_dir = g_build_filename (fixture->dir, "drafts", NULL);
  drafts_file = g_file_new_for_path (drafts_dir);
  fixture->drafts = jh_drafts_new (drafts_file);
  fixture->draft_id = jh_drafts_new_id ();
  g_assert_true (jh_drafts_save (fixture->drafts, fixture->draft_id, fixture->new_plan,
                                 fixture->file, NULL, &error));
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  _jh_file_set_write_filter (NULL, NULL);
  chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
  g_object_unref (fixture->old_plan);
  g_object_unref (fixture->new_plan);
  g_bytes_unref (fixture->old_bytes);
  g_bytes_unref (fixture->new_bytes);
  g_object_unref (fixture->drafts);
  g_free (fixture->draft_id);
}

/* After a failed save: the file as it was, no half-written file beside
 * it, the plan in memory unchanged and its draft still there.
 */
static void
assert_nothing_lost (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) in_memory = NULL;
  g_autoptr(JhPlan) draft = NULL;
  g_autoptr(GBytes) draft_bytes = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  on_disk = jh_file_load_bytes (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, fixture->old_bytes));

  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, "drafts") && !g_str_equal (name, "plan.jhplan") && !g_str_equal (name, "plan.jhplan~"))
      g_error ("a file was left behind: %s", name);

  in_memory = jh_plan_serialize (fixture->new_plan, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (in_memory, fixture->new_bytes));

  draft = jh_drafts_load (fixture->drafts, fixture->draft_id, NULL, &error);
  g_assert_no_error (error);
  draft_bytes = jh_plan_serialize (draft, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (draft_bytes, fixture->new_bytes));
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  gsize size = g_bytes_get_size (fixture->new_bytes);
  const gsize budgets[] = { 0, 1, 4096, size / 2, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (budgets); i++)
    {
      g_autoptr(GError) error = NULL;

      _jh_file_set_write_filter (wrap_failing_cb, GSIZE_TO_POINTER (budgets[i]));
      g_assert_false (jh_plan_save_to_file (fixture->new_plan, fixture->file, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_nothing_lost (fixture);
    }

  /* With the disk back, the save goes through. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) on_disk = NULL;

    _jh_file_set_write_filter (NULL, NULL);
    g_assert_true (jh_plan_save_to_file (fixture->new_plan, fixture->file, NULL, &error));
    g_assert_no_error (error);
    on_disk = jh_file_load_bytes (fixture->file, NULL, &error);
    g_assert_true (g_bytes_equal (on_disk, fixture->new_bytes));
  }
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (jh_plan_save_to_file_finish (result, error));
}

static void
test_write_error_async (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  _jh_file_set_write_filter (wrap_failing_cb, GSIZE_TO_POINTER (g_bytes_get_size (fixture->new_bytes) / 3));
  jh_plan_save_to_file_async (fixture->new_plan, fixture->file, NULL, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_nothing_lost (fixture);
}

/* A draft that cannot be written leaves the earlier draft whole. */
static void
test_draft_write_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) newer = build_plan (2027, 500);

  _jh_file_set_write_filter (wrap_failing_cb, GSIZE_TO_POINTER (g_bytes_get_size (fixture->new_bytes) / 2));
  g_assert_false (jh_drafts_save (fixture->drafts, fixture->draft_id, newer, fixture->file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  _jh_file_set_write_filter (NULL, NULL);
  assert_nothing_lost (fixture);
}

/* A full disk, for real: a file size limit makes write() fail with
 * EFBIG, as ENOSPC would, without a mount of its own.
 */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean saved_ok;

  getrlimit (RLIMIT_FSIZE, &saved);
  limited = saved;
  limited.rlim_cur = g_bytes_get_size (fixture->new_bytes) / 2;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  saved_ok = jh_plan_save_to_file (fixture->new_plan, fixture->file, NULL, &error);

  setrlimit (RLIMIT_FSIZE, &saved);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (saved_ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  assert_nothing_lost (fixture);
}

/* The same through the command line: `jihua-cli fmt -o` saves as the
 * application does.
 */
static void
test_full_disk_cli (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_build_filename (fixture->dir, "drafts", "input.jhplan", NULL);
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("JIHUA_CLI");
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  int wait_status;

  g_assert_nonnull (cli);
  g_file_set_contents (input, g_bytes_get_data (fixture->new_bytes, NULL),
                       g_bytes_get_size (fixture->new_bytes), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { cli, "fmt", input, "-o", fixture->path, NULL };

    /* The limit and the ignored signal are inherited by the child. */
    getrlimit (RLIMIT_FSIZE, &saved);
    limited = saved;
    limited.rlim_cur = g_bytes_get_size (fixture->new_bytes) / 2;
    saved_handler = signal (SIGXFSZ, SIG_IGN);
    setrlimit (RLIMIT_FSIZE, &limited);

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &stderr_text, &wait_status, &error);

    setrlimit (RLIMIT_FSIZE, &saved);
    signal (SIGXFSZ, saved_handler);
  }

  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (stderr_text, fixture->path));
  g_unlink (input);
  assert_nothing_lost (fixture);
}

/* The folder the plan was in is gone (a USB stick pulled out, a share
 * unmounted): the save says so; the draft, kept elsewhere, is there.
 */
static void
test_vanished_directory (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "share", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JhPlan) draft = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (jh_plan_save_to_file (fixture->old_plan, file, NULL, &error));
  remove_tree (folder);

  g_assert_false (jh_plan_save_to_file (fixture->new_plan, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  draft = jh_drafts_load (fixture->drafts, fixture->draft_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
}

/* A drafts folder that vanished is made again: the draft is not lost
 * because someone cleaned up.
 */
static void
test_vanished_drafts_directory (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_dir = g_build_filename (fixture->dir, "drafts", NULL);

  remove_tree (drafts_dir);
  g_assert_true (jh_drafts_save (fixture->drafts, fixture->draft_id, fixture->new_plan,
                                 fixture->file, NULL, &error));
  g_assert_no_error (error);
  assert_nothing_lost (fixture);
}

/* A read-only file in a read-only folder (a colleague's plan on a share
 * one may only read).  Root may write anywhere, so the save runs in a
 * child that gives up root first.
 */
static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  pid_t pid;
  int status;

  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (fixture->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (fixture->path, 65534, 65534), ==, 0);
    }
  g_assert_cmpint (chmod (fixture->path, 0444), ==, 0);
  g_assert_cmpint (chmod (fixture->dir, 0555), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;

      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (2);
      if (jh_plan_save_to_file (fixture->new_plan, fixture->file, NULL, &error))
        _exit (3);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        _exit (4);
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  chmod (fixture->dir, 0700);
  assert_nothing_lost (fixture);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/jihua/save-faults/write-error", Fixture, NULL, fixture_set_up, test_write_error, fixture_tear_down);
  g_test_add ("/jihua/save-faults/write-error-async", Fixture, NULL, fixture_set_up, test_write_error_async, fixture_tear_down);
  g_test_add ("/jihua/save-faults/draft-write-error", Fixture, NULL, fixture_set_up, test_draft_write_error, fixture_tear_down);
  g_test_add ("/jihua/save-faults/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/jihua/save-faults/full-disk-cli", Fixture, NULL, fixture_set_up, test_full_disk_cli, fixture_tear_down);
  g_test_add ("/jihua/save-faults/vanished-directory", Fixture, NULL, fixture_set_up, test_vanished_directory, fixture_tear_down);
  g_test_add ("/jihua/save-faults/vanished-drafts-directory", Fixture, NULL, fixture_set_up, test_vanished_drafts_directory, fixture_tear_down);
  g_test_add ("/jihua/save-faults/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);

  return g_test_run ();
}
