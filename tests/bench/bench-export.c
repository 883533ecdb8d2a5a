/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "bench-common.h"

/* Benchmarks of export: a plan of some fifty pages to PDF and to ODT,
 * and what the user would do instead for the PDF: LibreOffice converting
 * the same ODT, headless.  Prints "name: value unit" lines.
 */

#define TARGET_PAGES 50
#define RUNS         5

static JhPlan *
build_plan (guint n_tasks)
{
  g_autoptr(GPtrArray) fragments = bench_collect_fragments ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20270108);
  g_autoptr(JhPlan) sample = jh_plan_new_sample ();
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_MAIN_TASKS, NULL);
  JhPlan *plan = jh_plan_new (2027);

  jh_plan_set_title (plan, jh_plan_get_title (sample));

  for (guint t = 0; t < n_tasks; t++)
    {
      g_autoptr(JhTask) task = jh_task_new ("加强理论学习，提高履职能力");

      jh_task_set_owner (task, "工委办公室");
      jh_task_set_timing (task, "5月中旬");

      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *text = bench_make_text (rand, fragments);
          g_autoptr(JhParagraph) paragraph = jh_paragraph_new (text);

          jh_task_insert_paragraph (task, -1, paragraph);
        }

      jh_section_insert_task (section, -1, task);
    }

  jh_plan_insert_section (plan, -1, section);

  return plan;
}

/* LibreOffice's profile is a tree of its own making. */
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

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        g_unlink (child);
      else
        remove_tree (child);
    }
  g_rmdir (path);
}

static guint
count_pages (JhLayout *layout)
{
  g_autoptr(JhPageRenderer) renderer = jh_page_renderer_new (layout);

  return jh_page_renderer_get_n_pages (renderer);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhPlan) plan = NULL;
  g_autoptr(JhLayout) layout = NULL;
  g_autoptr(GBytes) odt = NULL;
  g_autofree char *dir = g_dir_make_tmp ("jihua-bench-XXXXXX", &error);
  g_autofree char *odt_path = g_build_filename (dir, "plan.odt", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *profile_dir = g_build_filename (dir, "lo-profile", NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  double best_pdf = G_MAXDOUBLE, best_odt = G_MAXDOUBLE, best_pdf_wall = G_MAXDOUBLE;
  guint n_tasks = 10, pages;

  g_assert_no_error (error);

  /* As many tasks as make fifty pages: measured, then scaled. */
  plan = build_plan (n_tasks);
  layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
  pages = count_pages (layout);
  while (pages < TARGET_PAGES)
    {
      n_tasks = n_tasks * TARGET_PAGES / MAX (pages, 1) + 1;
      g_clear_object (&plan);
      g_clear_object (&layout);
      plan = build_plan (n_tasks);
      layout = jh_layout_new (plan, NULL, JH_LAYOUT_FLAGS_NONE);
      pages = count_pages (layout);
    }
  g_print ("export-pages: %u count\n", pages);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(GBytes) pdf = NULL;
      double start = bench_thread_seconds ();
      double wall = bench_wall_seconds ();

      pdf = jh_export_to_bytes (layout, JH_EXPORT_FORMAT_PDF, NULL, &error);
      best_pdf = MIN (best_pdf, bench_thread_seconds () - start);
      best_pdf_wall = MIN (best_pdf_wall, bench_wall_seconds () - wall);
      g_assert_no_error (error);

      g_clear_pointer (&odt, g_bytes_unref);
      start = bench_thread_seconds ();
      odt = jh_export_to_bytes (layout, JH_EXPORT_FORMAT_ODT, NULL, &error);
      best_odt = MIN (best_odt, bench_thread_seconds () - start);
      g_assert_no_error (error);
    }
  g_print ("export-pdf-50-pages: %.0f ms (CPU)\n", best_pdf * 1000);
  g_print ("export-pdf-50-pages-wall: %.0f ms\n", best_pdf_wall * 1000);
  g_print ("export-odt-50-pages: %.1f ms (CPU, target <= 50)\n", best_odt * 1000);

  g_file_set_contents (odt_path, g_bytes_get_data (odt, NULL), g_bytes_get_size (odt), &error);
  g_assert_no_error (error);

  if (soffice == NULL)
    g_print ("soffice-pdf-50-pages: skipped (LibreOffice is not installed)\n");
  else
    {
      g_autofree char *profile_uri = g_filename_to_uri (profile_dir, NULL, NULL);
      g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
      const char *argv_soffice[] = { soffice, installation, "--headless", "--norestore",
                                     "--convert-to", "pdf", "--outdir", dir, odt_path, NULL };
      double best_soffice = G_MAXDOUBLE, best_soffice_wall = G_MAXDOUBLE;

      /* The first start creates LibreOffice's profile: not counted, as
       * a user's LibreOffice has one already.
       */
      for (guint run = 0; run < 3; run++)
        {
          int wait_status;
          double start = bench_children_seconds ();
          double wall = bench_wall_seconds ();

          g_spawn_sync (NULL, (char **) argv_soffice, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &wait_status, &error);
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
          g_assert_true (g_file_test (pdf_path, G_FILE_TEST_EXISTS));
          g_unlink (pdf_path);
          if (run > 0)
            {
              best_soffice = MIN (best_soffice, bench_children_seconds () - start);
              best_soffice_wall = MIN (best_soffice_wall, bench_wall_seconds () - wall);
            }
        }

      g_print ("soffice-pdf-50-pages: %.0f ms (CPU)\n", best_soffice * 1000);
      g_print ("soffice-pdf-50-pages-wall: %.0f ms\n", best_soffice_wall * 1000);
      g_print ("export-pdf-speedup-vs-soffice: %.1f ratio (target >= 10)\n", best_soffice / best_pdf);
    }

  g_unlink (odt_path);
  remove_tree (profile_dir);
  g_rmdir (dir);

  return 0;
}
