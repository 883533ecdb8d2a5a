/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "jihua.h"
#include "jh-cli.h"

/* jihua-cli check: a plan against the clause libraries' rules, one line
 * a finding, as a compiler reports.
 */

typedef struct
{
  char     *name;     /* what the lines call the document */
  JhPlan   *plan;
  gboolean  imported; /* its text's provenance is the document itself */
} Document;

static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->name);
  g_clear_object (&document->plan);
  g_free (document);
}

static void
add_document (GPtrArray  *documents,
              const char *name,
              JhPlan     *plan,
              gboolean    imported)
{
  Document *document = g_new0 (Document, 1);

  document->name = g_strdup (name);
  document->plan = g_object_ref (plan);
  document->imported = imported;
  g_ptr_array_add (documents, document);
}

/* The documents of FILE: a plan file, or what the importer finds in a
 * prior-year document (.txt, .odt, .docx), each checked as it stands.
 */
static GPtrArray *
read_documents (const char  *path,
                GError     **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (document_free);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  if (g_str_has_suffix (path, JH_PLAN_FILE_SUFFIX))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JhPlan) plan = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = jh_file_load_bytes (file, NULL, &local_error);
      if (bytes == NULL)
        {
          if (local_error->domain == JH_FILE_ERROR)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, local_error->domain, local_error->code,
                         "%s: %s", path, local_error->message);
          return NULL;
        }

      plan = jh_plan_load_from_bytes (bytes, path, error);
      if (plan == NULL)
        return NULL;

      add_document (documents, path, plan, FALSE);
    }
  else if (jh_importer_can_import_name (path))
    {
      g_autoptr(JhImporter) importer = jh_importer_new ();
      g_autoptr(JhImportResult) result = NULL;
      guint n;

      result = jh_importer_import_file (importer, file, NULL, error);
      if (result == NULL)
        return NULL;

      n = jh_import_result_get_n_documents (result);
      for (guint i = 0; i < n; i++)
        {
          JhImportDocument *document = jh_import_result_get_document (result, i);
          g_autofree char *name = n > 1 ? g_strdup_printf ("%s#%u", path, i + 1) : g_strdup (path);

          add_document (documents, name, jh_import_document_get_plan (document), TRUE);
        }
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: not a plan file (%s) or a document Jihua imports (.txt, .odt, .docx)"),
                   path, JH_PLAN_FILE_SUFFIX);
      return NULL;
    }

  return g_steal_pointer (&documents);
}

/* Last year's plan, named by the provenance of carried-over paragraphs,
 * is looked for beside the plan: that is where "new plan from last
 * year's" leaves the two.
 */
static void
add_priors (JhChecker  *checker,
            const char *path,
            JhPlan     *plan,
            GHashTable *given)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_auto(GStrv) sources = jh_plan_dup_prior_sources (plan);

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autoptr(GFile) prior_file = NULL;
      g_autoptr(JhPlan) prior = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (given, sources[i]))
        continue;

      if (folder != NULL)
        prior_file = g_file_resolve_relative_path (folder, sources[i]);
      if (prior_file != NULL)
        prior = jh_plan_load_from_file (prior_file, NULL, &error);

      if (prior == NULL)
        {
          g_printerr (_("jihua-cli check: %s: the plan “%s” its text was carried over from cannot be read, so paragraphs copied unchanged are not pointed out: %s\n"),
                      path, sources[i], error ? error->message : _("not found"));
          continue;
        }

      jh_checker_add_prior_plan (checker, sources[i], prior);
    }
}

static void
add_fixes (JsonBuilder *builder,
           JhFinding   *finding)
{
  GPtrArray *fixes = jh_finding_get_fixes (finding);

  json_builder_begin_array (builder);
  for (guint i = 0; i < fixes->len; i++)
    {
      JhFix *fix = g_ptr_array_index (fixes, i);

      json_builder_begin_object (builder);
      if (jh_fix_get_kind (fix) == JH_FIX_KIND_REPLACE)
        {
          json_builder_set_member_name (builder, "replacement");
          json_builder_add_string_value (builder, jh_fix_get_replacement (fix));
        }
      else
        {
          json_builder_set_member_name (builder, "clause");
          json_builder_add_string_value (builder, jh_fix_get_clause_id (fix));
          if (jh_fix_get_clause (fix) != NULL)
            {
              json_builder_set_member_name (builder, "title");
              json_builder_add_string_value (builder, jh_clause_get_title (jh_fix_get_clause (fix)));
            }
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_finding (JsonBuilder *builder,
             const char  *name,
             JhFinding   *finding)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, jh_finding_get_rule_id (finding));
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, jh_rule_category_to_nick (jh_finding_get_category (finding)));
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, jh_severity_to_nick (jh_finding_get_severity (finding)));
  json_builder_set_member_name (builder, "section");
  if (jh_finding_get_section_title (finding) != NULL)
    json_builder_add_string_value (builder, jh_finding_get_section_title (finding));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "path");
  if (jh_finding_get_task_path (finding) != NULL)
    json_builder_add_string_value (builder, jh_finding_get_task_path (finding));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, jh_finding_field_to_nick (jh_finding_get_field (finding)));
  json_builder_set_member_name (builder, "paragraph");
  if (jh_finding_get_paragraph_index (finding) >= 0)
    json_builder_add_int_value (builder, jh_finding_get_paragraph_index (finding));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "offset");
  json_builder_add_int_value (builder, jh_finding_get_char_offset (finding));
  json_builder_set_member_name (builder, "length");
  json_builder_add_int_value (builder, jh_finding_get_char_length (finding));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, jh_finding_get_text (finding));
  json_builder_set_member_name (builder, "context");
  json_builder_add_string_value (builder, jh_finding_get_context (finding));
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, jh_finding_get_message (finding));
  json_builder_set_member_name (builder, "fixes");
  add_fixes (builder, finding);

  /* How the text differs from the clause the fix puts in its place. */
  {
    g_autoptr(GPtrArray) diff = jh_finding_dup_diff (finding);

    if (diff != NULL)
      {
        g_autofree char *shown = jh_text_diff_format (diff);

        json_builder_set_member_name (builder, "diff");
        json_builder_add_string_value (builder, shown);
      }
  }
  json_builder_end_object (builder);
}

