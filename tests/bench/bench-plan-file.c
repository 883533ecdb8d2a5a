/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>

#include "jihua.h"

/* Benchmarks of plan files: what a user waits for when opening and
 * saving a very large plan.  The plan is generated deterministically
 * from the sample plan's own text, so the figures are repeatable.
 * Prints "name: value unit" lines.
 */

#define TARGET_PARAGRAPHS 20000

static JhPlan *
build_large_plan (guint *n_paragraphs)
{
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JhPlan *plan = jh_plan_new (2027);
  JhSection *source = jh_plan_find_section (sample, JH_SECTION_KIND_MAIN_TASKS);
  GListModel *tasks = jh_section_get_tasks (source);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  guint count = 0;

  jh_plan_set_title (plan, jh_plan_get_title (sample));

  /* Collect the sample's body paragraphs as material. */
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      GListModel *paragraphs = jh_task_get_paragraphs (task);

      for (guint j = 0; j < g_list_model_get_n_items (paragraphs); j++)
        {
          g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, j);

          g_ptr_array_add (texts, g_strdup (jh_paragraph_get_text (paragraph)));
        }
    }
  g_assert (texts->len > 0);

  /* Tasks of ten paragraphs with an owner, a timing and a target each,
   * until the plan has the paragraphs wanted.
   */
  for (guint t = 0; count < TARGET_PARAGRAPHS; t++)
    {
      g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");
      g_autoptr(JhTarget) target = jh_target_new ("调研", JH_COMPARISON_AT_LEAST, 1 + t % 5, "次");

      jh_task_set_owner (task, "工委办公室");
      jh_task_set_timing (task, "5月中旬");
      jh_task_insert_target (task, -1, target);

      for (guint p = 0; p < 10 && count < TARGET_PARAGRAPHS; p++, count++)
        {
          g_autoptr(JhParagraph) paragraph = jh_paragraph_new (g_ptr_array_index (texts, count % texts->len));

          jh_task_insert_paragraph (task, -1, paragraph);
        }

      jh_section_insert_task (section, -1, task);
    }

  jh_plan_insert_section (plan, -1, section);
  *n_paragraphs = count;

  return plan;
}

/* CPU time rather than wall-clock time: the comparison with xmllint must
 * not depend on what else the machine is doing.
 */
static double
thread_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec + now.tv_nsec / 1e9;
}

static double
children_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The best of several runs: the figure least disturbed by the machine. */
#define RUNS 7

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jihua-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.jhplan", NULL);
  g_autofree char *schema = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "data", "jihua-plan.rng", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double best_load = G_MAXDOUBLE, best_xmllint = G_MAXDOUBLE, best_save = G_MAXDOUBLE, best_serialize = G_MAXDOUBLE;
  guint n_paragraphs;

  g_assert_no_error (error);

  plan = build_large_plan (&n_paragraphs);
  bytes = jh_plan_serialize (plan, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_print ("plan-size: %.1f MB\n", g_bytes_get_size (bytes) / 1e6);
  g_print ("plan-paragraphs: %u count\n", n_paragraphs);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(JhPlan) loaded = NULL;
      g_autoptr(GBytes) serialized = NULL;
      const char *xmllint_argv[] = { "xmllint", "--noout", "--relaxng", schema, path, NULL };
      int wait_status;
      double start;

      start = thread_seconds ();
      loaded = jh_plan_load_from_file (file, NULL, &error);
      best_load = MIN (best_load, thread_seconds () - start);
      g_assert_no_error (error);

      /* What the user would use instead to check such a file. */
      start = children_seconds ();
      g_spawn_sync (NULL, (char **) xmllint_argv, NULL,
                    G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &wait_status, &error);
      best_xmllint = MIN (best_xmllint, children_seconds () - start);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));

      start = thread_seconds ();
      serialized = jh_plan_serialize (loaded, &error);
      best_serialize = MIN (best_serialize, thread_seconds () - start);
      g_assert_no_error (error);

      start = thread_seconds ();
      g_assert_true (jh_plan_save_to_file (loaded, file, NULL, &error));
      best_save = MIN (best_save, thread_seconds () - start);
      g_assert_no_error (error);
    }

  g_print ("load-validate-10mb: %.0f ms (CPU)\n", best_load * 1000);
  g_print ("xmllint-relaxng-10mb: %.0f ms (CPU)\n", best_xmllint * 1000);
  g_print ("load-vs-xmllint: %.2f ratio (target <= 1.3)\n", best_load / best_xmllint);
  g_print ("serialize-validate-10mb: %.0f ms (CPU)\n", best_serialize * 1000);
  g_print ("save-10mb: %.0f ms (CPU)\n", best_save * 1000);

  g_unlink (path);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
  }
  g_rmdir (dir);

  return 0;
}
