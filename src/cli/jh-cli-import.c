/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jihua.h"
#include "jh-cli.h"

/* A file name from a document's title: what file systems refuse or
 * shells misread becomes "_", and long titles are cut.
 */
static char *
file_name_for_title (const char *title)
{
  g_autofree char *cut = NULL;
  GString *name;

  if (title == NULL || *title == '\0')
    title = "document";

  cut = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));
  name = g_string_new (NULL);

  for (const char *p = cut; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7F || g_utf8_strchr ("/\\:*?\"<>|", -1, c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }

  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  while (name->str[0] == '.')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_assign (name, "document");

  return g_string_free (name, FALSE);
}

/* Writes @bytes to a new file in @directory named after @title, adding
 * "-2", "-3"… rather than replace a file that is there: it may be
 * someone's work.
 */
static GFile *
write_new_file (GFile       *directory,
                const char  *title,
                GBytes      *bytes,
                GError     **error)
{
  g_autofree char *base = file_name_for_title (title);

  for (guint n = 1; n < 1000; n++)
    {
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileOutputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *name = NULL;

      if (n == 1)
        name = g_strconcat (base, JH_PLAN_FILE_SUFFIX, NULL);
      else
        name = g_strdup_printf ("%s-%u%s", base, n, JH_PLAN_FILE_SUFFIX);

      file = g_file_get_child (directory, name);
      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream),
                                      g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      NULL, NULL, error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
        {
          g_file_delete (file, NULL, NULL);
          return NULL;
        }

      return g_steal_pointer (&file);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Too many files are named “%s” already"), base);

  return NULL;
}

static gboolean
write_exact_file (GFile   *file,
                  GBytes  *bytes,
                  GError **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  /* Created, not replaced: an existing file is never overwritten. */
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream),
                                  g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, NULL, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    {
      g_file_delete (file, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

static const char *
enum_nick (GType enum_type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value ? enum_value->value_nick : "";
}

static guint
count_tasks (GListModel *tasks)
{
  guint n = g_list_model_get_n_items (tasks);
  guint total = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);

      total += count_tasks (jh_task_get_subtasks (task));
    }

  return total;
}

static void
add_tasks (JsonBuilder *builder,
           GListModel  *tasks,
           guint        section,
           guint        depth)
{
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(JhTask) task = g_list_model_get_item (tasks, i);
      GListModel *targets = jh_task_get_targets (task);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "section");
      json_builder_add_int_value (builder, section);
      json_builder_set_member_name (builder, "depth");
      json_builder_add_int_value (builder, depth);
      json_builder_set_member_name (builder, "lead");
      json_builder_add_string_value (builder, jh_task_get_lead (task));
      json_builder_set_member_name (builder, "paragraphs");
      json_builder_add_int_value (builder, g_list_model_get_n_items (jh_task_get_paragraphs (task)));
      if (*jh_task_get_timing (task) != '\0')
        {
          json_builder_set_member_name (builder, "timing");
          json_builder_add_string_value (builder, jh_task_get_timing (task));
        }
      if (*jh_task_get_owner (task) != '\0')
        {
          json_builder_set_member_name (builder, "owner");
          json_builder_add_string_value (builder, jh_task_get_owner (task));
        }
      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
      for (guint k = 0; k < g_list_model_get_n_items (targets); k++)
        {
          g_autoptr(JhTarget) target = g_list_model_get_item (targets, k);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "metric");
          json_builder_add_string_value (builder, jh_target_get_metric (target));
          json_builder_set_member_name (builder, "comparison");
          json_builder_add_string_value (builder, enum_nick (JH_TYPE_COMPARISON, jh_target_get_comparison (target)));
          json_builder_set_member_name (builder, "number");
          json_builder_add_double_value (builder, jh_target_get_number (target));
          json_builder_set_member_name (builder, "unit");
          json_builder_add_string_value (builder, jh_target_get_unit (target));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      add_tasks (builder, jh_task_get_subtasks (task), section, depth + 1);
    }
}

