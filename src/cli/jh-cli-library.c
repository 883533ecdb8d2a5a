/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jihua.h"
#include "jh-cli.h"

/* jihua-cli library: clause libraries from the command line.  "test"
 * runs every rule on its own examples, as `vale test` does, so that a
 * library can be checked before it is shared.
 */

static guint
count_examples (JhLibrary *library)
{
  GListModel *rules = jh_library_get_rules (library);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      n += jh_rule_get_n_examples (rule);
    }

  return n;
}

static const char *
describe (JhLibrary *library)
{
  GFile *file = jh_library_get_file (library);

  if (file == NULL)
    return jh_library_is_builtin (library) ? _("built-in library") : jh_library_get_name (library);

  return g_object_get_data (G_OBJECT (library), "jh-cli-name");
}

static gboolean
test_library (JhLibrary *library)
{
  g_autoptr(GPtrArray) failures = NULL;
  guint n_rules = g_list_model_get_n_items (jh_library_get_rules (library));
  guint n_examples = count_examples (library);

  if (jh_library_test (library, &failures))
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%s: %u rule, %u examples: all passed\n",
                            "%s: %u rules, %u examples: all passed\n",
                            n_rules),
               describe (library), n_rules, n_examples);
      return TRUE;
    }

  for (guint i = 0; i < failures->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (failures, i));

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%s: %u failure\n",
                        "%s: %u failures\n",
                        failures->len),
           describe (library), failures->len);

  return FALSE;
}

static void
list_library (JhLibrary *library)
{
  GListModel *clauses = jh_library_get_clauses (library);
  GListModel *rules = jh_library_get_rules (library);

  g_print ("%s (%s)\n", jh_library_get_title (library), describe (library));

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(JhRule) rule = g_list_model_get_item (rules, i);

      g_print ("  rule    %-40s %-12s %-8s\n", jh_rule_get_id (rule),
               jh_rule_category_to_nick (jh_rule_get_category (rule)),
               jh_severity_to_nick (jh_rule_get_severity (rule)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(JhClause) clause = g_list_model_get_item (clauses, i);

      g_print ("  clause  %-40s v%-3u %-10s %s\n", jh_clause_get_id (clause),
               jh_clause_get_version (clause),
               jh_clause_status_to_nick (jh_clause_get_status (clause)),
               jh_clause_get_title (clause));
    }
}

static int
run_library (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = jh_cli_option_context_new (&jh_cli_command_library);
  g_autoptr(GPtrArray) locations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean builtin = FALSE;
  gboolean all_passed = TRUE;
  gboolean load_failed = FALSE;
  const char *action;
  int status;
  const GOptionEntry entries[] = {
    { "builtin", 'b', 0, G_OPTION_ARG_NONE, &builtin, N_("The built-in library"), NULL },
    { NULL }
  };

  /* harvest writes a library and has options of its own. */
  if (argc >= 2 && g_str_equal (argv[1], "harvest"))
    return jh_cli_library_harvest (argc - 1, argv + 1);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Actions:\n"
                                      "  test    run every rule on its own examples; fail if one does not pass\n"
                                      "  list    list the rules and clauses\n"
                                      "  harvest --library LIB FILE…  add the paragraphs of prior-year plans to LIB"));
  status = jh_cli_parse_options (context, &argc, &argv);
  if (status != JH_CLI_EXIT_OK)
    return status;

  if (argc < 2 || (!g_str_equal (argv[1], "test") && !g_str_equal (argv[1], "list")))
    {
      g_printerr ("jihua-cli library: %s\n", _("give an action: test or list"));
      return JH_CLI_EXIT_USAGE;
    }
  action = argv[1];

  if (argc < 3 && !builtin)
    {
      g_printerr ("jihua-cli library: %s\n", _("no library given"));
      return JH_CLI_EXIT_USAGE;
    }

  if (builtin)
    g_ptr_array_add (libraries, jh_library_new_builtin ());

  /* Each library by itself: a folder means every .jhlib in it, and one
   * that cannot be read does not keep the others from being tested.
   */
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) location = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) errors = NULL;
      g_autoptr(JhLibrarySet) set = NULL;
      g_autoptr(GError) error = NULL;
      gboolean is_folder;

      is_folder = g_file_query_file_type (location, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
      g_ptr_array_add (one, g_object_ref (location));
      set = jh_library_set_load (FALSE, NULL, one, &errors, NULL, &error);
      if (set == NULL)
        {
          g_printerr ("jihua-cli library: %s\n", error->message);
          return JH_CLI_EXIT_FAILURE;
        }

      for (guint j = 0; j < errors->len; j++)
        g_printerr ("%s\n", ((GError *) g_ptr_array_index (errors, j))->message);
      load_failed |= errors->len > 0;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (set)); j++)
        {
          JhLibrary *library = g_list_model_get_item (G_LIST_MODEL (set), j);

          g_object_set_data_full (G_OBJECT (library), "jh-cli-name",
                                  is_folder ? g_file_get_parse_name (jh_library_get_file (library))
                                            : g_strdup (argv[i]),
                                  g_free);
          g_ptr_array_add (libraries, library);
        }
    }

  for (guint i = 0; i < libraries->len; i++)
    {
      JhLibrary *library = g_ptr_array_index (libraries, i);

      if (g_str_equal (action, "test"))
        all_passed &= test_library (library);
      else
        list_library (library);
    }

  if (load_failed)
    return JH_CLI_EXIT_USAGE;

  return all_passed ? JH_CLI_EXIT_OK : JH_CLI_EXIT_FAILURE;
}

const JhCliCommand jh_cli_command_library = {
  .name = "library",
  .parameters = N_("test|list [LIB…]"),
  .summary = N_("Test clause libraries: run each rule on its own examples"),
  .run = run_library,
};
