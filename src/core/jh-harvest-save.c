/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-harvest.h"

/* The library harvested into: opened or created, filled in a worker
 * thread, written with jh_library_save().
 */

/**
 * jh_harvest_open_library:
 * @file: a library file, which need not exist
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The library to harvest into: the one in @file, or a new empty one
 * named after the file when there is none yet.  A file that is there
 * but is not a library is an error: it is not replaced.
 *
 * Returns: (transfer full): the library, or %NULL with @error set
 */
JhLibrary *
jh_harvest_open_library (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) user_file = NULL;
  g_autofree char *base = NULL;
  JhLibrary *library;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  library = jh_library_load_from_file (file, cancellable, &local_error);
  if (library != NULL)
    return library;

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* The user's own library is "My Clauses", whatever its file is called. */
  user_file = jh_library_dup_user_file ();
  if (g_file_equal (file, user_file))
    return jh_library_new_for_file (file, _("My Clauses"));

  base = g_file_get_basename (file);
  if (g_str_has_suffix (base, JH_LIBRARY_FILE_SUFFIX))
    base[strlen (base) - strlen (JH_LIBRARY_FILE_SUFFIX)] = '\0';

  return jh_library_new_for_file (file, *base != '\0' ? base : _("My Clauses"));
}

typedef struct
{
  GFile     *library_file;
  GPtrArray *results;
} HarvestData;

static void
harvest_data_free (HarvestData *data)
{
  g_clear_object (&data->library_file);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_free (data);
}

static void
harvest_results_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  HarvestData *data = task_data;
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) jh_harvest_report_free);
  g_autoptr(JhHarvester) harvester = NULL;
  g_autoptr(JhLibrary) library = NULL;
  GError *error = NULL;
  gboolean changed = FALSE;

  library = jh_harvest_open_library (data->library_file, cancellable, &error);
  if (library == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  harvester = jh_harvester_new (library);
  for (guint i = 0; i < data->results->len; i++)
    {
      JhHarvestReport *report = jh_harvester_add_result (harvester, g_ptr_array_index (data->results, i));

      changed |= report->n_added + report->n_merged > 0;
      g_ptr_array_add (reports, report);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((changed || !g_file_query_exists (data->library_file, cancellable)) &&
      !jh_library_save (library, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&reports), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * jh_harvest_results_async:
 * @library_file: the library to harvest into, created if missing
 * @results: (element-type JhImportResult): imported files
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the library is written
 * @user_data: data for @callback
 *
 * Harvests imported files into the library in @library_file and writes
 * it, in a worker thread.  Nothing is written when nothing is new, nor
 * when cancelled.
 */
void
jh_harvest_results_async (GFile               *library_file,
                          GPtrArray           *results,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HarvestData *data;

  g_return_if_fail (G_IS_FILE (library_file));
  g_return_if_fail (results != NULL);

  data = g_new0 (HarvestData, 1);
  data->library_file = g_object_ref (library_file);
  data->results = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < results->len; i++)
    g_ptr_array_add (data->results, g_object_ref (g_ptr_array_index (results, i)));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, jh_harvest_results_async);
  g_task_set_task_data (task, data, (GDestroyNotify) harvest_data_free);
  g_task_run_in_thread (task, harvest_results_thread);
}

/**
 * jh_harvest_results_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type JhHarvestReport): a report for
 *   each file, or %NULL with @error set
 */
GPtrArray *
jh_harvest_results_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
