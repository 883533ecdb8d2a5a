/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jihua.h"
#include "jh-cli.h"

/* jihua-cli library harvest: the paragraphs of prior-year documents into
 * a library file, which is created when missing and replaced in one
 * step (a new file renamed over the old), so that an interrupted
 * harvest leaves the library as it was.
 */

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **) a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (name_a, name_b);
}

/* A folder stands for the files in it that can be imported. */
static gboolean
add_location (GPtrArray   *files,
              GFile       *location,
              GError     **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (files, g_object_ref (location));
      return TRUE;
    }

  enumerator = g_file_enumerate_children (location,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          jh_importer_can_import_name (g_file_info_get_name (info)))
        g_ptr_array_add (children, g_object_ref (child));
    }

  g_ptr_array_sort (children, compare_files);
  for (guint i = 0; i < children->len; i++)
    g_ptr_array_add (files, g_object_ref (g_ptr_array_index (children, i)));

  return TRUE;
}

static void
print_report (const JhHarvestReport *report,
              const char            *name)
{
  if (report->error != NULL)
    {
      g_printerr ("%s: %s\n", name, report->error->message);
      return;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u document (%u harvested)", "%s: %u documents (%u harvested)",
                        report->n_documents),
           name, report->n_documents, report->n_harvested_documents);
  g_print (_(", %u paragraphs: %u new clauses, %u merged into clauses from other documents, "
             "%u already there, %u too short; %u lines dropped as web noise\n"),
           report->n_paragraphs, report->n_added, report->n_merged, report->n_known,
           report->n_skipped, report->n_dropped);
}

/**
 * jh_cli_library_harvest:
 * @argc: the number of arguments, "harvest" first
 * @argv: the arguments
 *
 * Runs `jihua-cli library harvest --library LIB FILE…`.
 *
 * Returns: an exit status
 */
int
jh_cli_library_harvest (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(JhHarvester) harvester = NULL;
  g_autoptr(JhLibrary) library = NULL;
  g_autoptr(GFile) library_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library_path = NULL;
  gboolean failed = FALSE;
  guint n_before, n_added = 0, n_merged = 0;
  int status;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path,
      N_("The library to add clauses to; created if missing"), N_("LIB") },
    { NULL }
  };

  context = g_option_context_new (_("--library LIB FILE|FOLDER…"));
  g_option_context_set_summary (context, _("Harvest the paragraphs of prior-year plans (.txt, .odt, .docx) "
                                           "into a clause library, one clause for each wording, with where "
                                           "it was found"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (library_path == NULL)
    {
      g_printerr ("jihua-cli library harvest: %s\n", _("no library given: use --library LIB"));
      return JH_CLI_EXIT_USAGE;
    }
  if (argc < 2)
    {
      g_printerr ("jihua-cli library harvest: %s\n", _("no file to harvest given"));
      return JH_CLI_EXIT_USAGE;
    }

  library_file = g_file_new_for_commandline_arg (library_path);
  library = jh_harvest_open_library (library_file, NULL, &error);
  if (library == NULL)
    {
      g_printerr ("jihua-cli library harvest: %s\n", error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) location = g_file_new_for_commandline_arg (argv[i]);

      if (!add_location (files, location, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          g_clear_error (&error);
          failed = TRUE;
        }
    }

  n_before = g_list_model_get_n_items (jh_library_get_clauses (library));
  harvester = jh_harvester_new (library);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(JhImportResult) result = NULL;
      g_autoptr(JhHarvestReport) report = NULL;
      g_autofree char *name = g_file_get_parse_name (file);

      result = jh_importer_import_file (importer, file, NULL, &error);
      if (result == NULL)
        {
          g_printerr ("%s: %s\n", name, error->message);
          g_clear_error (&error);
          failed = TRUE;
          continue;
        }

      report = jh_harvester_add_result (harvester, result);
      print_report (report, name);
      failed |= report->error != NULL;
      n_added += report->n_added;
      n_merged += report->n_merged;
    }

  if (n_added + n_merged > 0 || !g_file_query_exists (library_file, NULL))
    {
      if (!jh_library_save (library, NULL, &error))
        {
          g_printerr ("jihua-cli library harvest: %s\n", error->message);
          return JH_CLI_EXIT_FAILURE;
        }
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u clause", "%s: %u clauses",
                        g_list_model_get_n_items (jh_library_get_clauses (library))),
           library_path, g_list_model_get_n_items (jh_library_get_clauses (library)));
  g_print (_(" (%u new; %u sources added to clauses it had)\n"),
           g_list_model_get_n_items (jh_library_get_clauses (library)) - n_before, n_merged);

  return failed ? JH_CLI_EXIT_FAILURE : JH_CLI_EXIT_OK;
}