static void
add_document (JsonBuilder      *builder,
              JhImportResult   *result,
              JhImportDocument *document,
              GFile            *output)
{
  JhPlan *plan = jh_import_document_get_plan (document);
  GListModel *sections = jh_plan_get_sections (plan);
  GPtrArray *dropped = jh_import_document_get_dropped (document);
  const char * const *notes = jh_import_document_get_notes (document);
  g_autofree char *source = NULL;

  source = jh_import_result_get_file (result) ? g_file_get_basename (jh_import_result_get_file (result))
                                              : g_strdup (jh_import_result_get_display_name (result));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, jh_import_format_to_nick (jh_import_result_get_format (result)));
  json_builder_set_member_name (builder, "encoding");
  json_builder_add_string_value (builder, jh_import_result_get_encoding (result));
  json_builder_set_member_name (builder, "converted_from_traditional");
  json_builder_add_boolean_value (builder, jh_import_result_get_converted (result));
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, jh_import_document_get_index (document));
  json_builder_set_member_name (builder, "label");
  if (jh_import_document_get_label (document) != NULL)
    json_builder_add_string_value (builder, jh_import_document_get_label (document));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "first_line");
  json_builder_add_int_value (builder, jh_import_document_get_first_line (document));
  json_builder_set_member_name (builder, "last_line");
  json_builder_add_int_value (builder, jh_import_document_get_last_line (document));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, jh_plan_get_title (plan));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, enum_nick (JH_TYPE_DOCUMENT_KIND, jh_plan_get_kind (plan)));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, jh_plan_get_year (plan));
  json_builder_set_member_name (builder, "year_source");
  json_builder_add_string_value (builder, jh_import_year_source_to_nick (jh_import_document_get_year_source (document)));
  json_builder_set_member_name (builder, "organization");
  if (*jh_plan_get_organization (plan) != '\0')
    json_builder_add_string_value (builder, jh_plan_get_organization (plan));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, jh_section_kind_to_nick (jh_section_get_kind (section)));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, jh_section_get_title (section));
      json_builder_set_member_name (builder, "paragraphs");
      json_builder_add_int_value (builder, g_list_model_get_n_items (jh_section_get_paragraphs (section)));
      json_builder_set_member_name (builder, "tasks");
      json_builder_add_int_value (builder, count_tasks (jh_section_get_tasks (section)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      add_tasks (builder, jh_section_get_tasks (section), i + 1, 1);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "dropped");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dropped->len; i++)
    {
      JhImportDrop *drop = g_ptr_array_index (dropped, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, drop->line);
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, jh_import_drop_reason_to_nick (drop->reason));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, drop->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; notes[i] != NULL; i++)
    json_builder_add_string_value (builder, notes[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "output");
  if (output != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (output);

      json_builder_add_string_value (builder, path);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_end_object (builder);
}

static void
print_document (JhImportResult   *result,
                JhImportDocument *document,
                GFile            *output)
{
  JhPlan *plan = jh_import_document_get_plan (document);
  GListModel *sections = jh_plan_get_sections (plan);
  GPtrArray *dropped = jh_import_document_get_dropped (document);
  const char * const *notes = jh_import_document_get_notes (document);
  const char *organization = jh_plan_get_organization (plan);

  g_print ("  %u. %s “%s” (%s %u–%u), %u%s%s%s\n",
           jh_import_document_get_index (document),
           enum_nick (JH_TYPE_DOCUMENT_KIND, jh_plan_get_kind (plan)),
           jh_plan_get_title (plan),
           jh_import_result_get_format (result) == JH_IMPORT_FORMAT_TEXT ? _("lines") : _("paragraphs"),
           jh_import_document_get_first_line (document),
           jh_import_document_get_last_line (document),
           jh_plan_get_year (plan),
           jh_import_document_get_year_source (document) == JH_IMPORT_YEAR_ASSUMED ? _(" (assumed)") : "",
           *organization != '\0' ? ", " : "",
           organization);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);
      const char *title = jh_section_get_title (section);

      g_print ("     %s%s%s%s: ",
               jh_section_kind_to_nick (jh_section_get_kind (section)),
               *title != '\0' ? " “" : "", title, *title != '\0' ? "”" : "");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs",
                            g_list_model_get_n_items (jh_section_get_paragraphs (section))),
               g_list_model_get_n_items (jh_section_get_paragraphs (section)));
      g_print (", ");
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks",
                            count_tasks (jh_section_get_tasks (section))),
               count_tasks (jh_section_get_tasks (section)));
      g_print ("\n");
    }

  for (guint i = 0; notes[i] != NULL; i++)
    g_print ("     %s %s\n", _("Note:"), notes[i]);

  for (guint i = 0; i < dropped->len; i++)
    {
      JhImportDrop *drop = g_ptr_array_index (dropped, i);

      g_print ("     %s %u (%s): %s\n", _("Dropped line"), drop->line,
               jh_import_drop_reason_to_nick (drop->reason), drop->text);
    }

  if (output != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (output);

      g_print ("     %s %s\n", _("Written to"), path);
    }
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_import);
  g_autoptr(JhImporter) importer = jh_importer_new ();
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) failed_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) outputs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *format = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *output_dir = NULL;
  g_autoptr(GFile) directory = NULL;
  gboolean json;
  guint n_documents = 0;
  int status = JH_CLI_EXIT_OK;
  int year = 0;
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &year, N_("The year of documents that do not state theirs (default: this year)"), N_("YEAR") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path, N_("Write the one document found to OUT, which must not exist"), N_("OUT") },
    { "output-dir", 'd', 0, G_OPTION_ARG_FILENAME, &output_dir, N_("Write each document found to a new file in DIR, named after its title"), N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Report format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Without -o or --output-dir nothing is written: the report tells what "
                                      "would be imported.  The exit status is 0 on success, 1 if a file could "
                                      "not be read or written, 2 for a usage error."));
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text"))
    {
      g_printerr ("jihua-cli import: %s\n", _("the format must be text or json"));
      return JH_CLI_EXIT_USAGE;
    }
  json = format != NULL && g_str_equal (format, "json");

  if (year != 0 && (year < JH_PLAN_MIN_YEAR || year > JH_PLAN_MAX_YEAR))
    {
      g_printerr ("jihua-cli import: %s\n", _("the year is out of range"));
      return JH_CLI_EXIT_USAGE;
    }

  if (output_path != NULL && output_dir != NULL)
    {
      g_printerr ("jihua-cli import: %s\n", _("give -o OUT or --output-dir DIR, not both"));
      return JH_CLI_EXIT_USAGE;
    }

  if (argc < 2)
    {
      g_printerr ("jihua-cli import: %s\n", _("no file given"));
      return JH_CLI_EXIT_USAGE;
    }

  jh_importer_set_default_year (importer, year);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      JhImportResult *result;

      result = jh_importer_import_file (importer, file, NULL, &error);
      if (result == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_ptr_array_add (failed_names, g_strdup (argv[i]));
          g_ptr_array_add (failures, g_steal_pointer (&error));
          status = JH_CLI_EXIT_FAILURE;
          continue;
        }

      n_documents += jh_import_result_get_n_documents (result);
      g_ptr_array_add (results, result);
    }

  if (output_path != NULL && n_documents != 1)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "jihua-cli import: %u document was found; -o writes exactly one, use --output-dir DIR\n",
                               "jihua-cli import: %u documents were found; -o writes exactly one, use --output-dir DIR\n",
                               n_documents),
                  n_documents);
      return JH_CLI_EXIT_USAGE;
    }

  if (output_dir != NULL)
    {
      g_autoptr(GError) error = NULL;

      directory = g_file_new_for_commandline_arg (output_dir);
      if (!g_file_make_directory_with_parents (directory, NULL, &error) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_printerr ("jihua-cli import: %s\n", error->message);
          return JH_CLI_EXIT_FAILURE;
        }
    }

  /* Write the plan files. */
  for (guint i = 0; i < results->len && (output_path != NULL || directory != NULL); i++)
    {
      JhImportResult *result = g_ptr_array_index (results, i);

      for (guint k = 0; k < jh_import_result_get_n_documents (result); k++)
        {
          JhImportDocument *document = jh_import_result_get_document (result, k);
          JhPlan *plan = jh_import_document_get_plan (document);
          g_autoptr(GBytes) bytes = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GFile) written = NULL;

          bytes = jh_plan_serialize (plan, &error);
          if (bytes != NULL && output_path != NULL)
            {
              g_autoptr(GFile) file = g_file_new_for_commandline_arg (output_path);

              if (write_exact_file (file, bytes, &error))
                written = g_steal_pointer (&file);
            }
          else if (bytes != NULL)
            {
              written = write_new_file (directory, jh_plan_get_title (plan), bytes, &error);
            }

          if (written == NULL)
            {
              g_printerr ("jihua-cli import: %s\n", error->message);
              status = JH_CLI_EXIT_FAILURE;
              continue;
            }

          g_hash_table_insert (outputs, document, g_steal_pointer (&written));
        }
    }

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "documents");
      json_builder_begin_array (builder);
      for (guint i = 0; i < results->len; i++)
        {
          JhImportResult *result = g_ptr_array_index (results, i);

          for (guint k = 0; k < jh_import_result_get_n_documents (result); k++)
            {
              JhImportDocument *document = jh_import_result_get_document (result, k);

              add_document (builder, result, document, g_hash_table_lookup (outputs, document));
            }
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "errors");
      json_builder_begin_array (builder);
      for (guint i = 0; i < failures->len; i++)
        {
          GError *error = g_ptr_array_index (failures, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "source");
          json_builder_add_string_value (builder, g_ptr_array_index (failed_names, i));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, error->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }
  else
    {
      for (guint i = 0; i < results->len; i++)
        {
          JhImportResult *result = g_ptr_array_index (results, i);
          guint n = jh_import_result_get_n_documents (result);

          g_print ("%s: ", jh_import_result_get_display_name (result));
          g_print (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
          g_print (" (%s, %s%s)\n",
                   jh_import_format_to_nick (jh_import_result_get_format (result)),
                   jh_import_result_get_encoding (result),
                   jh_import_result_get_converted (result) ? _(", converted from Traditional characters") : "");

          for (guint k = 0; k < n; k++)
            {
              JhImportDocument *document = jh_import_result_get_document (result, k);

              print_document (result, document, g_hash_table_lookup (outputs, document));
            }
        }
    }

  return status;
}

const JhCliCommand jh_cli_command_import = {
  .name = "import",
  .parameters = N_("FILE…"),
  .summary = N_("Import prior-year documents (.txt, .odt, .docx) as plan files"),
  .run = run_import,
};
