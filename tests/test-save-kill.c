/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "jihua.h"
#include "test-utils.h"

/* A writer killed at any moment of a save leaves the plan file either as
 * it was or as it was going to be, and valid: never half-written.  The
 * writer is jihua-cli fmt, which saves as the application does.
 */

#define TRIALS 200

static JhPlan *
build_large_plan (guint year)
{
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  JhPlan *plan = jh_plan_new (year);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  g_autoptr(JhTask) first = g_list_model_get_item (jh_section_get_tasks (jh_plan_find_section (sample, JH_SECTION_KIND_MAIN_TASKS)), 0);
  g_autoptr(JhParagraph) text = g_list_model_get_item (jh_task_get_paragraphs (first), 0);

  /* Large enough that a save takes a while: some 1 MB. */
  for (guint t = 0; t < 200; t++)
    {
      g_autoptr(JhTask) task = jh_task_new (jh_task_get_lead (first));

      for (guint p = 0; p < 10; p++)
        {
          g_autoptr(JhParagraph) paragraph = jh_paragraph_new (jh_paragraph_get_text (text));

          jh_task_insert_paragraph (task, -1, paragraph);
        }
      jh_section_insert_task (section, -1, task);
    }
  jh_plan_insert_section (plan, -1, section);

  return plan;
}

static void
test_kill_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jihua-kill-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.jhplan", NULL);
  g_autofree char *next_path = g_build_filename (dir, "next.jhplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) next_file = g_file_new_for_path (next_path);
  g_autoptr(JhPlan) old_plan = build_large_plan (2027);
  g_autoptr(JhPlan) new_plan = build_large_plan (2028);
  g_autoptr(GBytes) old_bytes = jh_plan_serialize (old_plan, NULL);
  g_autoptr(GBytes) new_bytes = jh_plan_serialize (new_plan, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20271108);
  guint saw_old = 0, saw_new = 0;
  gint64 save_time;

  g_assert_no_error (error);

  /* The next version is a file the writer reads; fmt -o writes it over
   * the plan file.  How long one save takes sets the range of moments.
   */
  g_assert_true (jh_plan_save_to_file (new_plan, next_file, NULL, &error));
  {
    const char *args[] = { "fmt", next_path, "-o", path, NULL };
    gint64 start = g_get_monotonic_time ();

    g_assert_cmpint (test_run_cli (args, NULL, NULL), ==, 0);
    save_time = g_get_monotonic_time () - start;
  }

  for (guint trial = 0; trial < TRIALS; trial++)
    {
      const char *argv[] = { g_getenv ("JIHUA_CLI"), "fmt", next_path, "-o", path, NULL };
      g_autoptr(GBytes) found = NULL;
      g_autoptr(JhPlan) reloaded = NULL;
      GPid pid;

      /* Start from the old version each time. */
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (old_bytes, NULL),
                                          g_bytes_get_size (old_bytes), &error));

      g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, &pid, &error);
      g_assert_no_error (error);
      g_usleep (g_rand_int_range (rand, 0, (gint32) MAX (save_time * 12 / 10, 1000)));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);

      found = jh_file_load_bytes (file, NULL, &error);
      g_assert_no_error (error);

      if (g_bytes_equal (found, old_bytes))
        saw_old++;
      else if (g_bytes_equal (found, new_bytes))
        saw_new++;
      else
        g_error ("Trial %u: the plan file is neither the old nor the new version", trial);

      reloaded = jh_plan_load_from_bytes (found, path, &error);
      g_assert_no_error (error);
    }

  /* The kills fell both before and after the switch to the new file. */
  g_test_message ("%u trials: %u old, %u new (a save takes %" G_GINT64_FORMAT " us)",
                  TRIALS, saw_old, saw_new, save_time);
  g_assert_cmpuint (saw_old + saw_new, ==, TRIALS);
  g_assert_cmpuint (saw_old, >, 0);
  g_assert_cmpuint (saw_new, >, 0);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jihua/save/kill-during-save", test_kill_during_save);

  return g_test_run ();
}
