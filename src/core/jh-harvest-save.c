/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jh-harvest.h"
#include "jh-xml-private.h"

/* Writing a library of clauses, which is what harvesting makes.  Rules
 * are not written here: a library with rules is refused rather than
 * written without them.
 */

static const JhXmlFormat library_format = {
  .root_name = "library",
  .namespace_uri = JH_LIBRARY_NAMESPACE,
  .schema_resource = "/io/github/jihua/Jihua/core/jihua-library.rng",
  .description = N_("a Jihua clause library"),
};

static void
set_uint (xmlNode    *node,
          const char *name,
          guint       value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) text);
}

static void
set_string (xmlNode    *node,
            const char *name,
            const char *value)
{
  if (value != NULL && *value != '\0')
    xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) value);
}

static xmlNode *
add_text_child (xmlNode    *parent,
                const char *name,
                const char *text)
{
  return xmlNewTextChild (parent, NULL, (const xmlChar *) name, (const xmlChar *) text);
}

static void
write_source (xmlNode              *parent,
              const JhClauseSource *source)
{
  xmlNode *node = xmlNewChild (parent, NULL, (const xmlChar *) "source", NULL);

  set_string (node, "document", source->document);
  set_string (node, "organization", source->organization);
  if (source->year > 0)
    set_uint (node, "year", source->year);
  set_string (node, "file", source->file);
  if (source->has_kind)
    set_string (node, "kind", jh_section_kind_to_nick (source->kind));
}

static void
write_clause (xmlNode  *root,
              JhClause *clause)
{
  xmlNode *node = xmlNewChild (root, NULL, (const xmlChar *) "clause", NULL);
  const char * const *tags = jh_clause_get_tags (clause);
  GPtrArray *sources = jh_clause_get_sources (clause);
  const JhSectionKind *kinds;
  guint n_kinds;

  set_string (node, "id", jh_clause_get_id (clause));
  set_uint (node, "version", jh_clause_get_version (clause));
  if (jh_clause_get_status (clause) != JH_CLAUSE_STATUS_CURRENT)
    set_string (node, "status", jh_clause_status_to_nick (jh_clause_get_status (clause)));
  if (jh_clause_get_year (clause) > 0)
    set_uint (node, "year", jh_clause_get_year (clause));
  set_string (node, "superseded-by", jh_clause_get_superseded_by (clause));

  kinds = jh_clause_get_kinds (clause, &n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    add_text_child (node, "kind", jh_section_kind_to_nick (kinds[i]));
  if (n_kinds == 0)
    add_text_child (node, "kind", jh_section_kind_to_nick (JH_SECTION_KIND_OTHER));

  add_text_child (node, "title", jh_clause_get_title (clause));
  add_text_child (node, "text", jh_clause_get_text (clause));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    add_text_child (node, "tag", tags[i]);

  if (sources->len > 0)
    {
      for (guint i = 0; i < sources->len; i++)
        write_source (node, g_ptr_array_index (sources, i));
    }
  else if (jh_clause_get_source_document (clause) != NULL || jh_clause_get_source_organization (clause) != NULL ||
           jh_clause_get_source_year (clause) > 0)
    {
      g_autoptr(JhClauseSource) source = jh_clause_source_new (NULL, jh_clause_get_source_document (clause),
                                                              jh_clause_get_source_organization (clause),
                                                              jh_clause_get_source_year (clause));

      write_source (node, source);
    }

  if (jh_clause_get_notes (clause) != NULL)
    add_text_child (node, "note", jh_clause_get_notes (clause));
}

/**
 * jh_harvest_save_library:
 * @library: a library of clauses, without rules
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a harvested library.  The file is replaced in one step (a new
 * file renamed over the old), and what is written is first checked
 * against the library schema, so that a library is never left half
 * written nor written unreadable.
 *
 * Returns: whether the library was written
 */
gboolean
jh_harvest_save_library (JhLibrary     *library,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  const char * const *disabled;
  GListModel *clauses;
  xmlNode *root;

  g_return_val_if_fail (JH_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);
  if (g_list_model_get_n_items (jh_library_get_rules (library)) > 0)
    {
      g_set_error (error, JH_FILE_ERROR, JH_FILE_ERROR_INVALID,
                   _("%s has rules, which harvesting cannot write back; harvest into a library of clauses only"),
                   name);
      return FALSE;
    }

  root = xmlNewNode (NULL, (const xmlChar *) "library");
  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, (const xmlChar *) JH_LIBRARY_NAMESPACE, NULL));
  set_string (root, "format-version", JH_LIBRARY_FORMAT_VERSION);
  set_uint (root, "version", MAX (jh_library_get_version (library), 1));
  add_text_child (root, "title", jh_library_get_title (library));
  if (jh_library_get_organization (library) != NULL)
    add_text_child (root, "organization", jh_library_get_organization (library));
  if (jh_library_get_description (library) != NULL)
    add_text_child (root, "description", jh_library_get_description (library));

  clauses = jh_library_get_clauses (library);
  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      write_clause (root, clause);
    }

  disabled = jh_library_get_disabled_rules (library);
  for (guint i = 0; disabled[i] != NULL; i++)
    set_string (xmlNewChild (root, NULL, (const xmlChar *) "disable", NULL), "rule", disabled[i]);

  if (!_jh_xml_validate (&library_format, doc, name, error))
    return FALSE;

  bytes = _jh_xml_dump (doc);

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error);
}

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

  base = g_file_get_basename (file);
  if (g_str_has_suffix (base, JH_LIBRARY_FILE_SUFFIX))
    base[strlen (base) - strlen (JH_LIBRARY_FILE_SUFFIX)] = '\0';

  return jh_library_new (*base != '\0' ? base : _("My Clauses"));
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
      !jh_harvest_save_library (library, data->library_file, cancellable, &error))
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