static void
print_finding (const char *name,
               JhFinding  *finding)
{
  g_autofree char *location = jh_finding_dup_location (finding);

  if (*location != '\0')
    g_print ("%s:%s: %s: %s [%s]\n", name, location,
             jh_severity_to_nick (jh_finding_get_severity (finding)),
             jh_finding_get_message (finding), jh_finding_get_rule_id (finding));
  else
    g_print ("%s: %s: %s [%s]\n", name,
             jh_severity_to_nick (jh_finding_get_severity (finding)),
             jh_finding_get_message (finding), jh_finding_get_rule_id (finding));
}

static int
run_check (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_check);
  g_auto(GStrv) library_paths = NULL;
  g_auto(GStrv) prior_paths = NULL;
  g_autofree char *format = NULL;
  gboolean no_builtin = FALSE;
  g_autoptr(GPtrArray) extra = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) load_errors = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(JhLibrarySet) libraries = NULL;
  g_autoptr(GFile) user_file = NULL;
  g_autoptr(JhChecker) checker = NULL;
  g_autoptr(GHashTable) given_priors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  gboolean any_error = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME_ARRAY, &library_paths,
      N_("Also check against the clause library LIB, a file or a folder of them (repeatable)"), N_("LIB") },
    { "no-builtin", 0, 0, G_OPTION_ARG_NONE, &no_builtin,
      N_("Leave out the built-in library"), NULL },
    { "prior", 'p', 0, G_OPTION_ARG_FILENAME_ARRAY, &prior_paths,
      N_("Last year’s plan, to point out paragraphs copied from it unchanged (found beside FILE by default)"), N_("PLAN") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr ("jihua-cli check: %s\n", _("the format is text or json"));
      return JH_CLI_EXIT_USAGE;
    }
  json = format != NULL && g_str_equal (format, "json");

  if (argc != 2)
    {
      g_printerr ("jihua-cli check: %s\n", argc < 2 ? _("no file given") : _("give one file"));
      return JH_CLI_EXIT_USAGE;
    }

  for (guint i = 0; library_paths != NULL && library_paths[i] != NULL; i++)
    g_ptr_array_add (extra, g_file_new_for_commandline_arg (library_paths[i]));

  /* The libraries the application uses: the built-in one, the user's
   * own, then those asked for.
   */
  user_file = jh_library_dup_user_file ();
  libraries = jh_library_set_load (!no_builtin, user_file, extra, &load_errors, NULL, &error);
  if (libraries == NULL)
    {
      g_printerr ("jihua-cli check: %s\n", error->message);
      return JH_CLI_EXIT_FAILURE;
    }

  /* The user's library, not asked for here, only warns when broken. */
  if (jh_library_set_get_user_library (libraries) == NULL && load_errors->len > 0)
    {
      g_printerr (_("jihua-cli check: warning: your own clause library is not used: %s\n"),
                  ((GError *) g_ptr_array_index (load_errors, 0))->message);
      g_ptr_array_remove_index (load_errors, 0);
    }

  /* A library asked for and not usable is bad input, as a bad plan is. */
  if (load_errors->len > 0)
    {
      for (guint i = 0; i < load_errors->len; i++)
        g_printerr ("%s\n", ((GError *) g_ptr_array_index (load_errors, i))->message);
      return JH_CLI_EXIT_USAGE;
    }

  documents = read_documents (argv[1], &error);
  if (documents == NULL)
    {
      g_printerr ("%s\n", error->message);
      return JH_CLI_EXIT_USAGE;
    }

  checker = jh_checker_new (libraries);

  for (guint i = 0; prior_paths != NULL && prior_paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (prior_paths[i]);
      g_autoptr(JhPlan) prior = jh_plan_load_from_file (file, NULL, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (prior == NULL)
        {
          g_printerr ("%s\n", error->message);
          return JH_CLI_EXIT_USAGE;
        }

      /* Carried-over text names its source by the file's name. */
      jh_checker_add_prior_plan (checker, name, prior);
      g_hash_table_add (given_priors, g_steal_pointer (&name));
    }

  json_builder_begin_array (builder);

  for (guint d = 0; d < documents->len; d++)
    {
      Document *document = g_ptr_array_index (documents, d);
      g_autoptr(GPtrArray) findings = NULL;

      if (!document->imported)
        add_priors (checker, argv[1], document->plan, given_priors);
      findings = jh_checker_check (checker, document->plan);

      for (guint i = 0; i < findings->len; i++)
        {
          JhFinding *finding = g_ptr_array_index (findings, i);

          any_error |= jh_finding_get_severity (finding) == JH_SEVERITY_ERROR;
          if (json)
            add_finding (builder, document->name, finding);
          else
            print_finding (document->name, finding);
        }
    }

  json_builder_end_array (builder);

  if (json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
    }

  return any_error ? JH_CLI_EXIT_FAILURE : JH_CLI_EXIT_OK;
}

const JhCliCommand jh_cli_command_check = {
  .name = "check",
  .parameters = N_("FILE"),
  .summary = N_("Check a plan against the clause libraries’ rules; print FILE:SECTION/TASK: severity: message for each finding"),
  .run = run_check,
};
