/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-common.h"

/* Benchmark of import: every document of the corpus of real prior-year
 * plans (text in UTF-8 and GB18030, ODT, DOCX), read from memory so that
 * the disk is not measured.  Prints "name: value unit" lines.
 */

#define RUNS 7

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autofree char *corpus = NULL;
  g_autoptr(GDir) folder = NULL;
  double best = G_MAXDOUBLE;
  gsize total = 0;
  guint n_documents = 0;
  const char *name;

  if (g_getenv ("JIHUA_CORPUS") != NULL)
    corpus = g_strdup (g_getenv ("JIHUA_CORPUS"));
  else
    corpus = g_build_filename (g_getenv ("JIHUA_SOURCE_ROOT"), "..", "shared", "corpus", NULL);

  folder = g_dir_open (corpus, 0, NULL);
  if (folder == NULL)
    {
      g_print ("import-corpus: skipped (no corpus at %s; set JIHUA_CORPUS)\n", corpus);
      return 0;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      char *data;
      gsize length;

      if (!jh_importer_can_import_name (name) || g_str_equal (name, "README.md"))
        continue;

      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);
      g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (contents, g_bytes_new_take (data, length));
      total += length;
    }
  g_assert_cmpuint (names->len, >, 0);

  jh_importer_set_default_year (importer, 2027);

  for (guint run = 0; run < RUNS; run++)
    {
      double start = bench_thread_seconds ();

      n_documents = 0;
      for (guint i = 0; i < names->len; i++)
        {
          g_autoptr(JhImportResult) result = NULL;

          result = jh_importer_import_bytes (importer, g_ptr_array_index (contents, i),
                                             g_ptr_array_index (names, i), NULL, &error);
          g_assert_no_error (error);
          n_documents += jh_import_result_get_n_documents (result);
        }
      best = MIN (best, bench_thread_seconds () - start);
    }

  g_print ("import-corpus-files: %u count\n", names->len);
  g_print ("import-corpus-size: %.0f kB\n", total / 1e3);
  g_print ("import-corpus-documents: %u count\n", n_documents);
  g_print ("import-corpus: %.1f ms (CPU, target <= 100)\n", best * 1000);

  return 0;
}
